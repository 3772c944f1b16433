"""Every events page renders in every interface language, carries the strict CSP, and has no inline script or style."""

import pytest
from django.conf import settings

from tests.helpers import antibot_fields, assert_in_language, assert_pages_in_every_language

pytestmark = pytest.mark.slow

# Each page with a string of its own content (not the "Events" of the menu that every page shows).
PUBLIC = {
    "/{code}/events/": "Add these events to your calendar",
    "/{code}/events/{event}/": "Appointments",
    "/{code}/events/{event}/book/": "Book an appointment",
    "/{code}/events/{event}/register/": "Register",
    "/{code}/events/{event}/pledge/": "I will bring something",
    "/{code}/events/bookings/{booking}/": "Your appointment",
    "/{code}/events/registrations/{registration}/": "Your registration",
}
VOLUNTEER = {
    "/{code}/my/": "Change profile",
    "/{code}/my/events/calendar/": "Your shifts in your calendar",
    "/{code}/my/events/{event}/slots/": "Appointments you serve",
}
ORGANIZER = {
    "/{code}/organize/events/": "Your events",
    "/{code}/organize/events/new/": "New event",
    "/{code}/organize/events/{event}/": "Translations",
    "/{code}/organize/events/{event}/edit/": "Change the event",
    "/{code}/organize/events/{event}/cancel/": "Cancel the event",
    "/{code}/organize/events/{event}/shifts/new/": "New shift",
    "/{code}/organize/events/shifts/{shift}/edit/": "Change the shift",
    "/{code}/organize/events/{event}/slots/new/": "Add appointment slots",
    "/{code}/organize/events/{event}/supplies/new/": "Add a needed item",
    "/{code}/organize/events/{event}/attendance/": "Attendance list",
}
CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def places(event, shift, slot, booking_link, registration_link, pledge):
    return {
        "event": event.pk,
        "shift": shift.pk,
        "booking": booking_link["token"],
        "registration": registration_link["token"],
    }


# Each page once per language, with the events, shifts and links made once per test (issue 21: thirty languages).
def test_public_pages(client, places):
    assert_pages_in_every_language(client, PUBLIC, **places)


def test_volunteer_pages(client_for, volunteer, places):
    assert_pages_in_every_language(client_for(volunteer), VOLUNTEER, **places)


def test_organizer_pages(client_for, organizer, places):
    assert_pages_in_every_language(client_for(organizer), ORGANIZER, **places)


@pytest.mark.parametrize("code", CODES)
def test_pledge_thanks_and_new_calendar_link(client, client_for, volunteer, supply_item, code):
    response = client.post(
        f"/{code}/events/{supply_item.event_id}/pledge/",
        {"item": supply_item.pk, "quantity": "1", "first_name": "Rosa", **antibot_fields()},
    )
    assert_in_language(response, code, "Thank you!")
    response = client_for(volunteer).post(f"/{code}/my/events/calendar/")
    assert_in_language(
        response, code, "Your new calendar link. Copy it now: we do not keep it and cannot show it again."
    )
