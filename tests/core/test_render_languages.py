"""Every interface language renders every public page, with the right lang and dir and the page's own words
translated (not only the header and footer every page shares)."""

import pytest

from tests.helpers import assert_pages_in_every_language

pytestmark = pytest.mark.slow

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


# Each page once per language, with the objects made once (issue 21: thirty languages).
def test_public_pages_render_in_every_language(client, offer):
    assert_pages_in_every_language(client, PAGES)


def test_signed_in_pages_render_in_every_language(client_for, organizer):
    assert_pages_in_every_language(client_for(organizer), SIGNED_IN_PAGES)
