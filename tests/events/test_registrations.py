import re

from django.core import mail

from aidhub.events.models import Registration
from aidhub.messaging import sms
from tests.factories import language, make_registration
from tests.helpers import antibot_fields


def _details(**changes):
    data = {
        "first_name": "Rosa",
        "contact_kind": "email",
        "contact": "Rosa@Example.net",
        "language": language("es").pk,
        **antibot_fields(),
    }
    data.update(changes)
    return data


def test_registration_is_confirmed_while_places_remain_then_goes_to_the_waiting_list(
    client, event, django_capture_on_commit_callbacks
):
    event.capacity = 1
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/es/events/{event.pk}/register/", _details())
        second = client.post(
            f"/en/events/{event.pk}/register/",
            _details(first_name="Karim", contact="+12025550153", contact_kind="phone", language=language("ar").pk),
        )
    # Names are encrypted (no lookups on them): the first registration is Rosa's.
    rosa, karim = Registration.objects.order_by("id")
    assert (rosa.first_name, rosa.status) == ("Rosa", "confirmed")
    assert (karim.first_name, karim.status) == ("Karim", "waiting")
    assert mail.outbox[0].subject == "Tiene un lugar"
    assert mail.outbox[0].to == ["rosa@example.net"]
    # Both pages say "check your messages"; each message says where its person stands, with its own link.
    assert first["Location"] == "/es/sent/"
    assert second["Location"] == "/en/sent/"
    assert "قائمة الانتظار" in sms.outbox[0]["body"]
    link = re.search(r"https://aidhub\.test(/\S+/registrations/[A-Za-z0-9_-]+/)", sms.outbox[0]["body"]).group(1)
    # Karim's link opens his page in Arabic; read here in English.
    waiting_page = client.get(re.sub(r"^/[^/]+/", "/en/", link))
    assert "You are on the waiting list, number 1." in waiting_page.text


def test_cancelling_moves_the_next_person_up_and_tells_them_in_their_language(
    client, event, django_capture_on_commit_callbacks
):
    event.capacity = 1
    event.save()
    confirmed, token = make_registration(event, first_name="Rosa", contact="rosa@example.net", contact_kind="email")
    waiting, _token = make_registration(event, status="waiting", first_name="Karim", contact="+12025550153", code="ar")
    later, _token = make_registration(event, status="waiting", first_name="Jean", contact="+12025550154", code="es")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/events/registrations/{token}/cancel/")
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == "confirmed"
    assert waiting.promoted_at is not None
    assert later.status == "waiting"
    assert [message["to"] for message in sms.outbox] == ["+12025550153"]
    assert "أخبار سارة" in sms.outbox[0]["body"]
    confirmed.refresh_from_db()
    assert confirmed.status == "cancelled"
    assert not confirmed.first_name


def test_more_places_move_people_up_too(client_for, organizer, event, django_capture_on_commit_callbacks):
    from tests.events.test_organize import event_data

    event.capacity = 1
    event.save()
    make_registration(event, contact="+12025550101")
    waiting, _token = make_registration(event, status="waiting", contact="+12025550102")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(organizer).post(f"/en/organize/events/{event.pk}/edit/", event_data(event, capacity="2"))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert len(sms.outbox) == 1


def test_an_event_without_capacity_needs_no_registration(client, event):
    event.capacity = None
    event.save()
    assert (
        "You do not need to register for this event: just come." in client.get(f"/en/events/{event.pk}/register/").text
    )
    client.post(f"/en/events/{event.pk}/register/", _details())
    assert not Registration.objects.exists()


def test_bad_input_is_explained_and_nothing_saved(client, event):
    response = client.post(f"/es/events/{event.pk}/register/", _details(contact=""))
    assert "Este campo es obligatorio." in response.text
    assert 'value="Rosa"' in response.text
    assert not Registration.objects.exists()
