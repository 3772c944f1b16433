"""The text line's limits, through Twilio's signed webhook: a number past its new conversations of the day or its
messages of the hour, or everyone past the network's new conversations of the hour, is told once to try later
(in its language), then answered by nothing, and nothing of it is kept; keywords always work."""

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from aidhub.lib.counters import count_in_window
from aidhub.messaging.segments import count_segments
from aidhub.phone import limits, replies
from aidhub.phone.models import Conversation
from tests.phone.conftest import Phone

pytestmark = pytest.mark.django_db

SPANISH = "Hola, necesito ayuda con comida para mis hijos"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
NOTICE_EN = "Sorry, we cannot answer more messages now. Please try again later, or call this number."


def start_and_stop(phone):
    """One new conversation, ended by the Spanish stop word (ours, not the carriers')."""
    assert "Español" in phone.send(SPANISH)
    assert Conversation.objects.count() == 1
    phone.send("PARA")
    assert Conversation.objects.count() == 0


def test_the_sixth_new_conversation_of_a_day_is_told_once_then_silence(phone, client):
    for _day in range(5):
        start_and_stop(phone)

    notice = phone.send(SPANISH)
    assert notice == replies.keyword_text("busy", {"language": "es", "channel": replies.SMS})
    assert "intente" in notice.lower() and "Español" not in notice
    assert Conversation.objects.count() == 0
    # Then nothing at all, and still nothing kept.
    assert phone.send(SPANISH) == ""
    assert phone.send("Ayuda por favor, es urgente") == ""
    assert Conversation.objects.count() == 0

    # Keywords still work over the limit.
    spanish = {"language": "es", "channel": replies.SMS}
    assert phone.send("AYUDA") == replies.keyword_text("help", spanish)
    assert phone.send("PARA") == replies.keyword_text("stopped", spanish)
    assert phone.send("INICIAR") == replies.keyword_text("started", spanish)

    # Another number is not affected.
    other = Phone(client, "+12025550177")
    assert "Español" in other.send(SPANISH)
    assert Conversation.objects.count() == 1


def test_messages_past_the_hours_limit_are_told_once_then_silence(phone, settings):
    settings.PHONE_MESSAGES_PER_HOUR = 3
    assert "Español" in phone.send(SPANISH)
    assert phone.send("1").startswith("¿Qué necesita?")
    state_before = Conversation.objects.get().state
    phone.send("1")
    # The fourth message of the hour: the notice, in the conversation's language; the conversation is not moved.
    notice = phone.send("Eastside")
    assert notice == replies.keyword_text("busy", {"language": "es", "channel": replies.SMS})
    assert phone.send("Eastside") == ""
    assert Conversation.objects.get().state != state_before  # the third message was still taken
    kept = Conversation.objects.get().state
    assert phone.send("María") == ""
    assert Conversation.objects.get().state == kept
    # STOP still ends the conversation, and says so.
    assert phone.send("PARA") == replies.keyword_text("stopped", {"language": "es", "channel": replies.SMS})
    assert Conversation.objects.count() == 0


def test_the_network_cap_of_new_conversations_an_hour(client, twilio_settings, eastside, settings):
    settings.PHONE_CONVERSATIONS_PER_HOUR = 2
    first, second = Phone(client, "+12025550111"), Phone(client, "+12025550112")
    assert "English" in first.send("Hello, I need help with food")
    assert "English" in second.send("Hello, I need help with food")
    third = Phone(client, "+12025550113")
    assert third.send("Hello, I need help with food") == NOTICE_EN
    assert third.send("Hello?") == ""
    assert Conversation.objects.count() == 2
    # HELP answers the third number all the same; the first two go on with their conversations.
    assert "STOP" in third.send("HELP")
    assert first.send("1") != ""


def test_a_number_over_its_own_limit_does_not_use_up_the_networks(phone, client, settings):
    settings.PHONE_CONVERSATIONS_PER_DAY = 1
    settings.PHONE_CONVERSATIONS_PER_HOUR = 3
    start_and_stop(phone)
    for _flood in range(10):
        phone.send(SPANISH)
    for number in ("+12025550121", "+12025550122"):
        assert "Español" in Phone(client, number).send(SPANISH)


def test_the_counters_are_keyed_by_the_numbers_hash_never_the_number(phone, monkeypatch):
    counted = []

    def count(key, period):
        counted.append(key)
        return count_in_window(key, period)

    monkeypatch.setattr(limits, "count_in_window", count)
    phone.send(SPANISH)
    assert len(counted) == 3  # the message, the number's new conversations, the network's
    assert not any("2025550188" in key for key in counted)
    assert all(Conversation.objects.get().sender_hash in key for key in counted[:2])


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_notice_is_translated_and_fits_one_segment(code):
    """One short text: one GSM-7 segment (accents folded where SMS allows), at most two UCS-2 ones."""
    state = {"language": code, "channel": replies.SMS}
    text = replies.keyword_text("busy", state)
    if code != "en":
        with translation.override(code):
            assert _(NOTICE_EN) != NOTICE_EN, code
    count = count_segments(text)
    assert count.segments <= {"GSM-7": 1, "UCS-2": 2}[count.encoding], (code, count, text)
