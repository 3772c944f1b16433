from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from aidhub.matching.models import Match
from tests.factories import AreaFactory, HelpRequestFactory, MatchFactory, UserFactory, language
from tests.helpers import count_queries


def test_queue_shows_unmet_requests_of_my_areas_urgent_and_oldest_first(client_for, organizer, eastside, lakeview):
    now = timezone.now()
    old = HelpRequestFactory(area=eastside, urgency="week", created_at=now - timedelta(days=3))
    urgent = HelpRequestFactory(area=eastside, urgency="today", created_at=now - timedelta(hours=1))
    newer = HelpRequestFactory(area=eastside, urgency="week", created_at=now - timedelta(days=1))
    done = HelpRequestFactory(area=eastside, status="done")
    elsewhere = HelpRequestFactory(area=lakeview)
    text = client_for(organizer).get("/en/organize/requests/").text
    positions = [text.index(r.reference_code) for r in (urgent, old, newer)]
    assert positions == sorted(positions)
    assert done.reference_code not in text
    assert elsewhere.reference_code not in text


def test_queue_filters(client_for, organizer, eastside, city):
    westside = AreaFactory(name="Westside", parent=city)
    food = HelpRequestFactory(area=eastside, category="food")
    legal = HelpRequestFactory(area=westside, category="legal", language=language("ar"), urgency="today")
    old = HelpRequestFactory(area=eastside, created_at=timezone.now() - timedelta(days=10))
    client = client_for(organizer)

    def codes(**params):
        text = client.get("/en/organize/requests/", params).text
        return {r.reference_code for r in (food, legal, old) if r.reference_code in text}

    assert codes(category="legal") == {legal.reference_code}
    assert codes(language=language("ar").pk) == {legal.reference_code}
    assert codes(area=westside.pk) == {legal.reference_code}
    assert codes(area=city.pk) == {food.reference_code, legal.reference_code, old.reference_code}
    assert codes(urgency="today") == {legal.reference_code}
    assert codes(waiting="7") == {old.reference_code}
    assert codes(status="done") == set()
    text = client.get("/en/organize/requests/", {"sort": "newest"}).text
    assert text.index(legal.reference_code) < text.index(old.reference_code)


def test_an_unanswered_proposal_is_flagged_after_the_configured_time(client_for, organizer, eastside):
    request = HelpRequestFactory(area=eastside, status="matching")
    MatchFactory(help_request=request, proposed_at=timezone.now() - timedelta(hours=49))
    assert "no answer yet" in client_for(organizer).get("/en/organize/requests/").text
    Match.objects.update(proposed_at=timezone.now())
    assert "no answer yet" not in client_for(organizer).get("/en/organize/requests/").text


def test_bad_filter_values_show_an_error_not_a_crash(client_for, organizer):
    response = client_for(organizer).get("/es/organize/requests/", {"area": "x", "waiting": "99", "sort": "up"})
    assert response.status_code == 200
    assert "Escoja una opción válida" in response.text


def _queries(client, url):
    """Queries of a page built afresh: no cached dashboard figures (those are tested in test_dashboard.py)."""
    cache.clear()
    return count_queries(client, url)


def test_queue_and_dashboard_queries_stay_flat_as_requests_grow(client_for, organizer, eastside, settings):
    settings.REQUESTS_PER_PAGE = 500
    client = client_for(organizer)

    def add(count):
        for index in range(count):
            request = HelpRequestFactory(area=eastside, status="matching" if index % 2 else "reviewed")
            if index % 2:
                MatchFactory(help_request=request, volunteer=UserFactory())

    add(5)
    _queries(client, "/en/organize/")  # first visit creates the network settings row
    queue_5, dashboard_5 = _queries(client, "/en/organize/requests/"), _queries(client, "/en/organize/")
    add(60)
    assert _queries(client, "/en/organize/requests/") == queue_5
    assert _queries(client, "/en/organize/") == dashboard_5
