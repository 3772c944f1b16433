"""Volunteers' pages with the cache on, cached today or not: volunteer X's page never shows volunteer Y's matches,
offers or shifts, whether Y volunteers for another organization's area or for the same one (a cache kept per area
would pass the first and fail the second)."""

import re

import pytest
from django.test import Client

from aidhub.events.models import Event
from aidhub.matching.models import Match
from tests.caching.cases import assert_read_back, isolates
from tests.caching.conftest import assert_shows_only_its_own
from tests.factories import (
    HelpRequestFactory,
    MatchFactory,
    OfferFactory,
    ShiftFactory,
    ShiftSignupFactory,
    VolunteerProfileFactory,
    language,
)
from tests.helpers import sign_in

PAGES = ["/en/my/", "/en/my/matches/", "/en/my/matches/?page=1"]


@pytest.fixture
def neighbour(side_a):
    """A second volunteer of A's area, with a match and an offer of their own."""
    user = VolunteerProfileFactory(
        user__email="quince@example.org",
        display_name="Quince Neighbour",
        areas=[side_a.area],
        languages=[language("es")],
    ).user
    offer = OfferFactory(volunteer=user, areas=[side_a.area], category="food", title="Quince soup offer")
    help_request = HelpRequestFactory(area=side_a.area, status="matching", category="food", reference_code="RVA-077")
    MatchFactory(help_request=help_request, volunteer=user, offer=offer, status="proposed")
    return user


def _own_marks(user):
    """What only this volunteer's pages show: the links to their matches, their offers' titles, their name."""
    marks = [f"/en/my/matches/{pk}/" for pk in Match.objects.filter(volunteer=user).values_list("pk", flat=True)]
    marks += list(user.offers.values_list("title", flat=True))
    return [*marks, user.volunteer_profile.display_name]


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response.text


def _assert_none_of(text, marks, where):
    leaked = [mark for mark in marks if mark in text]
    assert not leaked, f"{where} shows another volunteer's data: {leaked}"


@pytest.mark.parametrize("url", PAGES)
def test_a_volunteer_never_sees_another_volunteers_matches(side_a, side_b, neighbour, url):
    volunteers = {
        "X (A's area)": side_a.volunteer,
        "Y (B's area)": side_b.volunteer,
        "X's neighbour (A's area too)": neighbour,
    }
    clients = {name: sign_in(Client(), user) for name, user in volunteers.items()}
    marks = {name: _own_marks(user) for name, user in volunteers.items()}
    for _round in range(2):
        for name, client in clients.items():
            page = _get(client, url)
            if url == "/en/my/":
                assert all(mark in page for mark in marks[name]), f"{name}'s page lacks their own data"
            else:
                assert all(mark in page for mark in marks[name] if "/my/matches/" in mark), name
            for other, other_marks in marks.items():
                if other != name:
                    _assert_none_of(page, other_marks, f"{name}'s {url} (after {other}'s)")
    assert_shows_only_its_own(_get(clients["Y (B's area)"], url), side_b, side_a, where=f"Y's {url}")


def test_a_volunteer_cannot_open_another_volunteers_match(side_a, side_b, neighbour):
    """Y and X's neighbour both answer 404 for X's match, after X opened it."""
    match = Match.objects.get(volunteer=side_a.volunteer)
    url = f"/en/my/matches/{match.pk}/"
    assert side_a.volunteer_client().get(url).status_code == 200
    assert side_b.volunteer_client().get(url).status_code == 404
    assert sign_in(Client(), neighbour).get(url).status_code == 404


def test_a_volunteers_own_shift_on_an_event_page_is_theirs_only(side_a, neighbour):
    """X holds a shift and is given the address; X's neighbour, signed in after X, is not."""
    event = Event.objects.get(title="Quill legal night")
    event.venue = Event.Venue.ON_SIGNUP
    event.address = "12 Quill Lane, back door"
    event.save()
    ShiftSignupFactory(shift=ShiftFactory(event=event), volunteer=side_a.volunteer)
    url = f"/en/events/{event.pk}/"
    for _round in range(2):
        own = _get(side_a.volunteer_client(), url)
        assert "Your shift" in own and "12 Quill Lane" in own
        other = _get(sign_in(Client(), neighbour), url)
        assert "Your shift" not in other and "12 Quill Lane" not in other


def _checked(page, name):
    """The values of the ticked boxes named `name` in a form."""
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
    return {re.search(r'value="([^"]*)"', tag).group(1) for tag in inputs if " checked" in tag}


@isolates("my-matches", "my-active-matches", "my-offers", "my-profile", "offer-form")
def test_a_volunteers_own_fragments_reach_no_other_volunteer(side_a, side_b, neighbour, fragment_log):
    """The volunteer's page (their matches, offers and profile), their list of matches and their offer form are
    kept per volunteer (the offer form per starting values, which are all it holds): each is read back for its
    owner, and X's neighbour of the same area or Y of B's area, reading after X, never get X's."""
    volunteers = {
        "X (A's area)": side_a.volunteer,
        "Y (B's area)": side_b.volunteer,
        "X's neighbour (A's area too)": neighbour,
    }
    clients = {name: sign_in(Client(), user) for name, user in volunteers.items()}
    marks = {name: _own_marks(user) for name, user in volunteers.items()}
    for _round in range(2):
        for name, client in clients.items():
            for url in ["/en/my/", "/en/my/matches/", "/en/my/offers/new/"]:
                page = _get(client, url)
                for other, other_marks in marks.items():
                    if other != name:
                        _assert_none_of(page, other_marks, f"{name}'s {url} (after {other}'s)")
                if url == "/en/my/offers/new/":
                    areas = volunteers[name].volunteer_profile.areas.values_list("pk", flat=True)
                    own_areas = {str(pk) for pk in areas}
                    assert _checked(page, "areas") == own_areas, f"{name}'s offer form starts from another profile"
    assert_shows_only_its_own(_get(clients["Y (B's area)"], "/en/my/"), side_b, side_a, where="Y's page")
    for fragment in ("my-matches", "my-active-matches", "my-offers", "my-profile", "offer-form"):
        assert_read_back(fragment_log, fragment)
