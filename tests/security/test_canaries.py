"""Canary values typed by families, subscribers and reporters go through every flow; afterwards no table
(history, audit, queued tasks, sessions and cache included) and no log line holds them in plain text."""

import logging

import pytest
from django.db import connection

from aidhub.alerts.models import CheckIn as ReportCheckIn
from aidhub.alerts.models import Report, Subscriber
from aidhub.core.models import AuditEvent
from aidhub.events.models import Booking, Pledge, Registration
from aidhub.matching.models import CheckIn, Match
from aidhub.needs.models import HelpRequest
from tests.factories import language
from tests.helpers import antibot_fields, reauthenticate
from tests.needs.helpers import help_form

NAME = "Canarynamequx"
PHONE_TYPED, PHONE_DIGITS = "(202) 555-0199", "5550199"
EMAIL = "canary.quxmail@example.net"
DESCRIPTION = "Canarydescription of the need"
NOTE = "Canarynote from the check-in"
BOOKER, BOOKER_PHONE = "Canarybooker", "(303) 555-0188"
PLEDGER, PLEDGER_EMAIL = "Canarypledger", "canary.pledger@example.net"
SUBSCRIBER_PHONE, SUBSCRIBER_DIGITS = "(303) 555-0177", "5550177"
SUBSCRIBER_EMAIL = "canary.subscriber@example.net"
REPORT = "Canaryreport about a checkpoint"
REPORTER = "canary.reporter@example.net"
REPORT_NOTE = "Canarynote about the reporter"

CANARIES = [
    NAME, PHONE_DIGITS, EMAIL, DESCRIPTION, NOTE, BOOKER, "5550188", PLEDGER, PLEDGER_EMAIL,
    SUBSCRIBER_DIGITS, SUBSCRIBER_EMAIL, REPORT, REPORTER, REPORT_NOTE,
]  # fmt: skip


def _families_ask_and_are_helped(client, client_for, organizer, volunteer, offer, eastside):
    client.post("/es/help/", help_form(eastside, first_name=NAME, contact_value=PHONE_TYPED, description=DESCRIPTION))
    client.post("/en/help/", help_form(eastside, first_name=NAME, contact_method="email", contact_value=EMAIL))
    help_request = HelpRequest.objects.filter(contact_method="text").get()
    staff = client_for(organizer)
    staff.get(f"/en/organize/requests/{help_request.pk}/contact/")
    staff.post(f"/en/organize/requests/{help_request.pk}/propose/", {"offer": offer.pk})
    staff.post("/en/organize/requests/new/", help_form(eastside, first_name=NAME, contact_value=PHONE_TYPED))
    match = Match.objects.get(help_request=help_request)
    helper = client_for(volunteer)
    helper.post(f"/en/my/matches/{match.pk}/accept/")
    helper.get(f"/en/my/matches/{match.pk}/")
    helper.post(f"/en/my/matches/{match.pk}/done/")
    staff = client_for(organizer)
    staff.post(f"/en/organize/matches/{match.pk}/check-in/", {"outcome": "needs_more", "note": NOTE})
    client.post(
        "/en/help/find/", {"reference_code": help_request.reference_code, "contact": PHONE_TYPED, **antibot_fields()}
    )


def _people_book_register_and_pledge(client, slot, event, supply_item):
    details = {"contact_kind": "phone", "language": language("ar").pk, **antibot_fields()}
    client.post(
        f"/ar/events/{slot.event_id}/book/", {"slot": slot.pk, "first_name": BOOKER, "contact": BOOKER_PHONE, **details}
    )
    client.post(
        f"/es/events/{event.pk}/register/",
        {
            "first_name": NAME,
            "contact_kind": "email",
            "contact": EMAIL,
            "language": language("es").pk,
            **antibot_fields(),
        },
    )
    client.post(
        f"/en/events/{event.pk}/pledge/",
        {"item": supply_item.pk, "quantity": "2", "first_name": PLEDGER, "contact": PLEDGER_EMAIL, **antibot_fields()},
    )


def _subscribers_and_reporters(client, client_for, organizer, eastside):
    common = {"language": language("es").pk, "areas": [eastside.pk], **antibot_fields()}
    client.post("/es/alerts/subscribe/", {"channel": "sms", "phone": SUBSCRIBER_PHONE, **common})
    common = {"language": language("es").pk, "areas": [eastside.pk], **antibot_fields()}
    client.post("/es/alerts/subscribe/", {"channel": "email", "email": SUBSCRIBER_EMAIL, **common})
    client.post(
        "/en/alerts/report/",
        {
            "what": REPORT,
            "area": eastside.pk,
            "happened_at": "2026-11-20T09:30",
            "contact": REPORTER,
            **antibot_fields(),
        },
    )
    report = Report.objects.get()
    staff = client_for(organizer)
    reauthenticate(staff)
    staff.post(f"/en/organize/reports/{report.pk}/check-in/", {"outcome": "needs_help", "note": REPORT_NOTE})


def _every_row_as_text():
    text = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            text.extend(f"{table}: {row!r}" for row in cursor.fetchall())
    return "\n".join(text)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_plaintext_canary_in_any_table_or_log(
    client, client_for, organizer, volunteer, offer, eastside, slot, event, supply_item, settings, caplog
):
    # Queued tasks are rows too: use the database task backend, as production does.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    caplog.set_level(logging.DEBUG)
    _families_ask_and_are_helped(client, client_for, organizer, volunteer, offer, eastside)
    _people_book_register_and_pledge(client, slot, event, supply_item)
    _subscribers_and_reporters(client, client_for, organizer, eastside)

    # The flows really ran: the data is there, encrypted.
    # (Encrypted fields cannot be filtered on in the database: compare after decryption.)
    assert sum(request.first_name == NAME for request in HelpRequest.objects.all()) == 4  # web ×2, hotline, follow-up
    assert HelpRequest.objects.get(contact_method="text", follow_up_of=None, source="web").status == "done"
    assert (Booking.objects.count(), Registration.objects.count(), Pledge.objects.count()) == (1, 1, 1)
    assert (Subscriber.objects.count(), Report.objects.count(), ReportCheckIn.objects.count()) == (2, 1, 1)
    assert CheckIn.objects.get().note == NOTE
    assert AuditEvent.objects.filter(action="contact_shown").count() == 2

    dump = _every_row_as_text()
    assert "needs_helprequest" in dump and "django_tasks_database_dbtaskresult" in dump
    logs = "\n".join(f"{record.name}: {record.getMessage()}" for record in caplog.records)
    for canary in CANARIES:
        assert canary.lower() not in dump.lower(), f"{canary!r} found in plain text in the database"
        assert canary.lower() not in logs.lower(), f"{canary!r} found in the logs"
