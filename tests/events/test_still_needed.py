"""Events show what is missing (issue 17, item 6): free places of upcoming shifts, counted in the query."""

from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aidhub.events.models import Event
from tests.factories import EventFactory, ShiftFactory, ShiftSignupFactory, language
from tests.helpers import count_queries, get_with_queries


def _legal_night(area, organization=None, **fields):
    event = EventFactory(area=area, **({"organization": organization} if organization else {}), **fields)
    welcome = ShiftFactory(event=event, role="welcome", places=4)
    ShiftSignupFactory(shift=welcome)
    ShiftFactory(event=event, role="childcare", places=1)
    ShiftFactory(event=event, role="interpreter", language=language("ar"), places=2)
    interpreter = ShiftFactory(event=event, role="interpreter", language=language("vi"), places=1)
    ShiftSignupFactory(shift=interpreter)
    full = ShiftFactory(event=event, role="food", places=1)
    ShiftSignupFactory(shift=full)
    return event


def test_the_query_counts_free_places_of_upcoming_shifts_per_kind(eastside):
    event = _legal_night(eastside)
    # An overfull shift counts no negative places; a shift that is over counts none.
    overfull = ShiftFactory(event=event, role="driver", places=1)
    ShiftSignupFactory(shift=overfull)
    ShiftSignupFactory(shift=overfull)
    past = timezone.now() - timedelta(days=1)
    ShiftFactory(event=event, role="set_up", places=5, starts_at=past - timedelta(hours=2), ends_at=past)
    counted = Event.objects.with_open_places().get(pk=event.pk)
    assert (counted.open_volunteer_places, counted.open_interpreter_places) == (4, 2)
    bare = Event.objects.with_open_places().get(pk=EventFactory(area=eastside).pk)
    assert (bare.open_volunteer_places, bare.open_interpreter_places) == (0, 0)


def test_the_public_list_says_what_each_event_needs_and_links_to_its_shifts(
    client, eastside, django_capture_on_commit_callbacks
):
    event = _legal_night(eastside)
    EventFactory(area=eastside, title="Nothing needed")
    page = client.get("/en/events/").text
    assert f'href="/en/events/{event.pk}/#shifts">' in page
    assert "Needs 4 more volunteers · 2 interpreters needed" in page
    assert page.count("still-needed") == 1
    # A sign-up renews the cached list at once.
    with django_capture_on_commit_callbacks(execute=True):
        ShiftSignupFactory(shift=event.shifts.get(role="childcare"))
    assert "Needs 3 more volunteers · 2 interpreters needed" in client.get("/en/events/").text
    spanish = client.get("/es/events/").text
    assert "Necesita 3 voluntarios más · Se necesitan 2 intérpretes" in spanish


def test_one_place_reads_in_the_singular(client, eastside):
    event = EventFactory(area=eastside)
    ShiftFactory(event=event, role="welcome", places=1)
    ShiftFactory(event=event, role="interpreter", language=language("ar"), places=1)
    assert "Needs 1 more volunteer · 1 interpreter needed" in client.get("/en/events/").text


def test_a_cancelled_event_needs_nothing(client, eastside):
    _legal_night(eastside, status=Event.Status.CANCELLED)
    assert "still-needed" not in client.get("/en/events/").text


def test_the_organizer_list_says_it_too_and_links_to_the_event_page(client_for, organizer, organization, eastside):
    event = _legal_night(eastside, organization)
    page = client_for(organizer).get("/en/organize/events/").text
    assert f'href="/en/organize/events/{event.pk}/#shifts">' in page
    assert "Needs 4 more volunteers · 2 interpreters needed" in page


def test_both_lists_stay_flat(
    client, client_for, organizer, organization, eastside, settings, django_capture_on_commit_callbacks
):
    settings.EVENTS_PER_PAGE = 500
    organizer_client = client_for(organizer)
    for _ in range(2):
        _legal_night(eastside, organization)
    count_queries(organizer_client, "/en/organize/events/")
    cache.clear()  # the public list is a cached fragment: count the queries that build it
    public_few = count_queries(client, "/en/events/")
    organizer_few = count_queries(organizer_client, "/en/organize/events/")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(12):
            _legal_night(eastside, organization)
    cache.clear()
    response, public_many = get_with_queries(client, "/en/events/")
    assert response.text.count("still-needed") == 14
    assert public_many == public_few
    with CaptureQueriesContext(connection) as queries:
        assert organizer_client.get("/en/organize/events/").text.count("still-needed") == 14
    assert len(queries) == organizer_few
