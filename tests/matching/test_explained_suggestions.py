"""Issue 17, item 2: when suggestions are short, the page says who was left out and why (the reasons of
aidhub.matching.ranking.refusals), each group a link to those volunteers."""

import pytest

from aidhub.core.models import NetworkSettings
from aidhub.matching.models import Match
from tests.factories import HelpRequestFactory, MatchFactory, OfferFactory, VolunteerProfileFactory, language, vet
from tests.helpers import count_queries


def _lawyer(name, areas, languages=("es",), vetted=True, capacity=2, active=True):
    profile = VolunteerProfileFactory(
        display_name=name, max_active_matches=capacity, languages=[language(code) for code in languages]
    )
    OfferFactory(
        volunteer=profile.user, category="legal", areas=areas, languages=[language(code) for code in languages]
    )
    if vetted:
        vet(profile.user, "legal")
    if not active:
        profile.user.is_active = False
        profile.user.save()
    return profile.user


@pytest.fixture
def spanish_legal_request(eastside, lakeview):
    """A legal request in Spanish where no lawyer may be asked: each is left out for a reason."""
    network = NetworkSettings.load()
    assert "legal" in network.vetted_categories
    help_request = HelpRequestFactory(area=eastside, category="legal", language=language("es"), status="reviewed")
    _lawyer("Unvetted Uma", [eastside], vetted=False)
    _lawyer("Unvetted Ulises", [eastside], vetted=False)
    full = _lawyer("Full Fatima", [eastside], capacity=1)
    MatchFactory(volunteer=full, status="accepted")
    _lawyer("English-only Ed", [lakeview], languages=("en",))
    said_no = _lawyer("Declined Dana", [eastside])
    Match.objects.create(help_request=help_request, volunteer=said_no, status="declined", decline_reason="busy")
    _lawyer("Closed Carl", [eastside], active=False)
    return help_request


def test_the_suggestions_page_lists_each_reason_with_its_count(client_for, organizer, spanish_legal_request):
    response = client_for(organizer).get(f"/en/organize/requests/{spanish_legal_request.pk}/suggestions/")
    assert response.context["suggestions"] == []
    groups = {group["reason"]: group["count"] for group in response.context["left_out"]}
    assert groups == {"not_confirmed": 2, "full": 1, "out_of_reach": 1, "declined": 1, "inactive": 1}
    assert "No volunteer may be asked right now" in response.text
    assert "Not confirmed for this kind of help" in response.text
    assert "Do not speak Español and do not reach Eastside" in response.text
    assert f'href="/en/organize/requests/{spanish_legal_request.pk}/left-out/not_confirmed/"' in response.text


def test_each_group_links_to_its_volunteers(client_for, organizer, spanish_legal_request):
    client = client_for(organizer)
    response = client.get(f"/en/organize/requests/{spanish_legal_request.pk}/left-out/not_confirmed/")
    assert response.status_code == 200
    assert [profile.display_name for profile in response.context["profiles"]] == ["Unvetted Ulises", "Unvetted Uma"]
    assert response.context["count"] == 2
    # Each links to the volunteer's page, where the organizer confirms them.
    uma = response.context["profiles"][1]
    assert f'href="/en/organize/volunteers/{uma.pk}/"' in response.text
    response = client.get(f"/en/organize/requests/{spanish_legal_request.pk}/left-out/out_of_reach/")
    assert [profile.display_name for profile in response.context["profiles"]] == ["English-only Ed"]


def test_a_long_list_of_suggestions_does_not_explain(client_for, organizer, help_request, eastside):
    for index in range(6):
        profile = VolunteerProfileFactory(display_name=f"Cook {index}", languages=[language("es")])
        OfferFactory(volunteer=profile.user, category="food", areas=[eastside], languages=[language("es")])
    response = client_for(organizer).get(f"/en/organize/requests/{help_request.pk}/suggestions/")
    assert len(response.context["suggestions"]) == 6
    assert response.context["left_out"] == []


def test_a_volunteer_eligible_through_another_offer_is_not_left_out(client_for, organizer, eastside, lakeview):
    help_request = HelpRequestFactory(area=eastside, category="food", language=language("es"), status="reviewed")
    profile = VolunteerProfileFactory(display_name="Two offers", languages=[language("es")])
    OfferFactory(volunteer=profile.user, category="food", areas=[lakeview], languages=[language("en")])
    OfferFactory(volunteer=profile.user, category="food", areas=[eastside], languages=[language("es")])
    response = client_for(organizer).get(f"/en/organize/requests/{help_request.pk}/suggestions/")
    assert [s.candidate.display_name for s in response.context["suggestions"]] == ["Two offers"]
    assert response.context["left_out"] == []


def test_the_group_pages_queries_stay_flat(client_for, organizer, spanish_legal_request, eastside):
    client = client_for(organizer)
    url = f"/en/organize/requests/{spanish_legal_request.pk}/left-out/not_confirmed/"
    client.get(url)
    few = count_queries(client, url)
    for index in range(12):
        _lawyer(f"Unvetted {index}", [eastside], vetted=False)
    assert count_queries(client, url) == few
    suggestions = f"/en/organize/requests/{spanish_legal_request.pk}/suggestions/"
    client.get(suggestions)
    before = count_queries(client, suggestions)
    for index in range(12):
        MatchFactory(volunteer=_lawyer(f"Full {index}", [eastside], capacity=1), status="accepted")
    assert count_queries(client, suggestions) == before


def test_an_empty_or_unknown_group_answers_404(client_for, organizer, spanish_legal_request):
    client = client_for(organizer)
    assert client.get(f"/en/organize/requests/{spanish_legal_request.pk}/left-out/nobody/").status_code == 404
    # Nobody was left out for being at capacity once Fatima has room.
    Match.objects.filter(status="accepted").update(status="cancelled")
    assert client.get(f"/en/organize/requests/{spanish_legal_request.pk}/left-out/full/").status_code == 404


def test_refusals(client_for, client, other_organizer, volunteer, organization, spanish_legal_request):
    url = f"/en/organize/requests/{spanish_legal_request.pk}/left-out/not_confirmed/"
    assert client_for(other_organizer).get(url).status_code == 404
    assert client_for(volunteer).get(url).status_code == 403
    # An organizer whose session did not give the second factor is asked for it, not shown the page.
    from tests.conftest import with_two_factor
    from tests.factories import MembershipFactory, UserFactory

    no_mfa = with_two_factor(UserFactory(email="no.mfa@example.org"))
    MembershipFactory(organization=organization, user=no_mfa)
    client.force_login(no_mfa)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/2fa/reauthenticate/")
