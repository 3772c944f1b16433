"""An event's page is cached for everyone not signed in: two queries when cached, and whatever is counted on it
(shifts taken, times booked, supplies pledged) or changed on the event shows as soon as it is committed."""

from tests.factories import VolunteerProfileFactory, make_booking
from tests.helpers import antibot_fields, get_with_queries


def _get(client, event):
    """The page's text and the number of queries it took."""
    response, queries = get_with_queries(client, f"/en/events/{event.pk}/")
    return response.text, queries


def test_a_cached_page_needs_only_the_queries_that_find_the_event(client, shift):
    first, _queries = _get(client, shift.event)
    again, queries = _get(client, shift.event)
    assert queries == 2  # the event (through the one access helper) and its languages
    assert again == first
    assert "1 of 2 places taken" in again


def test_a_volunteer_taking_a_shift_shows_at_once(client, client_for, shift, django_capture_on_commit_callbacks):
    assert "1 of 2 places taken" in _get(client, shift.event)[0]
    other = VolunteerProfileFactory().user
    with django_capture_on_commit_callbacks(execute=True):
        client_for(other).post(f"/en/events/shifts/{shift.pk}/sign-up/")
    assert "2 of 2 places taken" in _get(client, shift.event)[0]


def test_a_booking_and_a_pledge_show_at_once(client, slot, supply_item, django_capture_on_commit_callbacks):
    event = slot.event
    text = _get(client, event)[0]
    assert "1 time is still free." in text
    assert "40 of 40 still missing" in text
    with django_capture_on_commit_callbacks(execute=True):
        make_booking(slot, contact="+12025550101")
        make_booking(slot, contact="+12025550102")
    assert "time is still free" not in _get(client, event)[0]
    with django_capture_on_commit_callbacks(execute=True):
        data = {"item": supply_item.pk, "quantity": 5, "first_name": "Rosa", "contact": ""} | antibot_fields()
        client.post(f"/en/events/{event.pk}/pledge/", data)
    assert "35 of 40 still missing" in _get(client, event)[0]


def test_a_cancellation_shows_at_once(client, client_for, organizer, event, django_capture_on_commit_callbacks):
    assert "This event is cancelled." not in _get(client, event)[0]
    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(f"/en/organize/events/{event.pk}/cancel/")
    assert "This event is cancelled." in _get(client, event)[0]


def test_signed_in_volunteers_get_their_own_page(client_for, volunteer, shift, client):
    _get(client, shift.event)  # cached for everyone not signed in
    own, queries = _get(client_for(volunteer), shift.event)
    assert queries > 1
    assert "Leave this shift" in own
