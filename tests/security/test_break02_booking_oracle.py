"""Break 2 of issue 14: booking a slot (or registering, or finding a lost request) answered differently when the
phone number or email was already known, so anyone could learn whether a given phone is booked at the legal aid
night. Now every such form answers the same page; the owner of a known contact gets its private link by message."""

import re
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from aidhub.events.models import Booking, Registration
from aidhub.messaging import sms
from tests.factories import EventFactory, SlotFactory, SubscriberFactory, language, make_booking, make_registration
from tests.helpers import antibot_fields

BOOKED_PHONE = "+12025550147"
# Another number with the same last two digits: the masked number on the page reads the same.
FREE_PHONE = "+12025550247"


def _page(response):
    """What a prober compares: status, the templates and the text, less what is fresh in every answer (the CSRF
    token, the script nonce, a private link's token)."""
    text = re.sub(r'(csrfmiddlewaretoken" value=|nonce=)"[^"]*"', r'\1""', response.text)
    text = re.sub(r"/[A-Za-z0-9_-]{20,}/", "/TOKEN/", text)
    return response.status_code, [template.name for template in response.templates], text


def _answer(client, url, data):
    """The answer to a post and the page it leads to, as a browser shows them."""
    response = client.post(url, data)
    assert response.status_code == 302, response.status_code
    return response["Location"], _page(client.get(response["Location"]))


def _booking(slot, phone):
    return {
        "slot": slot.pk,
        "first_name": "Prober",
        "contact_kind": "phone",
        "contact": phone,
        "language": language("en").pk,
        **antibot_fields(),
    }


def _link_in(body, path):
    return re.search(rf"https://aidhub\.test(/\w+{path}[A-Za-z0-9_-]+/)", body).group(1)


def test_booking_answers_the_same_page_whether_or_not_the_phone_is_booked(client, slot):
    existing, _token = make_booking(slot, contact=BOOKED_PHONE)
    booked = _answer(client, f"/en/events/{slot.event_id}/book/", _booking(slot, BOOKED_PHONE))
    free = _answer(client, f"/en/events/{slot.event_id}/book/", _booking(slot, FREE_PHONE))
    assert booked == free
    assert "Check your messages" in free[1][2]
    assert "already" not in free[1][2].replace("If this phone number or email already had", "")
    # Nothing changed for the booked family; the free number got its own booking.
    assert Booking.objects.filter(contact_hash=existing.contact_hash).count() == 1
    assert Booking.objects.count() == 2


def test_a_second_booking_sends_the_existing_booking_a_fresh_link_in_its_language(
    client, slot, django_capture_on_commit_callbacks
):
    existing, old_token = make_booking(slot, contact=BOOKED_PHONE, code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/events/{slot.event_id}/book/", _booking(slot, "(202) 555-0147"))
    [message] = sms.outbox
    assert message["to"] == BOOKED_PHONE
    # In the family's language (Arabic), not the prober's page language.
    assert "موعد" in message["body"]
    link = _link_in(message["body"], "/events/bookings/")
    page = client.get(link)
    assert page.status_code == 200
    assert existing.reference_code in page.text
    # Only the newest link opens the booking: the one who holds the phone is the one who can use it.
    assert client.get(f"/en/events/bookings/{old_token}/").status_code == 404
    existing.refresh_from_db()
    assert existing.is_active and existing.slot == slot


def test_asking_again_and_again_sends_only_a_few_messages_and_the_page_never_changes(
    client, slot, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_FORM_RESENDS_PER_DAY = 2
    make_booking(slot, contact=BOOKED_PHONE)
    answers = set()
    with django_capture_on_commit_callbacks(execute=True):
        for _attempt in range(4):
            location, (status, templates, text) = _answer(
                client, f"/en/events/{slot.event_id}/book/", _booking(slot, BOOKED_PHONE)
            )
            answers.add((location, status, tuple(templates), text))
    assert len(answers) == 1
    assert len(sms.outbox) == 2


def test_registering_answers_the_same_page_whether_or_not_the_email_is_registered(
    client, event, django_capture_on_commit_callbacks
):
    existing, old_token = make_registration(event, contact="rosa@example.net", contact_kind="email", code="es")

    def register(email):
        data = {
            "first_name": "Prober",
            "contact_kind": "email",
            "contact": email,
            "language": language("en").pk,
            **antibot_fields(),
        }
        return _answer(client, f"/en/events/{event.pk}/register/", data)

    with django_capture_on_commit_callbacks(execute=True):
        registered = register("rosa@example.net")
        free = register("rosb@example.net")
    assert registered == free
    assert Registration.objects.filter(contact_hash=existing.contact_hash).count() == 1
    to_existing = [message for message in mail.outbox if message.to == ["rosa@example.net"]]
    assert len(to_existing) == 1
    assert "Su enlace privado" in to_existing[0].body
    link = _link_in(to_existing[0].body, "/events/registrations/")
    assert existing.reference_code in client.get(link).text
    assert client.get(f"/en/events/registrations/{old_token}/").status_code == 404


def test_finding_a_request_answers_the_same_page_and_sends_the_link_only_to_the_contact_on_file(
    client, help_request, django_capture_on_commit_callbacks
):
    def find(contact):
        data = {"reference_code": help_request.reference_code, "contact": contact, **antibot_fields()}
        return _answer(client, "/en/help/find/", data)

    old_hash = help_request.access_token_hash
    with django_capture_on_commit_callbacks(execute=True):
        wrong = find("+12025550243")
        right = find("(202) 555-0143")
    assert wrong == right
    help_request.refresh_from_db()
    assert help_request.access_token_hash != old_hash
    [message] = sms.outbox
    assert message["to"] == "+12025550143"
    status_link = re.search(r"https://aidhub\.test(/\S+\?k=[A-Za-z0-9_-]+)", message["body"]).group(1)
    assert help_request.reference_code in client.get(status_link).text


def test_subscribing_answers_the_same_page_for_a_subscribed_and_a_new_number(client, eastside):
    SubscriberFactory(phone=BOOKED_PHONE, areas=[eastside])

    def subscribe(phone):
        data = {"channel": "sms", "phone": phone, "language": language("en").pk, "areas": [eastside.pk]}
        response = client.post("/en/alerts/subscribe/", data | antibot_fields())
        assert response.status_code == 302
        shape = re.sub(r"/[A-Za-z0-9_-]{20,}/", "/TOKEN/", response["Location"])
        return shape, _page(client.get(response["Location"]))

    assert subscribe(BOOKED_PHONE) == subscribe(FREE_PHONE)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and racing writers need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_phone_booking_two_times_at_once_gets_one_booking_and_the_same_page():
    event = EventFactory(title="Legal aid night")
    slots = [SlotFactory(event=event, places=5), SlotFactory(event=event, places=5, starts_at=event.ends_at)]
    forms = [{**_booking(slots[index % 2], BOOKED_PHONE)} for index in range(6)]
    start = threading.Barrier(len(forms))
    answers = []

    def book(data):
        try:
            start.wait()
            answers.append(Client().post(f"/en/events/{event.pk}/book/", data)["Location"])
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(data,)) for data in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == ["/en/sent/"] * len(forms)
    assert Booking.objects.filter(event=event).count() == 1
