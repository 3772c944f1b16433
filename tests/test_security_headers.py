"""Every page carries a strict Content-Security-Policy and holds no inline script or style for it to block."""

import re

import pytest

PUBLIC = ["/en/", "/ar/", "/en/offers/", "/en/organizations/", "/en/accounts/login/", "/en/accounts/signup/"]
SIGNED_IN = [
    "/en/my/",
    "/en/my/profile/",
    "/en/my/offers/new/",
    "/en/organize/offers/",
    "/en/accounts/2fa/",
    "/en/organize/",
    "/en/organize/requests/",
]


def _check(response):
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "worker-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    html = response.text
    # Scripts only from our own files (JSON data blocks are not executed).
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert re.search(r"\sstyle=", html) is None
    assert "<style" not in html
    # No third-party requests: every src and stylesheet is our own.
    for url in re.findall(r'(?:src|href)="(https?:)?//', html):
        pytest.fail(f"third-party URL in page: {url}")


@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages(client, url, offer):
    _check(client.get(url))


@pytest.mark.parametrize("url", SIGNED_IN)
def test_signed_in_pages_are_never_stored(client_for, organizer, url):
    response = client_for(organizer).get(url)
    _check(response)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_admin_pages_carry_the_policy_too(client_for, admin_user):
    response = client_for(admin_user).get("/admin/needs/helprequest/")
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_family_pages_are_never_stored(client, eastside):
    from tests.needs.helpers import help_form

    response = client.post("/en/help/", help_form(eastside))
    status = client.get(response["Location"])
    _check(status)
    assert "no-store" in status["Cache-Control"]
    assert "no-store" in client.get("/en/help/")["Cache-Control"]
