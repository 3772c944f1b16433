"""Fifty volunteers clicking “Take this shift” at once for ten places: exactly ten get one, nobody sees an error."""

import threading

import pytest
from django.db import connection
from django.test import Client

from aidhub.events.models import ShiftSignup
from tests.factories import ShiftFactory, UserFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Needs PostgreSQL: SQLite has no row locks and lets only one writer in at a time, so it cannot race.",
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_sign_ups_for_ten_places_end_with_exactly_ten():
    shift = ShiftFactory(places=10, event__title="Crowded workshop")
    clients = []
    for index in range(50):
        client = Client()
        client.force_login(UserFactory(email=f"racer{index}@example.org"))
        clients.append(client)
    start = threading.Barrier(len(clients))
    statuses = []

    def sign_up(client):
        try:
            start.wait()
            statuses.append(client.post(f"/en/events/shifts/{shift.pk}/sign-up/").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 50
    assert ShiftSignup.objects.filter(shift=shift).count() == 10
