"""Issue 16, item 9: an accessibility statement in every language, linked from every page's footer, honest about
what was and was not tried, with a way to report a barrier."""

import pytest
from django.conf import settings
from django.utils import translation


def _t(code, text):
    with translation.override(code):
        return translation.gettext(text)


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_the_statement_is_in_every_language_and_linked_from_the_footer(client, code):
    home = client.get(f"/{code}/")
    assert f'href="/{code}/accessibility/"' in home.text
    response = client.get(f"/{code}/accessibility/")
    assert response.status_code == 200
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in response.text
    for text in ("What we checked", "What we have not checked yet", "Tell us about a barrier"):
        assert _t(code, text) in response.text
    # Honest about what was not tried.
    assert "TalkBack" in response.text
    assert "VoiceOver" in response.text


def test_a_barrier_is_reported_to_the_networks_phone_and_email_when_set(client, settings):
    settings.NETWORK_PHONE = "+1 202 555 0143"
    settings.NETWORK_EMAIL = "access@example.org"
    response = client.get("/en/accessibility/")
    assert 'href="tel:+12025550143"' in response.text
    assert 'href="mailto:access@example.org"' in response.text
    assert "gave you the address of this site" not in response.text


def test_without_a_phone_or_email_it_says_whom_to_tell(client, settings):
    settings.NETWORK_PHONE = ""
    settings.NETWORK_EMAIL = ""
    response = client.get("/es/accessibility/")
    assert "tel:" not in response.text
    assert "mailto:" not in response.text
    whom = "Tell the organizer or the organization that gave you the address of this site: they will pass it on."
    assert _t("es", whom) in response.text
