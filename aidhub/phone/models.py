"""The phone line's records: conversations by text message or WhatsApp (aidhub.phone.conversation), the requests
they made, and the network's recordings of the call-back line (aidhub.phone.voice)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.core.translations import interface_languages
from aidhub.lib.adapters.encrypted_fields import EncryptedTextField
from aidhub.needs.models import HelpRequest

# A conversation nobody answered for this long is dropped; the family is told how to start again.
IDLE_LIMIT = timedelta(hours=24)


class Conversation(models.Model):
    """A family asking for help by text message or WhatsApp, one question at a time. Found by a keyed hash of the
    number (aidhub.lib.crypto.keyed_hash), never the number itself; the answers so far are encrypted like a
    request's. Deleted when the request is made, when the family says DELETE or STOP, or after a day unanswered."""

    class Channel(models.TextChoices):
        SMS = "sms", "SMS"
        WHATSAPP = "whatsapp", "WhatsApp"

    sender_hash = models.CharField(max_length=64, unique=True)
    channel = models.CharField(max_length=10, choices=Channel, default=Channel.SMS)
    # The conversation's state (the question asked, the language, the answers): JSON, encrypted at rest.
    state = EncryptedTextField(null=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"conversation {self.pk}"

    def is_expired(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) - self.updated_at > IDLE_LIMIT


class TextedRequest(models.Model):
    """A request made by text message, and the keyed hash of the number that made it: how STATUS, CANCEL and
    DELETE from that number find it. Goes with the request."""

    sender_hash = models.CharField(max_length=64, db_index=True)
    help_request = models.OneToOneField(HelpRequest, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"texted {self.help_request_id}"


class VoicePrompt(models.Model):
    """One recording of the call-back line: what the line says at one step (`name`, see aidhub.phone.voice.PROMPTS),
    in one interface language, recorded by the network. Not personal data: served publicly (by the hash of its
    content, so that a replaced recording gets a new address) for the phone provider to play it."""

    name = models.CharField(_("prompt"), max_length=30)
    language = models.CharField(_("language"), max_length=10, choices=interface_languages)
    audio = models.BinaryField()
    content_type = models.CharField(max_length=20)
    digest = models.CharField(max_length=64, unique=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("recording of the phone line")
        verbose_name_plural = _("recordings of the phone line")
        constraints = [models.UniqueConstraint(fields=["name", "language"], name="voice_prompt_one_per_language")]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"
