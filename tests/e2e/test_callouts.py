"""Issue 19, call-outs, in a browser at 360 px in English and Arabic: the organizer writes a call-out, counts who it
reaches, sends it; a volunteer answers "I can help" from the link in their email; the organizer makes the match."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.text import capfirst
from playwright.sync_api import expect

from aidhub.callouts.models import CalloutRecipient, CalloutSettings
from aidhub.lib.crypto import keyed_hash
from aidhub.matching.models import Match
from aidhub.messaging.keywords import START, keyword_word
from tests.e2e.browser import sign_in, t
from tests.factories import PASSWORD, HelpRequestFactory, OfferFactory, VolunteerProfileFactory, vet
from tests.factories import language as spoken


@pytest.fixture(autouse=True)
def no_quiet_hours(settings):
    settings.CALLOUT_QUIET_HOURS_START = settings.CALLOUT_QUIET_HOURS_END = 0


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_callout_from_the_form_to_a_match(visit, organizer_e2e, two_factor_secret, eastside, language):
    help_request = HelpRequestFactory(area=eastside, category="rides", status="reviewed")
    profile = VolunteerProfileFactory(
        user__email="lucia@example.org", user__language=language, display_name="Lucía", languages=[spoken("es")]
    )
    vet(profile.user, "rides")
    OfferFactory(volunteer=profile.user, category="rides", areas=[eastside], languages=[spoken("es")])

    organizer = visit.phone("organizer")
    page = sign_in(organizer, language, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    organizer.open(f"/{language}/organize/callouts/")
    organizer.submit(page.get_by_role("link", name=t(language, "New call-out")))
    page.get_by_role("textbox", name=capfirst(t(language, "what is needed"))).fill(
        "A driver to the clinic, tomorrow 9-12"
    )
    page.get_by_role("combobox", name=t(language, "Kind of help")).select_option("rides")
    page.get_by_role("combobox", name=t(language, "Area")).select_option(label="Eastside")
    # The count updates as the form changes (htmx); "Count" does the same without JavaScript. It is pressed from
    # the keyboard: htmx may still be swapping the count in above it, and a click aimed at where the button was
    # a moment before can land on the box that moved in (CI saw it once).
    with page.expect_navigation():
        page.get_by_role("button", name=t(language, "Count"), exact=True).press("Enter")
    organizer.check()
    count = page.locator("#callout-count")
    expect(count).to_contain_text(t(language, "Who it reaches"))
    mail.outbox.clear()
    organizer.submit(page.get_by_role("button", name=t(language, "Send the call-out")))
    expect(page.get_by_role("heading", name=t(language, "Answers"))).to_be_visible()

    # The volunteer opens the link of their email, in their language, and answers with the button.
    (email,) = [message for message in mail.outbox if message.to == ["lucia@example.org"]]
    link = re.search(r"https?://\S+\?k=[\w-]+", email.body).group(0)
    volunteer = visit.phone("volunteer")
    vpage = volunteer.open("/" + link.split("/", 3)[3])
    expect(vpage.get_by_text("A driver to the clinic, tomorrow 9-12")).to_be_visible()
    volunteer.submit(vpage.get_by_role("button", name=t(language, "I can help")))
    expect(vpage.get_by_text(t(language, "You said you can help."))).to_be_visible()
    assert CalloutRecipient.objects.get().answer == "yes"

    # The organizer sees the answer and makes the match with one click.
    page.reload()
    organizer.check()
    answer = page.get_by_role("main").get_by_role("listitem").filter(has_text="Lucía")
    answer.get_by_label(t(language, "Family's request")).select_option(str(help_request.pk))
    organizer.submit(answer.get_by_role("button", name=t(language, "Make the match")))
    match = Match.objects.get()
    assert (match.volunteer, match.help_request) == (profile.user, help_request)
    expect(page.get_by_role("main")).to_contain_text(t(language, "Filled", "call-out status"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_volunteer_who_texted_stop_reads_how_to_get_callouts_by_text_again(visit, language):
    """After STOP by text, the call-out settings say that call-outs come by email only, and the word to send."""
    profile = VolunteerProfileFactory(user__email="amina@example.org", user__language=language)
    CalloutSettings.objects.create(
        user=profile.user,
        phone="+12025550102",
        phone_hash=keyed_hash("+12025550102"),
        texts_stopped_at=timezone.now(),
    )
    volunteer = visit.phone("volunteer")
    page = sign_in(volunteer, language, "amina@example.org", password=PASSWORD)
    volunteer.open(f"/{language}/my/callouts/")
    word = keyword_word(START, language)
    expect(page.get_by_role("main")).to_contain_text(word)
    expect(page.get_by_role("checkbox", name=t(language, "Send me urgent call-outs"))).to_be_checked()
