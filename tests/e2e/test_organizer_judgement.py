"""Issue 17, items 1-4 in a browser, in English and Arabic: the organizer lands on the dashboard with what waits
for them; a legal request in Spanish has no lawyer who may be asked as is, and the suggestions say who was left
out and why; the organizer asks the lawyer who does not speak Spanish and adds an interpreter; the lawyer sees,
before accepting, that an interpreter comes."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from aidhub.matching.models import Match
from tests.e2e.browser import main_menu, sign_in, t
from tests.factories import PASSWORD, HelpRequestFactory, MatchFactory, OfferFactory, VolunteerProfileFactory, vet
from tests.factories import language as spoken


def _person(email, name, category, areas, languages, *, vetted=True, capacity=2, ui="en"):
    profile = VolunteerProfileFactory(
        user__email=email,
        user__language=ui,
        display_name=name,
        max_active_matches=capacity,
        languages=[spoken(code) for code in languages],
        areas=areas,
    )
    OfferFactory(volunteer=profile.user, category=category, areas=areas, languages=[spoken(code) for code in languages])
    if vetted:
        vet(profile.user, category)
    return profile.user


@pytest.mark.long(25)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_dashboard_explained_suggestions_and_an_interpreter(
    visit, organizer_e2e, two_factor_secret, eastside, language
):
    help_request = HelpRequestFactory(
        area=eastside, category="legal", language=spoken("es"), status="reviewed", message_language="es"
    )
    HelpRequestFactory(area=eastside, status="new")
    _person("uma@example.org", "Uma", "legal", [eastside], ["es"], vetted=False)
    full = _person("fatima@example.org", "Fatima", "legal", [eastside], ["es"], capacity=1)
    MatchFactory(volunteer=full, status="accepted")
    lawyer = _person("larry@example.org", "Larry", "legal", [eastside], ["en"], ui=language)
    interpreter = _person("ines@example.org", "Inés", "interpreting", [eastside], ["es", "en"], ui="es")

    # Signed in, the organizer lands on the dashboard: what waits for them, each a link to its list.
    organizer = visit.phone("organizer")
    page = sign_in(organizer, language, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    assert page.url.endswith(f"/{language}/organize/")
    expect(page.get_by_role("heading", name=t(language, "Waiting for you"))).to_be_visible()
    new_requests = page.get_by_role("link", name=t(language, "New requests"))
    expect(new_requests).to_have_attribute("href", f"/{language}/organize/requests/?status=new")
    with_count = page.locator(".work-counts li", has=new_requests)
    expect(with_count.locator(".badge")).to_have_text("1")
    # The menu is in the page twice (a row on wide screens, the Menu disclosure on phones), one of them hidden.
    badge = main_menu(page, language).locator(".badge").filter(visible=True)
    expect(badge).to_have_count(1)
    total = badge.locator("[aria-hidden=true]").inner_text()
    expect(badge.locator(".visually-hidden")).to_have_text(t(language, "Waiting for you: %(count)s") % {"count": total})

    # The suggestions are short: they say who was left out and why, each group a link to those volunteers.
    organizer.open(f"/{language}/organize/requests/{help_request.pk}/suggestions/")
    expect(page.get_by_role("heading", name=t(language, "Who was left out, and why"))).to_be_visible()
    organizer.submit(page.get_by_role("link", name=t(language, "Not confirmed for this kind of help")))
    expect(page.get_by_role("link", name="Uma")).to_be_visible()
    organizer.submit(page.get_by_role("navigation", name=t(language, "Breadcrumb")).get_by_role("link"))

    # The one lawyer who may be asked does not speak Spanish: ask him, then add an interpreter.
    suggestions = page.get_by_role("main").get_by_role("listitem").filter(has_text="Larry")
    organizer.submit(suggestions.get_by_role("button", name=t(language, "Ask this volunteer")))
    organizer.submit(page.get_by_role("link", name=t(language, "Add an interpreter")))
    candidates = page.get_by_role("main").get_by_role("listitem")
    expect(candidates).to_have_count(1)
    expect(candidates.get_by_role("heading")).to_have_text("Inés")
    mail.outbox.clear()
    organizer.submit(candidates.get_by_role("button", name=t(language, "Add this interpreter")))
    match = Match.objects.get(help_request=help_request, volunteer=lawyer)
    assert match.interpreter == interpreter
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["ines@example.org", "larry@example.org"]
    (to_interpreter,) = [message for message in mail.outbox if message.to == ["ines@example.org"]]
    assert to_interpreter.subject == t("es", "Can you interpret for a family?")

    # Before accepting, the lawyer sees the family's language and that an interpreter comes.
    helper = visit.phone("lawyer")
    page = sign_in(helper, language, lawyer.email, password=PASSWORD)
    helper.open(f"/{language}/my/matches/{match.pk}/")
    expect(page.locator(".alert-info").filter(has_text="Inés")).to_be_visible()
