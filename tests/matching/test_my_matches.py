"""A volunteer's list of matches: paginated, the same queries for 3 or 30 matches, no family's details; a cached
fragment of the volunteer's own, fresh after any change to their matches."""

from django.core.cache import cache

from tests.factories import HelpRequestFactory, MatchFactory
from tests.helpers import get_with_queries


def _add(volunteer, eastside, count):
    for _ in range(count):
        MatchFactory(volunteer=volunteer, help_request=HelpRequestFactory(area=eastside, status="matching"))


def _built_afresh(client, url):
    """Queries of the list built afresh (factories change rows without renewing the cached fragment)."""
    cache.clear()
    return get_with_queries(client, url)


def test_queries_stay_flat_and_the_list_is_paginated(client_for, volunteer, eastside, settings):
    client = client_for(volunteer)
    _add(volunteer, eastside, 3)
    _response, with_3 = _built_afresh(client, "/en/my/matches/")
    _add(volunteer, eastside, 27)
    response, with_30 = _built_afresh(client, "/en/my/matches/")
    assert with_30 == with_3
    assert response.text.count('class="card mb-2"') == settings.REQUESTS_PER_PAGE
    last, _count = get_with_queries(client, "/en/my/matches/?page=2")
    assert last.text.count('class="card mb-2"') == 30 - settings.REQUESTS_PER_PAGE
    assert "Page 2 of 2" in last.text


def test_the_list_never_shows_the_familys_details(client_for, volunteer, eastside):
    MatchFactory(volunteer=volunteer, help_request=HelpRequestFactory(area=eastside, first_name="Rosa"))
    text = client_for(volunteer).get("/en/my/matches/").text
    assert "Rosa" not in text
    assert "+12025550143" not in text


def test_a_cached_list_needs_fewer_queries(client_for, volunteer, eastside):
    _add(volunteer, eastside, 3)
    client = client_for(volunteer)
    first, built = get_with_queries(client, "/en/my/matches/")
    again, cached = get_with_queries(client, "/en/my/matches/")
    assert cached < built
    assert again.text.count('class="card mb-2"') == first.text.count('class="card mb-2"') == 3


def test_each_volunteer_sees_only_their_own_list(client_for, volunteer, other_volunteer, eastside):
    _add(volunteer, eastside, 3)
    mine = MatchFactory(volunteer=volunteer, help_request=HelpRequestFactory(area=eastside, status="matching"))
    client_for(volunteer).get("/en/my/matches/")  # caches the first volunteer's list
    client_for(None).logout()
    theirs = client_for(other_volunteer).get("/en/my/matches/").text
    assert f"/en/my/matches/{mine.pk}/" not in theirs
    assert 'class="card mb-2"' not in theirs
    assert "Nobody has asked you yet." in theirs


def test_answering_a_proposal_shows_at_once(client_for, volunteer, eastside, django_capture_on_commit_callbacks):
    match = MatchFactory(volunteer=volunteer, help_request=HelpRequestFactory(area=eastside, status="matching"))
    client = client_for(volunteer)
    assert "Please answer soon." in client.get("/en/my/matches/").text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/my/matches/{match.pk}/accept/")
    assert response.status_code == 302
    text = client.get("/en/my/matches/").text
    assert "Please answer soon." not in text
    assert "Accepted" in text
