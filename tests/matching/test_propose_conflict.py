"""Two organizers must never give the same request to two volunteers."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from aidhub.matching.models import Match
from aidhub.matching.services import MatchConflict, match_propose
from aidhub.needs.models import HelpRequest
from tests.factories import OfferFactory, VolunteerProfileFactory, language


def _offers(area, count):
    return [
        OfferFactory(volunteer=VolunteerProfileFactory().user, areas=[area], languages=[language("es")])
        for _ in range(count)
    ]


def test_second_proposal_is_refused_with_a_clear_message(client_for, organizer, help_request, eastside):
    first, second = _offers(eastside, 2)
    client = client_for(organizer)
    client.post(f"/en/organize/requests/{help_request.pk}/propose/", {"offer": first.pk})
    response = client.post(f"/en/organize/requests/{help_request.pk}/propose/", {"offer": second.pk}, follow=True)
    assert "Someone already asked a volunteer for this request" in response.text
    assert Match.objects.filter(help_request=help_request).count() == 1


def test_the_database_refuses_a_second_live_match(help_request, eastside):
    first, second = _offers(eastside, 2)
    Match.objects.create(help_request=help_request, volunteer=first.volunteer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Match.objects.create(help_request=help_request, volunteer=second.volunteer, status="accepted")


def test_an_offer_of_another_kind_cannot_be_proposed(client_for, organizer, help_request, eastside):
    (rides,) = _offers(eastside, 1)
    rides.category = "rides"
    rides.save()
    client_for(organizer).post(f"/en/organize/requests/{help_request.pk}/propose/", {"offer": rides.pk})
    assert not Match.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; CI runs it")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_organizers_proposing_at_the_same_moment_make_one_match(organizer, eastside):
    from tests.factories import HelpRequestFactory

    help_request = HelpRequestFactory(area=eastside, status="reviewed")
    offers = _offers(eastside, 8)
    barrier = threading.Barrier(len(offers))
    outcomes = []

    def propose(offer):
        try:
            barrier.wait()
            match_propose(help_request=help_request, offer=offer, proposed_by=organizer)
            outcomes.append("match")
        except MatchConflict:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=propose, args=(offer,)) for offer in offers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["match"] + ["refused"] * 7
    assert Match.objects.filter(help_request=help_request).count() == 1
    assert HelpRequest.objects.get(pk=help_request.pk).status == "matching"
