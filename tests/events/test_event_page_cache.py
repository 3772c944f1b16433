"""An event's page is cached for everyone not signed in: no query when cached, and whatever is counted on it
(shifts taken, times booked, supplies pledged) or changed on the event shows as soon as it is committed."""

import pytest
from django.test import Client

from aidhub.events.models import Event
from tests.factories import VolunteerProfileFactory, make_booking
from tests.helpers import antibot_fields, get_with_queries


@pytest.fixture
def reader():
    """Someone not signed in, in a browser of their own (client_for signs in the `client` fixture)."""
    return Client()


def _get(client, event):
    """The page's text and the number of queries it took."""
    response, queries = get_with_queries(client, f"/en/events/{event.pk}/")
    return response.text, queries


def test_a_cached_page_needs_no_query(client, shift):
    first, built = _get(client, shift.event)
    again, queries = _get(client, shift.event)
    assert built > 2
    assert queries == 0
    assert again == first
    assert "1 of 2 places taken" in again
    assert f"<title>{shift.event.title}" in again


def test_an_event_taken_back_to_draft_answers_404_at_once(client, event, django_capture_on_commit_callbacks):
    _get(client, event)
    with django_capture_on_commit_callbacks(execute=True):
        event.status = Event.Status.DRAFT
        event.save()
    assert client.get(f"/en/events/{event.pk}/").status_code == 404


def test_a_deleted_event_answers_404_at_once(client, event, django_capture_on_commit_callbacks):
    _get(client, event)
    with django_capture_on_commit_callbacks(execute=True):
        Event.objects.get(pk=event.pk).delete()
    assert client.get(f"/en/events/{event.pk}/").status_code == 404


def test_events_deleted_together_in_the_admin_answer_404_at_once(
    reader, client_for, admin_user, event, django_capture_on_commit_callbacks
):
    _get(reader, event)
    assert _get(reader, event)[1] == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin_user).post(
            "/admin/events/event/", {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"}
        )
    assert response.status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()
    assert reader.get(f"/en/events/{event.pk}/").status_code == 404


def test_a_draft_is_never_cached(client, event):
    event.status = Event.Status.DRAFT
    event.save()
    assert client.get(f"/en/events/{event.pk}/").status_code == 404
    assert client.get(f"/en/events/{event.pk}/").status_code == 404


def test_a_volunteer_taking_a_shift_shows_at_once(reader, client_for, shift, django_capture_on_commit_callbacks):
    assert "1 of 2 places taken" in _get(reader, shift.event)[0]
    other = VolunteerProfileFactory().user
    with django_capture_on_commit_callbacks(execute=True):
        client_for(other).post(f"/en/events/shifts/{shift.pk}/sign-up/")
    assert "2 of 2 places taken" in _get(reader, shift.event)[0]


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


def test_a_cancellation_shows_at_once(reader, client_for, organizer, event, django_capture_on_commit_callbacks):
    assert "This event is cancelled." not in _get(reader, event)[0]
    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(f"/en/organize/events/{event.pk}/cancel/")
    assert "This event is cancelled." in _get(reader, event)[0]


def test_signed_in_volunteers_get_their_own_page(client_for, volunteer, shift, reader):
    _get(reader, shift.event)  # cached for everyone not signed in
    own, queries = _get(client_for(volunteer), shift.event)
    assert queries > 1
    assert "Leave this shift" in own
