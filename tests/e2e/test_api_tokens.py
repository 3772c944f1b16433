"""An organizer makes a personal API token on a phone, sees it once (not after a refresh), uses it, and revokes
it (en and ar: axe and screenshots on every page by Phone.open/submit)."""

from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from aidhub.api.models import ApiToken
from tests.e2e.browser import sign_in, t
from tests.factories import PASSWORD


@pytest.mark.parametrize("language", ["en", "ar"])
def test_organizer_makes_uses_and_revokes_a_token(visit, organizer_e2e, two_factor_secret, language):
    phone = visit.phone("organizer")
    page = sign_in(phone, language, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    phone.open(f"/{language}/organize/")
    phone.submit(page.get_by_role("link", name=t(language, "API tokens")))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "API tokens"))

    page.get_by_role("textbox", name=t(language, "Name")).fill("Hotline sheet")
    page.get_by_role("radio", name=t(language, "Read only")).check()
    phone.submit(page.get_by_role("button", name=t(language, "Make the token")))
    token = page.get_by_role("textbox", name=t(language, "Token"), exact=True).input_value()
    assert token.startswith("ahk_") and token not in page.url
    assert page.url.endswith(f"/{language}/organize/api-tokens/")  # POST/redirect/GET
    # Shown once: opening the page again (a refresh) shows no token and makes none.
    phone.open(f"/{language}/organize/api-tokens/")
    expect(page.get_by_role("textbox", name=t(language, "Token"), exact=True)).to_have_count(0)
    assert token not in page.content() and ApiToken.objects.count() == 1
    # The phone's own connection, with its signed-in session's cookies: only the token opens the API.
    url = urljoin(page.url, "/api/requests")
    assert page.request.get(url).status == 401
    assert page.request.get(url, headers={"Authorization": f"Bearer {token}"}).status == 200

    revoke = t(language, "Revoke")
    phone.submit(page.get_by_role("button", name=f"{revoke} Hotline sheet"))
    expect(page.get_by_role("cell", name=t(language, "You have no tokens."))).to_be_visible()
    assert ApiToken.objects.get().revoked_at is not None
    assert page.request.get(url, headers={"Authorization": f"Bearer {token}"}).status == 401


def test_the_api_docs_page_passes_on_a_phone(visit, organization):
    """/api/docs is ours, without scripts: axe, touch targets and reflow as for every page."""
    phone = visit.phone("developer")
    page = phone.open("/api/docs")
    expect(page.get_by_role("heading", level=1)).to_have_text("AidHub API")
    expect(page.get_by_text("GET /api/public/offers", exact=True)).to_be_visible()
