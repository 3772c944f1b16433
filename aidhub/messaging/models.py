from django.db import models
from django.utils import timezone


class InboundMessage(models.Model):
    """A text message the provider delivered to our webhook, remembered only by a keyed hash of its id
    (Twilio's MessageSid), so that a retry or a second delivery of the same message is answered once."""

    sid_hash = models.CharField(max_length=64, unique=True)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"inbound {self.sid_hash[:8]}"
