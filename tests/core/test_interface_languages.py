"""settings.LANGUAGES is the one list of interface languages: adding one needs no migration, and the Makefile's
`make messages` reads its locale folders from settings rather than from a copy."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils.translation import to_locale

ROOT = Path(settings.BASE_DIR)

# Settings changed before the apps load, as a deployment adding Somali (and making Spanish the default) would.
MORE_LANGUAGES = """
import os
os.environ["DJANGO_SETTINGS_MODULE"] = "aidhub.settings"
from django.conf import settings
settings.LANGUAGES = [*settings.LANGUAGES, ("so", "Soomaali")]
settings.LANGUAGE_CODE = "es"
import django
django.setup()
from django.core.management import call_command
call_command("makemigrations", "--check", "--dry-run")
"""


@pytest.mark.slow
def test_adding_an_interface_language_needs_no_migration():
    # A fresh process, so that the models are loaded with the changed settings; an in-memory database, so that
    # no real one is touched.
    env = {**os.environ, "DEBUG": "true", "DATABASE_URL": "sqlite://:memory:"}
    result = subprocess.run(
        [sys.executable, "-c", MORE_LANGUAGES], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


@override_settings(LANGUAGES=[("en", "English"), ("pt-br", "Português"), ("zh-hans", "简体中文"), ("so", "Soomaali")])
def test_ui_languages_prints_the_locale_folder_of_every_interface_language():
    out = StringIO()
    call_command("ui_languages", stdout=out)
    assert out.getvalue().split() == ["en", "pt_BR", "zh_Hans", "so"]


@pytest.mark.slow
def test_make_messages_extracts_every_interface_language_from_settings():
    # `make -n` prints the commands without running them; the language list is still read through manage.py.
    venv = Path(sys.executable).parent.parent
    result = subprocess.run(
        ["make", "-n", "messages", f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    makemessages = next(line for line in result.stdout.splitlines() if "makemessages" in line)
    arguments = makemessages.split()
    languages = [arguments[index + 1] for index, argument in enumerate(arguments) if argument == "-l"]
    assert languages == [to_locale(code) for code, _name in settings.LANGUAGES]
