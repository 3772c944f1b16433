"""A family asks for help by text message, through Twilio's signed webhook, from first message to its request."""

import json
import logging
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from aidhub.alerts.models import Subscriber
from aidhub.core.availability import ALL, bit
from aidhub.messaging import sms
from aidhub.messaging.models import InboundMessage
from aidhub.needs.models import HelpRequest
from aidhub.phone.models import Conversation, TextedRequest
from tests.factories import SubscriberFactory, language
from tests.helpers import sign_in
from tests.phone.conftest import Phone

pytestmark = pytest.mark.django_db

EMOJI = "🙏😊"


def step_of(phone):
    """The question the conversation is at (its state is encrypted at rest; the model decrypts it)."""
    return json.loads(Conversation.objects.get().state)["step"]


def raw_rows(table):
    """Every column of every row, as the database holds it (encrypted fields stay encrypted)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


def test_spanish_from_first_message_to_the_organizers_queue(phone, client, organizer, caplog):
    caplog.set_level(logging.DEBUG)
    reply = phone.send("Hola, necesito ayuda con comida para mis hijos")
    # The guessed language comes first, each language named in itself.
    assert reply.splitlines()[1:4] == ["1 Español", "2 English", "3 简体中文"]
    assert "8 Kreyòl" in reply and "9 " not in reply
    # Thirty languages do not fit one text: "0" shows the next ones (tests/phone/test_every_language.py).
    assert reply.splitlines()[-1] == "0 más"
    assert phone.send("1").startswith("¿Qué necesita?")
    # Garbage, then an emoji: the question again with an example, never an error code.
    again = phone.send("comida por favor")
    assert "1 Comida" in again and "1" in again.splitlines()[0]
    assert "1 Comida" in phone.send(EMOJI)
    assert phone.send("1").splitlines()[1:] == ["1 Eastside", "2 Riverside"]
    # "0" goes back to the previous question; "9" repeats the current one.
    assert "1 Comida" in phone.send("0")
    assert "Eastside" in phone.send("4")
    assert "Eastside" in phone.send("9")
    name_question = phone.send("eastside")
    # A 1,600-character answer and an emoji-only one are not names: asked again, with an example.
    assert "Maria" in phone.send("x" * 1600)
    assert "Maria" in phone.send(EMOJI)
    times = phone.send("María")
    assert "María" not in name_question
    assert times.splitlines()[1:] == ["1 Mañanas", "2 Tardes", "3 Noches", "4 A cualquier hora"]
    # The same message delivered twice (a Twilio retry) is handled once.
    assert "WhatsApp" in phone.send("1 3", sid="SMduplicate")
    assert phone.send("1 3", sid="SMduplicate") == ""
    assert "Urgente" in phone.send("1")
    summary = phone.send("2")
    assert "Ayuda legal" in summary and "Eastside" in summary and "Maria" in summary
    assert HelpRequest.objects.count() == 0
    done = phone.send("1")

    help_request = HelpRequest.objects.get()
    assert help_request.reference_code in done
    assert "https://aidhub.test/es/help/status/?k=" in done
    assert help_request.source == HelpRequest.Source.TEXT
    assert help_request.category == "legal"
    assert help_request.area.name == "Eastside"
    assert help_request.first_name == "María"
    assert help_request.contact_method == HelpRequest.ContactMethod.TEXT
    assert help_request.contact_value == phone.number
    assert help_request.best_times == sum(bit(day, part) for day in range(7) for part in (0, 2))
    assert help_request.urgency == "week"
    assert help_request.language.code == "es" and help_request.message_language == "es"
    # The conversation is gone once the request is made; the link from number to request is a keyed hash.
    assert not Conversation.objects.exists()
    assert TextedRequest.objects.get().help_request == help_request
    # The status link in the reply opens the family's page.
    link = done.split("Follow it here: ")[-1] if "Follow it here: " in done else done.split()[-1]
    assert client.get(link.removeprefix("https://aidhub.test")).status_code == 200

    # Neither the name nor the number is in any row in plain text, nor in any log line.
    for table in ("needs_helprequest", "phone_conversation", "phone_textedrequest", "messaging_inboundmessage"):
        rows = raw_rows(table)
        assert "María" not in rows and phone.number not in rows and "5550188" not in rows
    assert "SMduplicate" not in raw_rows("messaging_inboundmessage")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "5550188" not in logged and "María" not in logged and "comida para mis hijos" not in logged

    # The organizer's queue lists it like any other request.
    response = sign_in(client, organizer).get("/en/organize/requests/")
    assert help_request.reference_code in response.content.decode()


def test_arabic_conversation_with_a_long_first_message_and_back(phone):
    reply = phone.send("مرحبا، أحتاج مساعدة قانونية لعائلتي " + "من فضلكم " * 160)
    assert reply.splitlines()[1] == "1 العربية"
    assert "1 طعام" in phone.send("1")
    assert "Eastside" in phone.send("4")
    assert phone.send("٢")  # Arabic-Indic digits are numbers too: Riverside
    assert step_of(phone) == "name"
    assert phone.send(EMOJI)
    assert step_of(phone) == "name"
    phone.send("0")
    phone.send("1")
    phone.send("فاطمة")
    phone.send("4")
    phone.send("3")
    phone.send("1")
    phone.send("1")
    help_request = HelpRequest.objects.get()
    assert help_request.category == "legal"
    assert help_request.area.name == "Eastside"
    assert help_request.first_name == "فاطمة"
    assert help_request.best_times == ALL
    assert help_request.contact_method == HelpRequest.ContactMethod.WHATSAPP
    assert help_request.urgency == "today"
    assert help_request.message_language == "ar"


def test_haitian_creole_is_guessed_and_the_request_made(phone):
    reply = phone.send("Bonjou, mwen bezwen èd pou manje")
    assert reply.splitlines()[1] == "1 Kreyòl"
    phone.send("1")
    phone.send("5")
    phone.send("Riverside")
    phone.send("Jean")
    phone.send("2")
    phone.send("2")
    phone.send("3")
    assert phone.send("1")
    help_request = HelpRequest.objects.get()
    assert (help_request.category, help_request.area.name, help_request.message_language) == (
        "rides",
        "Riverside",
        "ht",
    )
    assert help_request.contact_method == HelpRequest.ContactMethod.CALL


def test_stop_in_the_middle_ends_the_conversation_and_the_next_message_starts_again(phone):
    phone.send("Hola, necesito ayuda")
    phone.send("1")
    assert Conversation.objects.exists()
    # Twilio answers the carriers' STOP itself: we add nothing, and keep nothing.
    assert phone.send("STOP") == ""
    assert not Conversation.objects.exists()
    assert "1 Español" in phone.send("Hola otra vez")


def test_our_own_stop_word_gets_our_answer(phone):
    phone.send("Hola, necesito ayuda")
    assert phone.send("PARA")
    assert not Conversation.objects.exists()


def _make_request(phone, first="Hello, I need help with food"):
    for body in (first, "1", "1", "1", "Sam", "1", "1", "2", "1"):
        reply = phone.send(body)
    return reply, HelpRequest.objects.latest("created_at")


def test_status_and_delete_afterwards(phone, client):
    _done, help_request = _make_request(phone)
    status = phone.send("STATUS")
    assert help_request.reference_code in status and "New" in status
    link = status.split()[-1].removeprefix("https://aidhub.test")
    assert client.get(link).status_code == 200
    # DELETE asks first; anything but 1 keeps everything.
    assert "1" in phone.send("delete")
    assert phone.send("0")
    assert HelpRequest.objects.exists() and not Conversation.objects.exists()
    phone.send("DELETE")
    phone.send("1")
    assert not HelpRequest.objects.exists()
    assert not TextedRequest.objects.exists() and not Conversation.objects.exists()
    assert phone.send("STATUS") == phone.send("status")  # nothing left to find


def test_delete_in_the_middle_and_no_goes_back_to_the_question(phone):
    phone.send("Hello, I need help")
    phone.send("1")
    phone.send("DELETE")
    reply = phone.send("0")
    assert "1 Food" in reply
    assert Conversation.objects.exists()


def test_cancel_withdraws_the_open_request_and_stops_texts(phone, eastside):
    subscriber = SubscriberFactory(phone=phone.number, language=language("en"), areas=[eastside])
    _done, help_request = _make_request(phone)
    reply = phone.send("cancelar")
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.WITHDRAWN
    assert help_request.reference_code in reply
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_help_in_every_language_names_the_keywords_of_that_language(phone):
    assert "STATUS" in phone.send("HELP") and "STOP" in phone.send("info")
    reply = phone.send("ayuda")
    assert "ESTADO" in reply and "BORRAR" in reply and "PARA" in reply
    assert "الحالة" in phone.send("مساعدة")


def test_an_idle_conversation_expires_and_the_family_is_told_how_to_start_again(phone):
    phone.send("Hello, I need help")
    Conversation.objects.update(updated_at=timezone.now() - timedelta(hours=25))
    reply = phone.send("2")
    assert reply and not Conversation.objects.exists()
    assert "1 English" in phone.send("Hello, I need help")


def test_whatsapp_senders_get_their_replies_unchanged_and_are_reached_by_whatsapp(client, twilio_settings, eastside):
    phone = Phone(client, "whatsapp:+12025550177")
    phone.send("Hola, necesito ayuda")
    assert "8 Artículos" in phone.send("1")  # no GSM-7 folding on WhatsApp (by SMS: "Articulos")
    for body in ("1", "1", "Ana", "4", "3", "1", "1"):
        phone.send(body)
    help_request = HelpRequest.objects.get()
    assert help_request.contact_method == HelpRequest.ContactMethod.WHATSAPP
    assert help_request.contact_value == "+12025550177"


def test_the_old_address_keeps_working(client, twilio_settings, eastside):
    phone = Phone(client, "+12025550166", webhook="/hooks/alerts/twilio/sms/")
    assert "1 English" in phone.send("Hello, I need help")


def test_the_family_gets_no_second_received_message(phone, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _make_request(phone)
    assert sms.outbox == []


@pytest.mark.parametrize(
    "headers",
    [{}, {"x-twilio-signature": "forged"}, {"x-twilio-signature": "wrong"}],
)
def test_unsigned_or_wrongly_signed_posts_are_refused_and_change_nothing(phone, headers):
    params = {"From": phone.number, "Body": "Hello", "MessageSid": "SM1"}
    if headers.get("x-twilio-signature") == "wrong":
        response = phone.post(params, token="another-token")
    else:
        response = phone.client.post(phone.webhook, params, headers=headers)
    assert response.status_code == 403
    assert not Conversation.objects.exists() and not InboundMessage.objects.exists()


def test_without_an_auth_token_every_post_is_refused(client, settings, eastside):
    settings.TWILIO_AUTH_TOKEN = ""
    response = client.post("/hooks/twilio/sms/", {"From": "+12025550188", "Body": "Hello"})
    assert response.status_code == 403


def test_a_sender_that_is_not_a_phone_number_gets_no_reply(phone):
    response = phone.post({"From": "not a number", "Body": "Hello", "MessageSid": "SMx"})
    assert response.status_code == 200 and b"<Message>" not in response.content


def test_the_daily_purge_deletes_idle_conversations_and_old_message_ids(phone):
    from aidhub.portal.retention import purge_on_schedule

    phone.send("Hello, I need help")
    phone.send("Hello again")  # an answer the line could not read: the conversation goes on
    Conversation.objects.update(updated_at=timezone.now() - timedelta(hours=25))
    InboundMessage.objects.update(received_at=timezone.now() - timedelta(days=2))
    counts = purge_on_schedule()
    assert counts["text conversations"] == 1 and counts["text message ids"] == 2
    assert not Conversation.objects.exists() and not InboundMessage.objects.exists()


def test_status_answers_in_the_language_of_the_request(phone):
    for body in ("Hola, necesito ayuda con comida", "1", "1", "1", "Rosa", "1", "1", "2", "1"):
        phone.send(body)
    reply = phone.send("ESTADO")
    assert reply.startswith("Solicitud ") and "Nueva" in reply


def test_an_emoji_only_first_message_gets_the_language_menu(phone):
    reply = phone.send(EMOJI)
    assert reply.splitlines()[1] == "1 English" and reply.splitlines()[-1] == "0 more"
    assert "4 한국어" in phone.send("0")
