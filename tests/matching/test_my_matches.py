"""A volunteer's list of matches: paginated, the same queries for 3 or 30 matches, no family's details."""

from tests.factories import HelpRequestFactory, MatchFactory
from tests.helpers import count_queries, get_with_queries


def _add(volunteer, eastside, count):
    for _ in range(count):
        MatchFactory(volunteer=volunteer, help_request=HelpRequestFactory(area=eastside, status="matching"))


def test_queries_stay_flat_and_the_list_is_paginated(client_for, volunteer, eastside, settings):
    client = client_for(volunteer)
    _add(volunteer, eastside, 3)
    with_3 = count_queries(client, "/en/my/matches/")
    _add(volunteer, eastside, 27)
    response, with_30 = get_with_queries(client, "/en/my/matches/")
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
