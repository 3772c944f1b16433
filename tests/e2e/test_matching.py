"""An organizer approves a volunteer's offer and asks that volunteer to help a family; the volunteer accepts and
only then sees how to reach the family, the family's private page shows it, the volunteer marks the help given,
and the organizer records the check-in. Each person uses the interface in the same language."""

import pytest
from playwright.sync_api import expect

from aidhub.lib.tokens import new_access_token
from aidhub.matching.models import CheckIn, Match
from aidhub.offers.models import Offer
from tests.e2e.browser import main_menu, sign_in, t
from tests.factories import PASSWORD, HelpRequestFactory, OfferFactory, VolunteerProfileFactory, language


@pytest.fixture
def family_request(eastside, request):
    """A family's request in Eastside, in the test's language, with the private link the family holds."""
    code = request.node.callspec.params["language"]
    token, token_hash = new_access_token()
    help_request = HelpRequestFactory(
        area=eastside,
        status="reviewed",
        language=language(code),
        message_language=code,
        first_name="Rosa",
        contact_value="+12025550143",
        access_token_hash=token_hash,
    )
    return help_request, token


@pytest.mark.long(35)
@pytest.mark.parametrize("language", ["es", "ar"])
def test_organizer_matches_a_family_with_a_volunteer_and_checks_in(
    visit, organizer_e2e, two_factor_secret, eastside, family_request, language
):
    help_request, family_token = family_request
    volunteer = VolunteerProfileFactory(
        user__email="nadia@example.org",
        user__language=language,
        display_name="Nadia",
        languages=[help_request.language],
        areas=[eastside],
    ).user
    OfferFactory(
        volunteer=volunteer,
        areas=[eastside],
        languages=[help_request.language],
        title="Hot meals on weekdays",
        status=Offer.Status.PENDING,
        published_at=None,
    )

    # The organizer reviews the new offer and publishes it.
    organizer = visit.phone("organizer")
    page = sign_in(organizer, language, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    organizer.submit(main_menu(page, language).get_by_role("link", name=t(language, "Organize"), exact=True))
    organizer.open(f"/{language}/organize/offers/")
    organizer.submit(page.get_by_role("link", name="Hot meals on weekdays"))
    page.get_by_role("radio", name=t(language, "Approve and publish")).check()
    organizer.submit(page.get_by_role("button", name=t(language, "Save decision")))
    assert Offer.objects.get().status == Offer.Status.PUBLISHED

    # … then finds the family's request in the queue and asks the best-suggested volunteer.
    organizer.open(f"/{language}/organize/requests/")
    organizer.submit(page.get_by_role("link", name=help_request.reference_code))
    organizer.submit(page.get_by_role("link", name=t(language, "Find a volunteer")))
    suggestions = page.get_by_role("main").get_by_role("listitem")
    expect(suggestions.first.get_by_role("heading")).to_contain_text("Nadia")
    organizer.submit(suggestions.first.get_by_role("button", name=t(language, "Ask this volunteer")))
    match = Match.objects.get()
    assert (match.volunteer, match.status) == (volunteer, Match.Status.PROPOSED)

    # The volunteer sees what the family needs, but not who they are, until accepting.
    helper = visit.phone("volunteer")
    page = sign_in(helper, language, volunteer.email, password=PASSWORD)
    helper.open(f"/{language}/my/matches/")
    helper.submit(page.get_by_role("link", name=t(language, "Food")))
    expect(page.get_by_text("Rosa")).to_have_count(0)
    expect(page.get_by_text("555")).to_have_count(0)
    helper.submit(page.get_by_role("button", name=t(language, "Yes, I can help")))
    expect(page.get_by_role("heading", name=t(language, "How to reach the family"))).to_be_visible()
    expect(page.get_by_text("Rosa")).to_be_visible()
    expect(page.get_by_role("link", name="555")).to_have_attribute("href", "tel:+12025550143")

    # The family's private page says a volunteer was found, in its language.
    family = visit.phone("family")
    page_family = family.open(f"/{language}/help/status/?k={family_token}")
    expect(page_family.locator(".status-badge")).to_have_text(t(language, "Volunteer found", "request status"))

    helper.submit(page.get_by_role("button", name=t(language, "The help is given")))
    match.refresh_from_db()
    assert match.status == Match.Status.DONE

    # The organizer calls the family and records the check-in.
    page = organizer.page
    organizer.open(f"/{language}/organize/requests/{help_request.pk}/")
    organizer.submit(page.get_by_role("link", name=t(language, "Record the check-in")))
    page.get_by_role("radio", name=t(language, "Helped"), exact=True).check()
    page.get_by_role("textbox").fill("Food arrived on Tuesday.")
    organizer.submit(page.get_by_role("button", name=t(language, "Save the check-in")))
    check_in = CheckIn.objects.get()
    assert (check_in.match, check_in.outcome, check_in.note) == (match, "helped", "Food arrived on Tuesday.")
