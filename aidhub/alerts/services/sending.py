"""Sending an alert's queued messages: each row is claimed before it is sent (see delivery.py for the whole design).
Called by the sending task (aidhub.alerts.tasks); it never starts tasks itself, so the two modules form no loop."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, Protocol

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Min
from django.utils import timezone

from aidhub.alerts.models import Alert, Delivery, Subscriber

logger = logging.getLogger(__name__)


class Renderer(Protocol):
    """Sends one subscriber their message (aidhub.alerts.messages.AlertMessages), or raises."""

    def send(self, subscriber: Subscriber) -> None: ...


BATCH = 200


def send_due(*, alert_id: int, kind: str, renderer: Renderer) -> int:
    """Sends every row of this alert and kind that is due. Safe to run in several workers at once."""
    now = timezone.now()
    lease = timedelta(seconds=settings.ALERTS_SENDING_LEASE_SECONDS)
    rows = Delivery.objects.filter(alert_id=alert_id, kind=kind)
    interrupted = rows.filter(status=Delivery.Status.SENDING, claimed_at__lt=now - lease)
    if count := interrupted.update(status=Delivery.Status.FAILED, error="interrupted"):
        logger.warning("alert %s: %s %s messages were interrupted and are not resent", alert_id, count, kind)
    sent = 0
    while True:
        batch = list(
            rows.filter(status=Delivery.Status.QUEUED, next_attempt_at__lte=timezone.now())
            .select_related("subscriber__language")
            .order_by("pk")[:BATCH]
        )
        if not batch:
            break
        for delivery in batch:
            sent += _send_one(delivery, renderer)
    return sent


def _send_one(delivery: Delivery, renderer: Renderer) -> int:
    claimed = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return 0  # another worker has it
    subscriber = delivery.subscriber
    if not subscriber.is_confirmed:
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SKIPPED)
        return 0
    try:
        renderer.send(subscriber)
    except Exception as error:
        _failed(delivery, error)
        return 0
    with transaction.atomic(), _without_waiting_for_disk():
        Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
            status=Delivery.Status.SENT, sent_at=timezone.now(), error=""
        )
    return 1


@contextmanager
def _without_waiting_for_disk() -> Iterator[None]:
    """This transaction's commit does not wait for its disk flush (see delivery.py on why "sent" may)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
    yield


def _failed(delivery: Delivery, error: Exception) -> None:
    attempts = delivery.attempts + 1
    logger.warning("delivery %s attempt %s failed: %s", delivery.pk, attempts, type(error).__name__)
    if attempts < settings.ALERTS_SEND_MAX_ATTEMPTS:
        delay = timedelta(seconds=settings.ALERTS_RETRY_DELAY_SECONDS * 2 ** (attempts - 1))
        changes: dict[str, Any] = {"status": Delivery.Status.QUEUED, "next_attempt_at": timezone.now() + delay}
    else:
        changes = {"status": Delivery.Status.FAILED}
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        error=type(error).__name__[:100], **changes
    )


def next_retry(alert_id: int, kind: str) -> datetime | None:
    """When the earliest postponed row is due, or None."""
    due: datetime | None = (
        Delivery.objects.filter(alert_id=alert_id, kind=kind, status=Delivery.Status.QUEUED)
        .aggregate(due=Min("next_attempt_at"))
        .get("due")
    )
    return due


def load_alert(alert_id: int) -> Alert:
    return Alert.objects.for_listing().get(pk=alert_id)
