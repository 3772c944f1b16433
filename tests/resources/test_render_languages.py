"""Every resources page renders in every interface language, with its lang and dir, translated words, and its
strict CSP (no inline script or style)."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import ResourceFactory
from tests.helpers import assert_in_language

pytestmark = pytest.mark.slow

CODES = [code for code, _name in settings.LANGUAGES]


def _expect(response, code, text):
    # A link resource links to another website (a link, not a request the page makes): check the rest of the page.
    external = re.findall(r'<a class="btn btn-primary" href="https://[^"]*"', response.text)
    assert external in ([], ['<a class="btn btn-primary" href="https://example.org/help"'])
    html = response.text.replace('href="https://example.org/help"', 'href="#"')
    assert_in_language(response, code, text, html=html)


@pytest.fixture
def public_pages(resource, file_resource, organization):
    link = ResourceFactory(organization=organization, kind="link", url="https://example.org/help", topic="legal")
    return {
        "/{code}/resources/": "Print a flyer",
        f"/{{code}}/resources/{resource.pk}/": "All resources",
        f"/{{code}}/resources/{file_resource.pk}/": "Download the PDF",
        f"/{{code}}/resources/{link.pk}/": "Go to the website",
        "/{code}/resources/flyer/": "Printable flyer",
        "/{code}/": "Know your rights",
    }


@pytest.fixture
def organizer_pages(resource, event):
    return {
        "/{code}/organize/resources/": "Your resources",
        "/{code}/organize/resources/new/": "New resource",
        f"/{{code}}/organize/resources/{resource.pk}/": "Change the resource",
        f"/{{code}}/organize/resources/{resource.pk}/translations/": "Save this translation",
        f"/{{code}}/organize/events/{event.pk}/translations/": "Save this translation",
        f"/{{code}}/organize/events/{event.pk}/": "Translations",
    }


# Each page once per language, with the resources made once (issue 21: thirty languages).
def test_public_resource_pages_render_in_every_language(client, public_pages):
    for code in CODES:
        for page, text in public_pages.items():
            _expect(client.get(page.format(code=code)), code, text)


def test_organizer_resource_pages_render_in_every_language(client_for, organizer, organizer_pages):
    client = client_for(organizer)
    for code in CODES:
        for page, text in organizer_pages.items():
            _expect(client.get(page.format(code=code)), code, text)


def test_topics_and_kinds_are_translated(client, resource):
    for code in CODES:
        html = client.get(f"/{code}/resources/{resource.pk}/").text
        with translation.override(code):
            assert translation.gettext("Your rights") in html, code
            assert translation.gettext("Text") in html, code
