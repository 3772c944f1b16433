"""Text messages the provider delivers to us: each one is handled once, however often it is delivered."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from aidhub.lib.crypto import keyed_hash
from aidhub.messaging.models import InboundMessage

# Twilio retries within minutes; a day is ample, and older ids are deleted by the daily purge.
REMEMBERED_FOR = timedelta(days=1)


def inbound_message_claim(*, message_sid: str) -> bool:
    """True the first time a message id arrives, False for every later (or concurrent) delivery of it. The row is
    written in its own transaction, before any handler runs, so two deliveries at once cannot both pass."""
    if not message_sid:
        # Not from Twilio's Messaging API (a test tool that omits it): nothing to tell deliveries apart by.
        return True
    try:
        with transaction.atomic():
            InboundMessage.objects.create(sid_hash=keyed_hash(f"message-sid:{message_sid}"))
    except IntegrityError:
        return False
    return True


@transaction.atomic
def purge_inbound_messages(*, now: datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - REMEMBERED_FOR
    return InboundMessage.objects.filter(received_at__lt=cutoff).delete()[0]
