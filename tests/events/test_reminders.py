"""Reminders with a frozen clock: each goes out once, in the recipient's language; a cancelled event sends a notice."""

from datetime import UTC, datetime, timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command

from aidhub.events.models import Reminder
from aidhub.events.services.reminders import purge_personal_data
from aidhub.messaging import sms
from tests.factories import SlotFactory, make_booking, make_registration

# 18:00 in Los Angeles (the site's time zone in tests) on Sunday 5 May 2030.
START = datetime(2030, 5, 6, 1, 0, tzinfo=UTC)


@pytest.fixture
def people(event, shift, volunteer):
    """A Spanish-speaking volunteer with a shift, an Arabic-speaking family with a slot, an English attendee."""
    event.starts_at, event.ends_at = START, START + timedelta(hours=3)
    event.save()
    shift.starts_at, shift.ends_at = START, START + timedelta(hours=3)
    shift.save()
    volunteer.language = "es"
    volunteer.save()
    slot = SlotFactory(event=event, starts_at=START + timedelta(minutes=40))
    booking, _token = make_booking(slot, first_name="Amal", contact="+12025550147", code="ar")
    registration, _token = make_registration(
        event, first_name="Joe", contact="joe@example.net", contact_kind="email", code="en"
    )
    return {"booking": booking, "registration": registration}


def _run_at(moment, capture):
    with mock.patch("django.utils.timezone.now", return_value=moment), capture(execute=True):
        call_command("send_event_reminders", stdout=StringIO())


def _sent():
    return [(message.to[0], message.subject) for message in mail.outbox] + [(m["to"], m["body"]) for m in sms.outbox]


def test_each_reminder_goes_out_once_in_the_recipients_language(people, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    _run_at(START - timedelta(hours=30), capture)
    assert _sent() == []

    _run_at(START - timedelta(hours=23), capture)
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "maria@example.org": "Recordatorio: su turno en Legal aid night",
        "joe@example.net": "Reminder: Legal aid night",
    }
    assert "Su turno es mañana." in mail.outbox[0].body or "Su turno es mañana." in mail.outbox[1].body
    assert len(sms.outbox) == 1
    assert sms.outbox[0]["to"] == "+12025550147"
    assert "تذكير" in sms.outbox[0]["body"]
    assert people["booking"].reference_code in sms.outbox[0]["body"]

    # The clock moves on; the same reminders are not sent again.
    _run_at(START - timedelta(hours=22), capture)
    _run_at(START - timedelta(hours=3), capture)
    assert len(mail.outbox) == 2
    assert len(sms.outbox) == 1

    # Two hours before the event: the volunteer and the attendee; the family's slot is 40 minutes later.
    _run_at(START - timedelta(hours=1, minutes=59), capture)
    assert len(mail.outbox) == 4
    assert len(sms.outbox) == 1
    assert any("Su turno empieza en unas dos horas." in message.body for message in mail.outbox)
    _run_at(START - timedelta(hours=1), capture)
    assert len(sms.outbox) == 2
    assert "موعدك" in sms.outbox[1]["body"]
    _run_at(START - timedelta(minutes=10), capture)
    assert len(mail.outbox) == 4
    assert len(sms.outbox) == 2
    assert Reminder.objects.count() == 6


def test_a_cancelled_event_sends_one_cancellation_notice_and_no_more_reminders(
    people, event, client_for, organizer, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    _run_at(START - timedelta(hours=23), capture)
    assert len(mail.outbox) + len(sms.outbox) == 3
    with mock.patch("django.utils.timezone.now", return_value=START - timedelta(hours=20)), capture(execute=True):
        client_for(organizer).post(f"/en/organize/events/{event.pk}/cancel/")
    notices = [(m.to[0], m.subject) for m in mail.outbox[2:]] + [(m["to"], m["body"]) for m in sms.outbox[1:]]
    assert len(notices) == 3
    assert ("maria@example.org", "Cancelado: Legal aid night") in notices
    assert ("joe@example.net", "Cancelled: Legal aid night") in notices
    family = next(body for to, body in notices if to == "+12025550147")
    assert "أُلغيت" in family
    # Later runs send neither reminders nor a second notice.
    _run_at(START - timedelta(hours=19), capture)
    _run_at(START - timedelta(hours=1), capture)
    assert len(_sent()) == 6


def test_a_cancelled_booking_or_registration_gets_nothing(people, django_capture_on_commit_callbacks, client):
    from aidhub.events.services.families import booking_cancel, registration_cancel

    booking_cancel(booking=people["booking"])
    registration_cancel(registration=people["registration"])
    _run_at(START - timedelta(hours=23), django_capture_on_commit_callbacks)
    assert [message.to[0] for message in mail.outbox] == ["maria@example.org"]
    assert sms.outbox == []


def test_personal_data_is_erased_a_while_after_the_event(people):
    assert purge_personal_data(days=30, now=START + timedelta(days=10)) == 0
    assert purge_personal_data(days=30, now=START + timedelta(days=31)) == 2
    people["booking"].refresh_from_db()
    assert not people["booking"].first_name
    assert not people["booking"].contact
    assert people["booking"].reference_code
    assert purge_personal_data(days=30, now=START + timedelta(days=32)) == 0
