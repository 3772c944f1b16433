"""Every interface language renders every public page, with the right lang and dir and the page's own words
translated (not only the header and footer every page shares)."""

import pytest
from django.conf import settings

from tests.helpers import assert_in_language

CODES = [code for code, _name in settings.LANGUAGES]
PAGES = {
    "/{code}/": "Neighbours helping neighbours",
    "/{code}/offers/": "Offers of help",
    "/{code}/organizations/": "Partner organizations",
    "/{code}/accounts/login/": "Sign In",
    "/{code}/accounts/signup/": "Sign Up",
    "/{code}/help/": "Ask for help",
}
SIGNED_IN_PAGES = {
    "/{code}/my/": "Change profile",
    "/{code}/my/profile/": "Your volunteer profile",
    "/{code}/my/offers/new/": "Offer your help",
    "/{code}/organize/offers/": "Offers to review",
}


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("page", PAGES)
def test_public_pages_render_in_every_language(client, code, page, offer):
    assert_in_language(client.get(page.format(code=code)), code, PAGES[page])


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("page", SIGNED_IN_PAGES)
def test_signed_in_pages_render_in_every_language(client_for, organizer, code, page):
    assert_in_language(client_for(organizer).get(page.format(code=code)), code, SIGNED_IN_PAGES[page])
