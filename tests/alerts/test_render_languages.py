"""Every alerts page renders in every interface language, with its strict CSP and no inline script or style."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from tests.helpers import assert_in_language, assert_pages_in_every_language

pytestmark = pytest.mark.slow

CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def public_pages(sent_alert, subscription_link, unsubscribe_link):
    return {
        "/{code}/alerts/": "Alerts",
        f"/{{code}}/alerts/{sent_alert.pk}/": "In other languages",
        "/{code}/alerts/subscribe/": "Get alerts",
        f"/{{code}}/alerts/subscribe/{subscription_link['token']}/": "Confirm your subscription",
        f"/{{code}}/alerts/unsubscribe/{unsubscribe_link['token']}/": "Stop my alerts",
        "/{code}/alerts/report/": "Tell organizers what you saw",
    }


@pytest.fixture
def organizer_pages(draft_alert, sent_alert, community_report):
    return {
        "/{code}/organize/alerts/": "Alerts to write and verify",
        "/{code}/organize/alerts/new/": "Text of the alert",
        f"/{{code}}/organize/alerts/{draft_alert.pk}/": "Submit for verification",
        f"/{{code}}/organize/alerts/{draft_alert.pk}/edit/": "Text of the alert",
        f"/{{code}}/organize/alerts/{sent_alert.pk}/": "Retract and tell everyone",
        "/{code}/organize/reports/": "Community reports",
        f"/{{code}}/organize/reports/{community_report.pk}/": "Check-in with the person who reported",
    }


# Each page once per language, with the alerts and links made once (issue 21: thirty languages).
def test_public_alert_pages_render_in_every_language(client, public_pages):
    assert_pages_in_every_language(client, public_pages)


def test_organizer_alert_pages_render_in_every_language(client_for, organizer, organizer_pages):
    assert_pages_in_every_language(client_for(organizer), organizer_pages)


def test_unsubscribe_done_page_renders_in_every_language(client, unsubscribe_link):
    for code in CODES:
        response = client.post(f"/{code}/alerts/unsubscribe/{unsubscribe_link['token']}/confirm/")
        assert_in_language(response, code, "See the alerts")


@pytest.mark.parametrize("code", CODES)
def test_the_feed_is_in_the_language_of_its_address(client, code, sent_alert):
    response = client.get(f"/{code}/alerts/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    with translation.override(code):
        assert translation.gettext("Action needed") in response.text
    expected = "La charla se cambió a la biblioteca." if code == "es" else "Know-your-rights night moved"
    assert expected in response.text


def test_htmx_is_loaded_only_on_the_organizers_alert_page(client_for, organizer, organizer_pages, client):
    organizer_client = client_for(organizer)
    for page in organizer_pages:
        html = organizer_client.get(page.format(code="en")).text
        is_alert_page = re.fullmatch(r"/\{code\}/organize/alerts/\d+/", page) is not None
        assert ("htmx.min.js" in html) == is_alert_page, page
    assert "htmx" not in client.get("/en/").text
    assert "htmx" not in client.get("/en/alerts/").text


def test_the_segment_counter_is_shown_on_the_form_and_the_alert_page(client_for, organizer, draft_alert):
    client = client_for(organizer)
    form = client.get(f"/en/organize/alerts/{draft_alert.pk}/edit/").text
    assert "js/sms-counter.js" in form
    assert "data-sms-counter" in form
    # What the message adds around the text, with the longest severity, so that the count never falls short.
    assert 'data-sms-extra="AidHub (Action needed): \nReply STOP to end alerts."' in form
    assert "Characters: 101 · text messages: 1 (GSM-7)" in form
    page = client.get(f"/en/organize/alerts/{draft_alert.pk}/").text
    assert "As a text message: 101 characters, 1 part(s), GSM-7" in page
