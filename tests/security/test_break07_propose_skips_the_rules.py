"""Break 7 of issue 14: the organizer's "Ask this volunteer" ignored vetting, capacity, earlier declines and
inactive volunteers, which suggestions leave out. Propose and suggestions now share one eligibility rule
(aidhub.matching.eligibility), which asks aidhub.accounts.capabilities about vetting."""

import pytest

from aidhub.core.models import NetworkSettings
from aidhub.matching.models import Match
from tests.factories import HelpRequestFactory, MatchFactory, OfferFactory, VolunteerProfileFactory, language, vet


@pytest.fixture
def legal_request(eastside):
    """A family in the organizer's area asks for legal help, which needs a vetted volunteer by default."""
    assert "legal" in NetworkSettings.load().vetted_categories
    return HelpRequestFactory(area=eastside, status="reviewed", category="legal")


def _offer(area, category="legal", **profile):
    user = VolunteerProfileFactory(languages=[language("es")], areas=[area], **profile).user
    return OfferFactory(volunteer=user, category=category, areas=[area], languages=[language("es")])


def _propose(client, help_request, offer):
    return client.post(f"/en/organize/requests/{help_request.pk}/propose/", {"offer": offer.pk}, follow=True)


def _suggested(client, help_request):
    return client.get(f"/en/organize/requests/{help_request.pk}/suggestions/").context["suggestions"]


def _suggested_volunteer_ids(client, help_request):
    return {suggestion.candidate.volunteer_id for suggestion in _suggested(client, help_request)}


def test_proposing_an_unvetted_volunteer_is_refused(client_for, organizer, legal_request, eastside):
    offer = _offer(eastside)
    client = client_for(organizer)
    response = _propose(client, legal_request, offer)
    assert "has not been confirmed by an organizer for legal help" in response.text
    assert not Match.objects.exists()
    assert offer.volunteer_id not in _suggested_volunteer_ids(client, legal_request)


def test_proposing_a_vetted_volunteer_works(client_for, organizer, legal_request, eastside):
    offer = _offer(eastside)
    vet(offer.volunteer, "legal")
    client = client_for(organizer)
    assert offer.volunteer_id in _suggested_volunteer_ids(client, legal_request)
    response = _propose(client, legal_request, offer)
    assert "The volunteer is asked" in response.text
    assert Match.objects.get().volunteer == offer.volunteer


def test_proposing_a_volunteer_at_capacity_is_refused(client_for, organizer, help_request, eastside):
    offer = _offer(eastside, category="food", max_active_matches=1)
    MatchFactory(volunteer=offer.volunteer, status="accepted", help_request__area=eastside)
    client = client_for(organizer)
    response = _propose(client, help_request, offer)
    assert "already helps as many families as they can" in response.text
    assert not Match.objects.filter(help_request=help_request).exists()
    assert offer.volunteer_id not in _suggested_volunteer_ids(client, help_request)


def test_proposing_a_volunteer_who_declined_this_request_is_refused(client_for, organizer, help_request, eastside):
    offer = _offer(eastside, category="food")
    MatchFactory(help_request=help_request, volunteer=offer.volunteer, status="declined", decline_reason="busy")
    client = client_for(organizer)
    response = _propose(client, help_request, offer)
    assert "already said no to this family" in response.text
    assert not Match.objects.filter(help_request=help_request).exclude(status="declined").exists()
    assert offer.volunteer_id not in _suggested_volunteer_ids(client, help_request)


def test_proposing_a_volunteer_who_declined_the_same_family_before_is_refused(
    client_for, organizer, help_request, eastside
):
    """A follow-up request is the same family: a volunteer who said no to the first is not asked again."""
    offer = _offer(eastside, category="food")
    MatchFactory(help_request=help_request, volunteer=offer.volunteer, status="declined", decline_reason="not_suitable")
    follow_up = HelpRequestFactory(area=eastside, status="reviewed", follow_up_of=help_request)
    client = client_for(organizer)
    response = _propose(client, follow_up, offer)
    assert "already said no to this family" in response.text
    assert not Match.objects.filter(help_request=follow_up).exists()
    assert offer.volunteer_id not in _suggested_volunteer_ids(client, follow_up)


def test_proposing_an_inactive_volunteer_is_refused(client_for, organizer, help_request, eastside):
    offer = _offer(eastside, category="food")
    offer.volunteer.is_active = False
    offer.volunteer.save()
    client = client_for(organizer)
    response = _propose(client, help_request, offer)
    assert "account is closed" in response.text
    assert not Match.objects.exists()
    assert offer.volunteer_id not in _suggested_volunteer_ids(client, help_request)


def test_the_service_refuses_as_the_page_does(organizer, legal_request, eastside):
    """Any other path (an API, a text message) calls the same service, which checks the same rule."""
    from aidhub.matching.services import MatchRefused, match_propose

    offer = _offer(eastside)
    with pytest.raises(MatchRefused):
        match_propose(help_request=legal_request, offer=offer, proposed_by=organizer)
    assert not Match.objects.exists()
