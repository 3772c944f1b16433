"""gunicorn.conf.py: access log lines never carry the client address, the query string or the referrer."""

import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from gunicorn.config import Config
from gunicorn.glogging import Logger


def _config():
    config = Config()
    for name, value in runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py")).items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_workers_follow_the_cpus_and_can_be_set(monkeypatch):
    assert _config().workers >= 3
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    assert _config().workers == 2


def test_access_log_has_the_path_only():
    config = _config()
    for atom in ("%(h)s", "%(r)s", "%(q)s", "%(f)s", "%(a)s", "%({x-forwarded-for}i)s"):
        assert atom not in config.access_log_format
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/es/help/status/",
        "QUERY_STRING": "k=private-token-of-a-family",
        "RAW_URI": "/es/help/status/?k=private-token-of-a-family",
        "REMOTE_ADDR": "203.0.113.7",
        "HTTP_REFERER": "https://aid.example.org/es/help/status/?k=private-token-of-a-family",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    response = SimpleNamespace(status="200 OK", response_length=512, sent=512, headers=[])
    request = SimpleNamespace(headers=[], method="GET", path="/es/help/status/", query="k=private-token-of-a-family")
    atoms = Logger(config).atoms(response, request, environ, timedelta(milliseconds=12))
    line = config.access_log_format % atoms
    assert "/es/help/status/" in line
    assert "private-token" not in line
    assert "203.0.113.7" not in line
