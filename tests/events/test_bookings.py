import logging
import re

import pytest
from django.core import mail
from django.db import connection

from aidhub.events.models import Booking
from aidhub.lib.tokens import hash_access_token
from aidhub.messaging import sms
from tests.factories import SlotFactory, language, make_booking
from tests.helpers import antibot_fields


def _details(chosen, **changes):
    data = {
        "slot": chosen.pk,
        "first_name": "Amal",
        "contact_kind": "phone",
        "contact": "+1 (202) 555-0147",
        "language": language("ar").pk,
        **antibot_fields(),
    }
    data.update(changes)
    return data


def _link_in(message):
    return re.search(r"https://aidhub\.test(/\S+/bookings/[A-Za-z0-9_-]+/)", message).group(1)


def test_family_books_in_arabic_without_an_account_and_gets_a_code_and_a_private_link(
    client, slot, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ar/events/{slot.event_id}/book/", _details(slot))
    # The page says "check your messages", as it would for a number that had booked already.
    assert response.status_code == 302
    assert response["Location"] == "/ar/sent/"
    sent = client.get(response["Location"])
    assert "+1 ••• ••• 47" in sent.text
    booking = Booking.objects.get()
    assert booking.contact == "+12025550147"
    assert booking.message_language == "ar"
    # The text message is in Arabic and carries the code and the private link.
    assert len(sms.outbox) == 1
    assert sms.outbox[0]["to"] == "+12025550147"
    assert booking.reference_code in sms.outbox[0]["body"]
    assert "موعد" in sms.outbox[0]["body"]
    link = _link_in(sms.outbox[0]["body"])
    assert link.startswith("/ar/events/bookings/")
    assert booking.token_hash == hash_access_token(link.rstrip("/").rsplit("/", 1)[1])
    # The page behind the link shows the code, in Arabic, and is never cached.
    page = client.get(link)
    assert booking.reference_code in page.text
    assert "موعدك" in page.text
    assert "no-store" in page["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in page.text
    # Nothing about the family in the logs.
    assert "Amal" not in caplog.text
    assert "4477" not in caplog.text


def test_family_details_are_encrypted_at_rest_and_the_token_is_not_stored(
    client, slot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/events/{slot.event_id}/book/", _details(slot, contact_kind="email", contact="amal@example.net")
        )
    token = _link_in(mail.outbox[0].body).rstrip("/").rsplit("/", 1)[1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT first_name, contact, token_hash FROM events_booking")
        raw_name, raw_contact, raw_hash = cursor.fetchone()
    assert "Amal" not in raw_name
    assert "amal@example.net" not in raw_contact
    assert token not in raw_hash


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("first_name", "", "Este campo es obligatorio."),
        ("contact", "", "Este campo es obligatorio."),
        ("contact", "call me", "Esto no parece un número de teléfono"),
        ("contact_kind", "pigeon", "Escoja una opción válida"),
        ("slot", "999999", "Escoja una opción válida"),
        ("language", "", "Este campo es obligatorio."),
    ],
)
def test_bad_input_gets_a_translated_error_and_saves_nothing(client, slot, field, value, message):
    response = client.post(f"/es/events/{slot.event_id}/book/", _details(slot, **{field: value}))
    assert response.status_code == 200
    assert message in response.text
    assert not Booking.objects.exists()
    if field != "first_name":
        assert 'value="Amal"' in response.text


def test_email_contact_must_be_an_email(client, slot):
    response = client.post(f"/es/events/{slot.event_id}/book/", _details(slot, contact_kind="email", contact="+1555"))
    assert "Escriba un correo electrónico" in response.text
    assert not Booking.objects.exists()


def test_a_full_slot_is_not_offered_and_cannot_be_booked(client, slot):
    slot.places = 1
    slot.save()
    make_booking(slot)
    page = client.get(f"/en/events/{slot.event_id}/book/")
    assert "There is no free time to book at this event." in page.text
    response = client.post(f"/en/events/{slot.event_id}/book/", _details(slot, contact="+12025550101"))
    assert response.status_code == 200
    assert Booking.objects.count() == 1


def test_the_same_contact_cannot_book_twice_and_the_page_does_not_say_so(client, slot):
    first = client.post(f"/en/events/{slot.event_id}/book/", _details(slot))
    second = client.post(f"/en/events/{slot.event_id}/book/", _details(slot, contact="+1 202 555 0147"))
    assert first["Location"] == second["Location"] == "/en/sent/"
    assert Booking.objects.count() == 1


def test_extra_posted_fields_change_nothing(client, slot, other_organizer):
    client.post(
        f"/en/events/{slot.event_id}/book/",
        _details(slot, status="cancelled", event=999, reference_code="AAA-AAA", token_hash="x" * 64),
    )
    booking = Booking.objects.get()
    assert booking.status == "booked"
    assert booking.event_id == slot.event_id
    assert booking.reference_code != "AAA-AAA"


def test_family_moves_the_booking_to_a_free_time(client, slot, django_capture_on_commit_callbacks):
    booking, token = make_booking(slot, contact="amal@example.net", contact_kind="email")
    later = SlotFactory(event=slot.event, starts_at=slot.ends_at)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/events/bookings/{token}/move/", {"slot": later.pk})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.slot == later
    from django.core import mail

    assert mail.outbox[0].subject == "لموعدك وقت جديد"


def test_family_cancels_and_its_details_are_erased(client, slot):
    booking, token = make_booking(slot)
    response = client.post(f"/es/events/bookings/{token}/cancel/", follow=True)
    assert "Su cita está cancelada" in response.text
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert not booking.first_name
    assert not booking.contact
    assert booking.contact_hash == ""


def test_an_unknown_link_answers_404(client, db):
    assert client.get("/en/events/bookings/not-a-real-token/").status_code == 404
    assert client.post("/en/events/bookings/not-a-real-token/cancel/").status_code == 404


def test_organizer_sees_the_booked_list_other_organizers_do_not(client_for, slot, organizer, other_organizer):
    make_booking(slot, first_name="Amal")
    assert "Amal" in client_for(organizer).get(f"/en/organize/events/{slot.event_id}/").text
    assert client_for(other_organizer).get(f"/en/organize/events/{slot.event_id}/").status_code == 404
