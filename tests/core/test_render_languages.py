"""Every interface language renders every public page, with the right lang and dir and translated text."""

import pytest
from django.conf import settings
from django.utils import translation

PAGES = [
    "/{code}/",
    "/{code}/offers/",
    "/{code}/organizations/",
    "/{code}/accounts/login/",
    "/{code}/accounts/signup/",
    "/{code}/help/",
]
SIGNED_IN_PAGES = ["/{code}/my/", "/{code}/my/profile/", "/{code}/my/offers/new/", "/{code}/organize/offers/"]


def _expect_translated(response, code, text):
    with translation.override(code):
        translated = translation.gettext(text)
    if code != "en":
        assert translated != text, f"{text!r} is not translated into {code}"
    assert translated in response.text


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("page", PAGES)
def test_public_pages_render_in_every_language(client, code, page, offer):
    response = client.get(page.format(code=code))
    assert response.status_code == 200
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in response.text
    _expect_translated(response, code, "Partner organizations")


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("page", SIGNED_IN_PAGES)
def test_signed_in_pages_render_in_every_language(client_for, organizer, code, page):
    response = client_for(organizer).get(page.format(code=code))
    assert response.status_code == 200
    _expect_translated(response, code, "Sign out")
