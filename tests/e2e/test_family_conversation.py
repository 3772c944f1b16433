"""Issue 16: after "send", a family's request is a conversation that ends in help. In Spanish and in Arabic, on a
phone: the family asks; an organizer asks it a question; the family answers on its private page; a volunteer is
found, helps and marks it done; the family answers the check-in "yes" and the request is done. Then the family
loses its link: "find my request" texts a new one, and the old link says it was replaced."""

import re

import pytest
from playwright.sync_api import expect

from aidhub.matching.models import CheckIn, FamilyCheckIn, Match
from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest
from tests.e2e.browser import sign_in, t
from tests.e2e.test_family_asks_for_help import fill_help_form
from tests.factories import PASSWORD, OfferFactory, VolunteerProfileFactory

SITE = "https://aidhub.test"


def _texted_link(message):
    return re.search(r"https?://\S+/help/status/\?k=[A-Za-z0-9_-]+", message["body"]).group(0).replace(SITE, "")


@pytest.mark.long(35)
@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_family_request_becomes_a_conversation_that_ends_in_help(
    visit, organizer_e2e, two_factor_secret, eastside, language
):
    # 1. The family asks for help on its phone.
    family = visit.phone("family")
    page = family.open(f"/{language}/help/")
    fill_help_form(page, language)
    expect(page.get_by_role("status")).to_have_text(t(language, "Check done. You can send the form."))
    family.submit(page.get_by_role("button", name=t(language, "Send my request")))
    expect(page.get_by_role("heading", name=t(language, "Your request is sent"))).to_be_visible()
    next_step = t(language, "An organizer of your area will read it soon, usually within a day.")
    expect(page.get_by_text(next_step)).to_be_visible()
    help_request = HelpRequest.objects.get()
    sms.outbox.clear()

    # 2. An organizer asks it a ready question; it goes out in the family's language, with its link.
    organizer = visit.phone("organizer")
    desk = sign_in(organizer, language, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    organizer.open(f"/{language}/organize/requests/{help_request.pk}/")
    organizer.submit(desk.get_by_role("link", name=t(language, "Ask the family a question")))
    desk.get_by_role("radio", name=t(language, "Which days are you free?")).check()
    organizer.submit(desk.get_by_role("button", name=t(language, "Send the question")))
    (question,) = sms.outbox
    assert question["to"] == "+12025550143"
    assert t(language, "Which days are you free?") in question["body"]

    # 3. The family opens the texted link, reads the question and answers.
    page = family.open(_texted_link(question))
    expect(page.locator(".status-badge")).to_have_text(t(language, "Needs more information", "request status"))
    thread = page.locator(".request-thread")
    expect(thread).to_contain_text(t(language, "Which days are you free?"))
    expect(thread).to_contain_text(t(language, "The network"))
    page.get_by_label(t(language, "Your answer")).fill("Lunes y martes, 9-12")
    family.submit(page.get_by_role("button", name=t(language, "Send my answer")))
    expect(page.locator(".status-badge")).to_have_text(t(language, "Answered by the family", "request status"))
    expect(thread.locator("li").last).to_contain_text(t(language, "You"))
    expect(thread.locator("li").last).to_contain_text("Lunes y martes, 9-12")

    # 4. The organizer reads the answer and asks a volunteer who speaks the family's language.
    volunteer = VolunteerProfileFactory(
        user__email="nadia@example.org",
        user__language=language,
        display_name="Nadia",
        languages=[help_request.language],
        areas=[eastside],
    ).user
    OfferFactory(volunteer=volunteer, areas=[eastside], languages=[help_request.language], title="Hot meals")
    organizer.open(f"/{language}/organize/requests/?status=answered")
    organizer.submit(desk.get_by_role("link", name=help_request.reference_code))
    expect(desk.locator(".request-thread")).to_contain_text("Lunes y martes, 9-12")
    organizer.submit(desk.get_by_role("link", name=t(language, "Find a volunteer")))
    suggestions = desk.get_by_role("main").get_by_role("listitem")
    organizer.submit(suggestions.first.get_by_role("button", name=t(language, "Ask this volunteer")))

    # 5. The volunteer accepts, helps, and marks the help as given.
    helper = visit.phone("volunteer")
    work = sign_in(helper, language, volunteer.email, password=PASSWORD)
    helper.open(f"/{language}/my/matches/")
    helper.submit(work.get_by_role("link", name=t(language, "Food")))
    helper.submit(work.get_by_role("button", name=t(language, "Yes, I can help")))
    sms.outbox.clear()
    helper.submit(work.get_by_role("button", name=t(language, "The help is given")))
    match = Match.objects.get()
    assert match.status == Match.Status.DONE

    # 6. The family is asked by text, in its language, and answers "yes" from its page.
    (check_in_text,) = sms.outbox
    assert "1" in check_in_text["body"] and "3" in check_in_text["body"]
    page = family.open(_texted_link(check_in_text))
    expect(page.get_by_role("heading", name=t(language, "Did you get help?"))).to_be_visible()
    family.submit(page.get_by_role("button", name=t(language, "Yes, I got help")))
    expect(page.locator(".status-badge")).to_have_text(t(language, "Help given", "request status"))
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.DONE
    assert FamilyCheckIn.objects.get().answer == FamilyCheckIn.Answer.HELPED
    assert CheckIn.objects.get().outcome == CheckIn.Outcome.HELPED

    # The organizer sees the family's answer on the request's page.
    organizer.open(f"/{language}/organize/requests/{help_request.pk}/")
    expect(desk.get_by_text(t(language, "Yes, I got help"), exact=False)).to_be_visible()

    # 7. The family lost its link: "find my request" texts a new one; the old one explains itself.
    old_link = _texted_link(check_in_text)
    sms.outbox.clear()
    lost = visit.phone("family-lost-link")
    page = lost.open(f"/{language}/help/find/")
    page.get_by_label(t(language, "Reference code")).fill(help_request.reference_code)
    page.get_by_label(t(language, "The phone number or email you gave")).fill("202-555-0143")
    expect(page.get_by_role("status")).to_have_text(t(language, "Check done. You can send the form."))
    lost.submit(page.get_by_role("button", name=t(language, "Find my request")))
    expect(page.get_by_role("heading", level=1)).to_contain_text(t(language, "Check your messages"))
    expect(page.get_by_text("555")).to_have_count(0)
    (new_link_text,) = sms.outbox
    assert new_link_text["to"] == "+12025550143"
    page = lost.open(old_link)
    expect(page.get_by_role("heading", level=1)).to_contain_text(t(language, "This link was replaced"))
    lost.submit(page.get_by_role("link", name=t(language, "Ask for a new link again")))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Find your request"))
    page = lost.open(_texted_link(new_link_text))
    expect(page.get_by_text(help_request.reference_code)).to_be_visible()
