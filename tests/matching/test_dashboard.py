from datetime import timedelta

from django.utils import timezone

from tests.factories import HelpRequestFactory, MatchFactory, language
from tests.helpers import get_with_queries


def test_dashboard_shows_what_is_unmet_and_how_fast_help_comes(client_for, organizer, eastside, lakeview):
    now = timezone.now()
    for _ in range(3):
        HelpRequestFactory(area=eastside, category="legal", language=language("ar"))
    HelpRequestFactory(area=lakeview, category="food")  # another organizer's area
    matched = HelpRequestFactory(area=eastside, status="done", created_at=now - timedelta(hours=30))
    MatchFactory(
        help_request=matched, status="done", answered_at=now - timedelta(hours=20), done_at=now - timedelta(hours=6)
    )
    MatchFactory(
        help_request=HelpRequestFactory(area=eastside, status="matching"), proposed_at=now - timedelta(hours=60)
    )
    response = client_for(organizer).get("/en/organize/")
    assert response.context["unmet_count"] == 4
    assert response.context["breakdown"][0]["count"] == 3
    assert response.context["breakdown"][0]["category"] == "legal"
    assert response.context["median_to_match"] == 10.0
    assert response.context["median_to_done"] == 24.0
    assert response.context["overdue_count"] == 1
    assert "Legal help" in response.text
    assert len(response.context["awaiting_check_in"]) == 1


def _get(client):
    """The page's text and the number of queries it took."""
    response, queries = get_with_queries(client, "/en/organize/")
    return response.text, queries


def test_figures_are_cached_and_renewed_when_a_request_changes(
    client_for, organizer, eastside, volunteer, offer, django_capture_on_commit_callbacks
):
    help_request = HelpRequestFactory(area=eastside, status="reviewed")
    client = client_for(organizer)
    first, built = _get(client)
    again, cached = _get(client)
    assert cached < built - 5
    assert help_request.reference_code in again
    assert "María" not in first
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/organize/requests/{help_request.pk}/propose/", {"offer": offer.pk})
    assert response.status_code == 302
    renewed, _queries = _get(client)
    # The proposal now waits for the volunteer's answer.
    assert "María" in renewed


def test_organizers_of_other_areas_never_see_these_figures(client_for, organizer, other_organizer, eastside):
    help_request = HelpRequestFactory(area=eastside)
    assert help_request.reference_code in _get(client_for(organizer))[0]
    assert help_request.reference_code not in _get(client_for(other_organizer))[0]
