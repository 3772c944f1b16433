"""Every events page renders in every interface language, carries the strict CSP, and has no inline script or style."""

import pytest
from django.conf import settings
from django.utils import translation

from tests.helpers import antibot_fields
from tests.test_security_headers import _check

PUBLIC = [
    "/{code}/events/",
    "/{code}/events/{event}/",
    "/{code}/events/{event}/book/",
    "/{code}/events/{event}/register/",
    "/{code}/events/{event}/pledge/",
    "/{code}/events/bookings/{booking}/",
    "/{code}/events/registrations/{registration}/",
]
VOLUNTEER = ["/{code}/my/", "/{code}/my/events/calendar/", "/{code}/my/events/{event}/slots/"]
ORGANIZER = [
    "/{code}/organize/events/",
    "/{code}/organize/events/new/",
    "/{code}/organize/events/{event}/",
    "/{code}/organize/events/{event}/edit/",
    "/{code}/organize/events/{event}/cancel/",
    "/{code}/organize/events/{event}/shifts/new/",
    "/{code}/organize/events/shifts/{shift}/edit/",
    "/{code}/organize/events/{event}/slots/new/",
    "/{code}/organize/events/{event}/supplies/new/",
    "/{code}/organize/events/{event}/attendance/",
]
CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def places(event, shift, slot, booking_link, registration_link, pledge):
    return {
        "event": event.pk,
        "shift": shift.pk,
        "booking": booking_link["token"],
        "registration": registration_link["token"],
    }


def _expect_translated(response, code, text):
    with translation.override(code):
        translated = translation.gettext(text)
    if code != "en":
        assert translated != text, f"{text!r} is not translated into {code}"
    assert translated in response.text


def _render(client, page, code, places):
    response = client.get(page.format(code=code, **places))
    assert response.status_code == 200
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in response.text
    _expect_translated(response, code, "Events")
    _check(response)
    return response


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("page", PUBLIC)
def test_public_pages(client, places, page, code):
    _render(client, page, code, places)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("page", VOLUNTEER)
def test_volunteer_pages(client_for, volunteer, places, page, code):
    _render(client_for(volunteer), page, code, places)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("page", ORGANIZER)
def test_organizer_pages(client_for, organizer, places, page, code):
    _render(client_for(organizer), page, code, places)


@pytest.mark.parametrize("code", CODES)
def test_pledge_thanks_and_new_calendar_link(client, client_for, volunteer, supply_item, code):
    response = client.post(
        f"/{code}/events/{supply_item.event_id}/pledge/",
        {"item": supply_item.pk, "quantity": "1", "first_name": "Rosa", **antibot_fields()},
    )
    assert response.status_code == 200
    _expect_translated(response, code, "Thank you!")
    _check(response)
    response = client_for(volunteer).post(f"/{code}/my/events/calendar/")
    _expect_translated(
        response, code, "Your new calendar link. Copy it now: we do not keep it and cannot show it again."
    )
    _check(response)
