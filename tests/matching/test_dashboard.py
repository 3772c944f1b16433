from datetime import timedelta

from django.utils import timezone

from tests.factories import HelpRequestFactory, MatchFactory, language


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
