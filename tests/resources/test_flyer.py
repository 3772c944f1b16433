"""The printable flyer: the chosen language and paper, the phone number, and a QR code of the help form."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from aidhub.resources.qr import help_form_url, make_qr, qr_svg
from tests.test_security_headers import _check

CODES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("code", CODES)
def test_the_qr_code_opens_the_help_form_in_the_flyers_language(client, code):
    url = help_form_url(code)
    assert url == f"https://aidhub.test/{code}/help/"
    qr = make_qr(url)
    assert [data.data for data in qr.data_list] == [url.encode()]
    html = client.get("/en/resources/flyer/", {"language": code}).text
    with translation.override(code):
        expected = qr_svg(make_qr(url), label=translation.gettext("QR code that opens the help form"))
    assert expected in html
    svg = re.search(r'<svg xmlns="http://www.w3.org/2000/svg" class="flyer-qr".*?</svg>', html).group(0)
    assert re.search(r'<path d="M[0-9,HVMz.]+"/>', svg)
    assert "style" not in svg
    assert f"aidhub.test/{code}/help/" in html  # for those who type it


@pytest.mark.parametrize("code", CODES)
def test_the_flyer_is_in_its_language_with_its_direction_inside_a_page_in_the_readers(client, code):
    response = client.get("/en/resources/flyer/", {"language": code, "paper": "a4"})
    assert response.status_code == 200
    html = response.text
    assert '<html lang="en" dir="ltr">' in html
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    assert f'<article class="flyer-sheet" lang="{code}" dir="{direction}"' in html
    with translation.override(code):
        for text in ("Need help?", "We never ask about immigration status.", "Ask in your language."):
            translated = translation.gettext(text)
            if code != "en":
                assert translated != text, f"{text!r} is not translated into {code}"
            assert translated in html
    _check(response)


def test_the_flyer_is_in_the_pages_language_unless_another_is_chosen(client):
    html = client.get("/ar/resources/flyer/").text
    assert '<article class="flyer-sheet" lang="ar" dir="rtl"' in html
    assert make_qr(help_form_url("ar")).data_list[0].data == b"https://aidhub.test/ar/help/"
    assert "aidhub.test/ar/help/" in html


@pytest.mark.parametrize(("paper", "stylesheet"), [("a4", "flyer-a4.css"), ("letter", "flyer-letter.css")])
def test_the_paper_size_chooses_the_stylesheet(client, paper, stylesheet):
    html = client.get("/en/resources/flyer/", {"paper": paper}).text
    assert f'href="/static/css/{stylesheet}"' in html
    assert 'href="/static/css/flyer.css"' in html


@pytest.mark.parametrize(("region", "stylesheet"), [("US", "flyer-letter.css"), ("DE", "flyer-a4.css")])
def test_the_usual_paper_of_the_networks_country_is_the_default(client, settings, region, stylesheet):
    settings.PHONE_DEFAULT_REGION = region
    html = client.get("/en/resources/flyer/", {"language": "ar"}).text
    assert f'href="/static/css/{stylesheet}"' in html
    # The menus show what the flyer uses.
    paper = "letter" if region == "US" else "a4"
    assert f'<option value="{paper}" selected>' in html
    assert '<option value="ar" selected>' in html


def test_wrong_choices_are_explained_and_the_defaults_used(client):
    response = client.get("/es/resources/flyer/", {"language": "xx", "paper": "tabloid"})
    assert response.status_code == 200
    # Each wrong choice is named twice: in the summary of problems at the top and under its field.
    assert response.text.count("Escoja una opción válida") == 4
    assert 'class="alert alert-danger error-summary"' in response.text
    assert '<article class="flyer-sheet" lang="es" dir="ltr"' in response.text


def test_the_networks_phone_is_on_the_flyer_and_in_the_footer_when_set(client, settings):
    settings.NETWORK_PHONE = "+1 202 555 0143"
    html = client.get("/en/resources/flyer/").text
    assert '<p class="flyer-phone"><bdi dir="ltr">(202) 555-0143</bdi></p>' in html
    assert '<a href="tel:+12025550143"><bdi dir="ltr">(202) 555-0143</bdi></a>' in html
    assert 'href="tel:+12025550143"' in client.get("/es/").text


def test_without_a_phone_nothing_is_shown(client, settings):
    settings.NETWORK_PHONE = ""
    html = client.get("/en/resources/flyer/").text
    assert "flyer-phone" not in html
    assert "tel:" not in html


def test_the_flyer_is_linked_from_the_home_page_the_library_and_the_organizers_dashboard(client_for, organizer, client):
    assert 'href="/es/resources/flyer/"' in client.get("/es/").text
    assert 'href="/es/resources/flyer/"' in client.get("/es/resources/").text
    assert 'href="/es/resources/"' in client.get("/es/").text
    dashboard = client_for(organizer).get("/es/organize/").text
    assert 'href="/es/resources/flyer/"' in dashboard
    assert 'href="/es/organize/resources/"' in dashboard
