"""/healthz says the process is alive without touching the database; /readyz checks the database and the cache."""

import pytest
from django.db import OperationalError

from aidhub.core import health


def test_healthz_answers_without_the_database(client):
    # No `db` fixture: pytest-django fails any database access in this test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.text == "ok\n"
    assert "no-cache" in response["Cache-Control"]
    assert "Set-Cookie" not in response


def test_readyz_checks_database_and_cache(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_readyz_is_unavailable_without_the_database(client, db, monkeypatch):
    def broken_cursor():
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(health.connection, "cursor", broken_cursor)
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "fail", "cache": "ok"}


def test_readyz_is_unavailable_without_the_cache(client, db, monkeypatch):
    def broken_set(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(health.cache, "set", broken_set)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["cache"] == "fail"


@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_health_endpoints_live_outside_the_language_prefix_and_skip_the_https_redirect(client, db, settings, url):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(url).status_code == 200
    assert client.get("/en/").status_code == 301
