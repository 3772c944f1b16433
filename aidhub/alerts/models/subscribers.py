from collections.abc import Iterable
from typing import Self, cast

from django.db import models
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Area, AreaQuerySet, Language
from aidhub.lib.adapters.encrypted_fields import EncryptedCharField
from aidhub.lib.crypto import keyed_hash


def reach_of(areas: Iterable[Area]) -> AreaQuerySet:
    """Every area that overlaps one of these: a city around a neighbourhood, the neighbourhoods inside a city."""
    reach = Area.objects.none()
    for area in areas:
        reach = reach | Area.objects.overlapping(area)
    return reach


class SubscriberQuerySet(models.QuerySet["Subscriber"]):
    def confirmed(self) -> Self:
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def in_reach_of(self, areas: Iterable[Area]) -> Self:
        """Subscribers of any area that overlaps the given ones, each once. A semi-join (id IN the subscriptions to
        those areas) rather than a join and DISTINCT: cheaper for 50,000 subscribers, and the result can be counted
        per group without COUNT(DISTINCT)."""
        subscriptions = Subscriber.areas.through.objects.filter(area__in=reach_of(areas))
        return self.filter(pk__in=subscriptions.values("subscriber_id"))

    def with_address(self, channel: str, address: str) -> Self:
        return self.filter(channel=channel, address_hash=address_hash(channel, address))


def address_hash(channel: str, address: str) -> str:
    return keyed_hash(f"alerts.subscriber:{channel}:{address}")


class Subscriber(models.Model):
    """A phone number or an email that asked for alerts about some areas, in one language. Nothing else."""

    class Channel(models.TextChoices):
        SMS = "sms", _("Text message")
        EMAIL = "email", _("Email")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    channel = models.CharField(_("by"), max_length=10, choices=Channel)
    # Encrypted at rest; the keyed hash finds a subscriber by number or email and keeps each one unique.
    phone = EncryptedCharField(_("phone number"), max_length=32, null=True, blank=True)
    email = EncryptedCharField(_("email"), max_length=254, null=True, blank=True)
    address_hash = models.CharField(max_length=64, editable=False)
    language = models.ForeignKey(Language, verbose_name=_("language"), on_delete=models.PROTECT, related_name="+")
    areas = models.ManyToManyField(Area, verbose_name=_("areas"), related_name="subscribers")
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    # Private link to the confirmation page (only its hash is kept), and the code sent by text message.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    code_hash = models.CharField(max_length=64, blank=True, editable=False)
    code_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    code_tries = models.PositiveSmallIntegerField(default=0, editable=False)
    codes_sent = models.PositiveSmallIntegerField(default=0, editable=False)
    codes_sent_since = models.DateTimeField(null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(fields=["channel", "address_hash"], name="subscriber_unique_address"),
            models.CheckConstraint(
                condition=models.Q(channel="sms", email__isnull=True, phone__isnull=False)
                | models.Q(channel="email", phone__isnull=True, email__isnull=False),
                name="subscriber_one_address",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="subscriber_status")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} #{self.pk}"

    @property
    def address(self) -> str:
        # The address of the subscription's channel is never empty (constraint subscriber_one_address).
        return cast(str, self.phone if self.channel == self.Channel.SMS else self.email)

    # Recomputed by `rotate_encryption_keys` when the key changes.
    KEYED_HASH_FIELDS = ["address_hash"]

    def refresh_keyed_hashes(self) -> None:
        self.address_hash = address_hash(self.channel, self.address)

    def set_address(self, address: str) -> None:
        if self.channel == self.Channel.SMS:
            self.phone, self.email = address, None
        else:
            self.email, self.phone = address, None
        self.address_hash = address_hash(self.channel, address)

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    def code_matches(self, code: str) -> bool:
        return bool(self.code_hash) and self.code_hash == code_hash(self.token_hash, code)


def code_hash(token_hash: str, code: str) -> str:
    return keyed_hash(f"alerts.code:{token_hash}:{code.strip()}")
