"""Production settings, read in a fresh process as a deployment would: `check --deploy` is clean, the
cookies are __Host- prefixed, Secure, HttpOnly (session) and SameSite=Lax, and the demo and benchmark seeders
(which make accounts with published passwords) are not installed."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 20 + "production-like-secret-key-0123456789-abcdefghijklmnop",
    "FIELD_ENCRYPTION_KEYS": "production-like-field-key-0123456789",
    "ALLOWED_HOSTS": "aid.example.org",
    "EMAIL_URL": "smtp+tls://user:pass@mail.example.org:587",
    "SMS_BACKEND": "twilio",
    "TWILIO_ACCOUNT_SID": "AC00000000000000000000000000000000",
    "TWILIO_AUTH_TOKEN": "production-like-twilio-auth-token",
    "TWILIO_FROM_NUMBER": "+12025550100",
    "TASKS_BACKEND": "database",
    # Behind the reverse proxy of deploy/, as in production (check --deploy warns otherwise: antibot.W001).
    "TRUSTED_PROXY_COUNT": "1",
    "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{settings.BASE_DIR / 'db.sqlite3'}"),
}


# Settings of the test run that a production installation does not have (pyproject.toml).
TEST_ONLY = ("SECURE_SSL_REDIRECT", "STATIC_MANIFEST", "DEV_DATA_APP")


def _run(*args, **env_changes):
    env = {key: value for key, value in os.environ.items() if key not in TEST_ONLY}
    env.update(PRODUCTION_ENV)
    env.update(env_changes)
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_passes_with_nothing_silenced():
    result = _run("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_cookies_and_transport():
    code = (
        "import django, json, os; os.environ['DJANGO_SETTINGS_MODULE']='aidhub.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(json.dumps({k: getattr(s, k) for k in ('SESSION_COOKIE_NAME','SESSION_COOKIE_SECURE',"
        "'SESSION_COOKIE_HTTPONLY','SESSION_COOKIE_SAMESITE','CSRF_COOKIE_NAME','CSRF_COOKIE_SECURE',"
        "'CSRF_COOKIE_SAMESITE','SECURE_HSTS_SECONDS','SECURE_SSL_REDIRECT','SILENCED_SYSTEM_CHECKS')}))"
    )
    result = _run("-c", code)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert values["CSRF_COOKIE_NAME"].startswith("__Host-")
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"]
    assert values["SESSION_COOKIE_SAMESITE"] == values["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_SSL_REDIRECT"]
    assert values["SILENCED_SYSTEM_CHECKS"] == []


def test_production_refuses_to_start_without_keys():
    env_code = "import os; os.environ['DJANGO_SETTINGS_MODULE']='aidhub.settings'; import django; django.setup()"
    for missing in ("SECRET_KEY", "FIELD_ENCRYPTION_KEYS"):
        env = {key: value for key, value in os.environ.items() if key != missing}
        env.update({k: v for k, v in PRODUCTION_ENV.items() if k != missing})
        result = subprocess.run(
            [sys.executable, "-c", env_code], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True
        )
        assert result.returncode != 0
        assert missing in result.stderr


INSTALLED = (
    "import os; os.environ['DJANGO_SETTINGS_MODULE']='aidhub.settings'; import django; django.setup();"
    "from django.apps import apps; print(apps.is_installed('aidhub.devdata'))"
)


def test_production_does_not_install_the_demo_and_benchmark_seeders():
    assert _run("-c", INSTALLED).stdout.split() == ["False"]
    for command in ("seed_demo", "seed_bench", "bench_alert_fanout"):
        result = _run("manage.py", command)
        assert result.returncode != 0
        assert f"Unknown command: '{command}'" in result.stderr


def test_development_and_the_flag_install_the_seeders():
    # `make run` (DEBUG on), and the tests and the benchmark's seeding (DEV_DATA_APP with DEBUG off).
    assert _run("-c", INSTALLED, DEBUG="true").stdout.split() == ["True"]
    assert _run("-c", INSTALLED, DEV_DATA_APP="true").stdout.split() == ["True"]


def test_check_deploy_refuses_the_seeders_in_production():
    result = _run("manage.py", "check", "--deploy", "--fail-level", "WARNING", DEV_DATA_APP="true")
    assert result.returncode != 0
    assert "(aidhub.W201)" in result.stderr
    assert "Unset DEV_DATA_APP in production." in result.stderr
