"""Alerts on a phone: someone subscribes by text message and confirms with the code it brings; one organizer
writes an alert, a second one verifies it (entering the password again first), and the subscriber gets it in
their language."""

import re

import pytest
from playwright.sync_api import expect

from aidhub.alerts.models import Alert, Subscriber
from aidhub.messaging import sms
from tests.e2e.browser import sign_in, t
from tests.factories import PASSWORD, organizer_with_authenticator
from tests.factories import language as spoken_language

SPANISH_TEXT = "Control policial en la calle Main. Eviten la zona hasta las 18:00."
ARABIC_TEXT = "نقطة تفتيش في شارع مين. تجنبوا المنطقة حتى الساعة السادسة."


@pytest.fixture
def verifier(organization, two_factor_secret):
    """A second organizer of the same organization, with the same kind of authenticator app."""
    return organizer_with_authenticator(organization, "verifier@example.org", two_factor_secret)


def subscribe_by_text_message(visit, language):
    person = visit.phone("subscriber")
    page = person.open(f"/{language}/alerts/subscribe/")
    page.get_by_role("radio", name=t(language, "Text message")).check()
    page.get_by_label(t(language, "Mobile phone number")).fill("202-555-0188")
    page.get_by_label(t(language, "Language of the alerts")).select_option(str(spoken_language(language).pk))
    page.get_by_role("checkbox", name="Eastside").check()
    expect(page.get_by_role("status")).to_have_text(t(language, "Check done. You can send the form."))
    person.submit(page.get_by_role("button", name=t(language, "Send me a code")))

    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Confirm your subscription"))
    (message,) = sms.outbox
    assert message["to"] == "+12025550188"
    code = re.search(r"\b\d{6}\b", message["body"]).group(0)
    page.get_by_label(t(language, "Code")).fill(code)
    person.submit(page.get_by_role("button", name=t(language, "Confirm")))
    expect(page.get_by_role("status")).to_contain_text(
        t(language, "You are subscribed. Alerts for your areas will reach you in your language.")
    )
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    sms.outbox.clear()


@pytest.mark.parametrize("language", ["es", "ar"])
def test_subscriber_confirms_and_gets_a_verified_alert(
    visit, organizer_e2e, verifier, two_factor_secret, eastside, language
):
    subscribe_by_text_message(visit, language)

    # The first organizer writes the alert in the main language and in the subscriber's, and submits it.
    author = visit.phone("author")
    page = sign_in(author, language, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    author.open(f"/{language}/organize/alerts/")
    author.submit(page.get_by_role("link", name=t(language, "New alert")))
    page.get_by_role("radio", name=t(language, "Action needed")).check()
    page.get_by_role("checkbox", name="Eastside").check()
    page.get_by_label(t(language, "main language")).fill("Police checkpoint on Main Street. Avoid it until 6 pm.")
    page.get_by_label(str(spoken_language(language)), exact=True).fill(
        SPANISH_TEXT if language == "es" else ARABIC_TEXT
    )
    author.submit(page.get_by_role("button", name=t(language, "Save"), exact=True))
    author.submit(page.get_by_role("button", name=t(language, "Submit for verification")))
    expect(
        page.get_by_text(t(language, "You wrote this alert. A second organizer must verify it before it is sent."))
    ).to_be_visible()
    alert = Alert.objects.get()
    assert alert.status == Alert.Status.PENDING
    assert sms.outbox == []

    # The second organizer verifies it: the page asks for the password again before anything is sent.
    second = visit.phone("verifier")
    page = sign_in(second, language, verifier.email, password=PASSWORD, totp_secret=two_factor_secret)
    second.open(f"/{language}/organize/alerts/{alert.pk}/")
    second.submit(page.get_by_role("button", name=t(language, "Verify and send now")))
    expect(page.get_by_label(t(language, "Password"))).to_be_visible()
    assert sms.outbox == []
    page.get_by_label(t(language, "Password")).fill(PASSWORD)
    second.submit(page.get_by_role("button", name=t(language, "Confirm")))
    expect(page.get_by_role("status")).to_contain_text(
        t(language, "Verified. The alert is being sent to %(count)s subscribers.") % {"count": 1}
    )

    alert.refresh_from_db()
    assert (alert.status, alert.verified_by) == (Alert.Status.SENT, verifier)
    (message,) = sms.outbox
    assert message["to"] == "+12025550188"
    assert (SPANISH_TEXT if language == "es" else ARABIC_TEXT) in message["body"]
