"""Twilio may deliver the same message twice at once (a retry racing the first delivery): it is handled once."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from aidhub.phone.models import Conversation
from tests.phone.conftest import Phone, reply_of


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's test database locks whole tables: two writers at once need PostgreSQL",
)
def test_two_deliveries_of_one_message_at_once_start_one_conversation(twilio_settings, eastside):
    start = threading.Barrier(2)
    replies = []

    def deliver():
        try:
            phone = Phone(Client(), "+12025550199")
            start.wait()
            params = {"From": phone.number, "Body": "Hello, I need help", "MessageSid": "SMsame"}
            replies.append(reply_of(phone.post(params)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Conversation.objects.count() == 1
    # One delivery got the language menu; the other got an empty answer (or, where the database made it wait, the
    # same nothing): never two menus.
    assert sorted(bool(reply) for reply in replies) == [False, True]
