from django.db import connection
from django.test.utils import CaptureQueriesContext

from aidhub.core.models import NetworkSettings
from aidhub.matching.models import Match
from aidhub.matching.suggestions import suggestions_for
from tests.factories import MatchFactory, OfferFactory, VolunteerProfileFactory, language, vet


def _volunteer(name, area, languages=("es",), category="food", capacity=2):
    profile = VolunteerProfileFactory(display_name=name, max_active_matches=capacity)
    OfferFactory(volunteer=profile.user, category=category, areas=[area], languages=[language(c) for c in languages])
    return profile.user


def _names(help_request):
    return [s.candidate.display_name for s in suggestions_for(help_request)]


def test_suggestions_from_the_database_follow_the_ranking(help_request, eastside, lakeview):
    _volunteer("Speaks and reaches", eastside)
    _volunteer("Reaches only", eastside, languages=("en",))
    _volunteer("Speaks only", lakeview)
    _volunteer("Neither", lakeview, languages=("en",))
    _volunteer("Other category", eastside, category="rides")
    assert _names(help_request) == ["Speaks and reaches", "Speaks only", "Reaches only"]


def test_declined_full_and_unvetted_volunteers_are_not_suggested(help_request, eastside):
    declined = _volunteer("Declined", eastside)
    Match.objects.create(help_request=help_request, volunteer=declined, status="declined", decline_reason="busy")
    busy = _volunteer("Busy", eastside, capacity=1)
    MatchFactory(volunteer=busy, status="accepted")
    _volunteer("Free", eastside)
    assert _names(help_request) == ["Free"]
    network = NetworkSettings.load()
    network.vetted_categories = ["food"]
    network.save()
    assert _names(help_request) == []
    vet(declined, "food")
    free = _volunteer("Vetted", eastside)
    vet(free, "food")
    assert _names(help_request) == ["Vetted"]


def test_suggestions_page_runs_the_same_number_of_queries_with_5_and_60_volunteers(
    client_for, organizer, help_request, eastside
):
    client = client_for(organizer)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/en/organize/requests/{help_request.pk}/suggestions/").status_code == 200
        return len(captured)

    for index in range(5):
        _volunteer(f"V{index}", eastside)
    queries()  # first visit creates the network settings row
    with_5 = queries()
    for index in range(55):
        _volunteer(f"W{index}", eastside)
    assert queries() == with_5
