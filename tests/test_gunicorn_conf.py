"""gunicorn.conf.py: access log lines never carry the client address, the query string, the referrer or a private
link's token, and a visitor's path cannot add a line (a whole server: tests/security/test_break05_tokens_in_logs.py).
"""

import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from gunicorn.config import Config


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
    line = _access_line(config, environ)
    assert "/es/help/status/" in line
    assert "private-token" not in line
    assert "203.0.113.7" not in line


def _access_line(config, environ):
    response = SimpleNamespace(status="200 OK", response_length=512, sent=512, headers=[])
    request = SimpleNamespace(headers=[], method=environ["REQUEST_METHOD"], path=environ["PATH_INFO"], query="")
    logger = config.logger_class(config)
    # As Logger.access() writes a line: the atoms, wrapped (quotes escaped, missing ones as "-").
    atoms = logger.atoms_wrapper_class(logger.atoms(response, request, environ, timedelta(milliseconds=12)))
    return config.access_log_format % atoms


def test_access_log_redacts_tokens_in_paths_and_escapes_line_breaks():
    config = _config()
    token = "Kq3v9XbN2rT5wYz8AcDfGhJkLmNpQsUv"
    environ = {"REQUEST_METHOD": "GET", "SERVER_PROTOCOL": "HTTP/1.1", "QUERY_STRING": ""}
    line = _access_line(config, {**environ, "PATH_INFO": f"/es/events/bookings/{token}/move/", "RAW_URI": "/"})
    assert token not in line
    assert '"GET /es/events/bookings/[redacted]/move/"' in line
    line = _access_line(config, {**environ, "PATH_INFO": '/x\r\n[01/Jan/2026] "GET /forged"', "RAW_URI": "/"})
    assert "\n" not in line
    assert "\r" not in line
    assert '/x\\r\\n[01/Jan/2026] \\"GET /forged\\"' in line
