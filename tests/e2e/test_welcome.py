"""Issue 17 on a phone, in English and Arabic: a new volunteer reads what volunteering means, signs up, confirms and
lands signed in, chooses a name and languages by typing, finds the offer form filled from the profile, and signs in
later with an emailed code; an alert with only an English text says who will receive English, and sending it
needs the explicit choice; the events list says what each event still needs."""

import re

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from aidhub.accounts.models import User
from aidhub.alerts.models import Alert
from aidhub.messaging import sms
from tests.e2e.browser import sign_in, t
from tests.factories import (
    PASSWORD,
    EventFactory,
    ShiftFactory,
    SubscriberFactory,
    organizer_with_authenticator,
)
from tests.factories import language as spoken_language

NEW_PASSWORD = "a-long-new-volunteer-pass"


@pytest.mark.long(25)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_new_volunteer_signs_up_lands_signed_in_and_offers_help_from_the_profile(visit, eastside, language):
    person = visit.phone("volunteer")
    page = person.open(f"/{language}/")
    person.submit(page.get_by_role("link", name=t(language, "I want to help")))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Volunteer with us"))
    expect(page.get_by_role("heading", name=t(language, "What families see"))).to_be_visible()
    person.submit(page.get_by_role("link", name=t(language, "Create my volunteer account")))

    # allauth's labels end with "*": the fields by their ids.
    page.locator("#id_email").fill("layla@example.org")
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    person.submit(page.get_by_role("button", name=t(language, "Sign Up")))
    (message,) = mail.outbox
    assert "AidHub" in message.from_email
    link = re.search(r"^(http\S+/accounts/confirm-email/\S+)$", message.body, re.MULTILINE).group(1)
    page = person.open("/" + link.split("/", 3)[3])
    person.submit(page.get_by_role("button", name=t(language, "Confirm")))
    # Signed in at once: the volunteer's own page, no second sign-in, asking for a name.
    expect(page.get_by_role("link", name=t(language, "Complete your profile"))).to_be_visible()
    user = User.objects.get(email="layla@example.org")
    assert user.volunteer_profile.display_name == ""

    page = person.open(f"/{language}/my/profile/")
    name = page.locator("#id_display_name")
    assert name.input_value() == ""  # never taken from the email address
    name.fill("Layla")
    finder = page.get_by_label(t(language, "Type the name of a language to add it"))
    finder.fill("arab")
    page.get_by_role("checkbox", name=str(spoken_language("ar"))).check()
    finder.fill("span")
    page.get_by_role("checkbox", name=str(spoken_language("es"))).check()
    page.get_by_label(t(language, "Type the name of an area to add it")).fill("East")
    page.get_by_role("checkbox", name="Eastside").check()
    person.check()
    person.submit(page.get_by_role("button", name=t(language, "Save"), exact=True))
    profile = User.objects.get(email="layla@example.org").volunteer_profile
    assert set(profile.languages.values_list("code", flat=True)) == {"ar", "es"}

    page = person.open(f"/{language}/my/offers/new/")
    expect(page.get_by_role("checkbox", name=str(spoken_language("ar")))).to_be_checked()
    expect(page.get_by_role("checkbox", name=str(spoken_language("es")))).to_be_checked()
    expect(page.get_by_role("checkbox", name="Eastside")).to_be_checked()

    # Later, on another phone: signing in with a code sent by email, no password.
    mail.outbox.clear()
    later = visit.phone("later")
    page = later.open(f"/{language}/accounts/login/")
    later.submit(page.get_by_role("link", name=t(language, "Send me a sign-in code")))
    page.get_by_label(t(language, "Email")).fill("layla@example.org")
    later.submit(page.get_by_role("button", name=t(language, "Request Code")))
    (message,) = mail.outbox
    code = re.search(r"^([A-Z0-9]{4}-?[A-Z0-9]{4})$", message.body, re.MULTILINE).group(1)
    page.get_by_label(t(language, "Code")).fill(code)
    later.submit(page.get_by_role("button", name=t(language, "Confirm")))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Hello, %(name)s") % {"name": "Layla"})


@pytest.mark.long(25)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_english_only_alert_says_who_will_receive_english(
    visit, organizer_e2e, organization, two_factor_secret, eastside, city, language
):
    verifier = organizer_with_authenticator(organization, "verifier@example.org", two_factor_secret)
    verifier.language = language
    verifier.save(update_fields=["language"])
    SubscriberFactory(language=spoken_language("ar"), areas=[eastside])
    SubscriberFactory(email="amal@example.org", language=spoken_language("ar"), areas=[city])
    SubscriberFactory(language=spoken_language("vi"), areas=[eastside])

    author = visit.phone("author")
    page = sign_in(author, language, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    page = author.open(f"/{language}/organize/alerts/new/")
    page.get_by_role("radio", name=t(language, "Urgent")).check()
    page.get_by_role("checkbox", name="Eastside").check()
    page.get_by_label(t(language, "main language")).fill("Checkpoint on Main Street. Stay home until 6 pm.")
    author.submit(page.get_by_role("button", name=t(language, "Save"), exact=True))
    english = str(spoken_language("en"))
    with translation.override(language):
        will_receive = translation.ngettext(
            "%(count)s will receive %(language)s, because their language has no translation:",
            "%(count)s will receive %(language)s, because their languages have no translation:",
            3,
        ) % {"count": 3, "language": english}
    expect(page.get_by_role("status").filter(has_text=will_receive)).to_be_visible()
    # Without the choice, nothing is submitted.
    author.submit(page.get_by_role("button", name=t(language, "Submit for verification")))
    assert Alert.objects.get().status == Alert.Status.DRAFT
    page.get_by_role("checkbox", name=re.compile(re.escape(english))).check()
    author.submit(page.get_by_role("button", name=t(language, "Submit for verification")))
    assert Alert.objects.get().status == Alert.Status.PENDING
    (notice,) = mail.outbox
    assert notice.to == ["verifier@example.org"]

    second = visit.phone("verifier")
    page = sign_in(second, language, verifier.email, password=PASSWORD, totp_secret=two_factor_secret)
    page = second.open(f"/{language}/organize/alerts/{Alert.objects.get().pk}/")
    page.get_by_role("checkbox", name=re.compile(re.escape(english))).check()
    second.submit(page.get_by_role("button", name=t(language, "Verify and send now")))
    page.get_by_label(t(language, "Password")).fill(PASSWORD)
    second.submit(page.get_by_role("button", name=t(language, "Confirm")))
    expect(page.get_by_role("status").first).to_contain_text(
        t(language, "Verified. The alert is being sent to %(count)s subscribers.") % {"count": 3}
    )
    assert Alert.objects.get().status == Alert.Status.SENT
    assert len(sms.outbox) == 2


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_events_list_says_what_each_event_still_needs(visit, eastside, language):
    event = EventFactory(area=eastside, title="Legal night")
    ShiftFactory(event=event, role="welcome", places=3)
    ShiftFactory(event=event, role="interpreter", language=spoken_language("ar"), places=2)
    person = visit.phone("reader")
    page = person.open(f"/{language}/events/")
    with_counts = page.locator(".still-needed a")
    expect(with_counts).to_be_visible()
    person.submit(with_counts)
    assert page.url.endswith(f"/{language}/events/{event.pk}/#shifts")
