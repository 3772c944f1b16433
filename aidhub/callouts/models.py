"""Urgent call-outs: an organizer asks a segment of volunteers at once ("a Spanish-speaking driver, Riverside,
tomorrow 9-12"), by email and text message, each in their language; volunteers answer yes or no, by a text reply
or their private link, and the organizer makes a match from a yes."""

from typing import Self

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aidhub.core.availability import WeeklyAvailabilityField
from aidhub.core.models import Area, Category, Language, Organization
from aidhub.lib.adapters.encrypted_fields import EncryptedCharField
from aidhub.lib.choices import ChoiceLabelsMixin
from aidhub.matching.models import Match
from aidhub.needs.models import HelpRequest
from aidhub.offers.models import Offer


class CalloutQuerySet(models.QuerySet["Callout"]):
    def of_organizations(self, organizations: models.QuerySet[Organization]) -> Self:
        """Call-outs sent for these organizations (pass aidhub.core.selectors.organized_organizations(user))."""
        return self.filter(organization__in=organizations)

    def open(self) -> Self:
        return self.filter(status=Callout.Status.OPEN)


class Callout(ChoiceLabelsMixin, models.Model):
    """One urgent call-out, sent once to the volunteers of a segment. It closes when `needed` matches are made
    from it (filled) or when an organizer closes it; either way, the others are told."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("call-out status", "Open")
        FILLED = "filled", pgettext_lazy("call-out status", "Filled")
        CLOSED = "closed", pgettext_lazy("call-out status", "Closed")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.CharField(
        _("what is needed"),
        max_length=200,
        help_text=_("Who, where and when, in a few words. Never a family's name, address or phone number."),
    )
    # The segment.
    category = models.CharField(_("kind of help"), max_length=20, choices=Category)
    area = models.ForeignKey(Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    language = models.ForeignKey(
        Language,
        verbose_name=_("volunteers who speak"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    availability = WeeklyAvailabilityField(_("free at"), blank=True)
    confirmed_only = models.BooleanField(
        _("only volunteers an organizer confirmed for this kind of help"), default=False
    )
    needed = models.PositiveSmallIntegerField(
        _("volunteers needed"), default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    # The family's request a match is made for (optional: it may also be chosen when the match is made).
    help_request = models.ForeignKey(
        HelpRequest,
        verbose_name=pgettext_lazy("request for help", "request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = CalloutQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("call-out")
        verbose_name_plural = _("call-outs")
        indexes = [models.Index(fields=["organization", "-created_at"], name="callout_organization_created")]
        constraints = [
            models.CheckConstraint(condition=Q(needed__gte=1, needed__lte=20), name="callout_needed_range"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class CalloutRecipientQuerySet(models.QuerySet["CalloutRecipient"]):
    def since(self, moment: object) -> Self:
        return self.filter(created_at__gte=moment)


class CalloutRecipient(ChoiceLabelsMixin, models.Model):
    """One volunteer a call-out was sent to, and their answer."""

    class Answer(models.TextChoices):
        YES = "yes", pgettext_lazy("call-out answer", "Can help")
        NO = "no", pgettext_lazy("call-out answer", "Cannot help")

    class Via(models.TextChoices):
        SMS = "sms", _("Text message")
        LINK = "link", _("Their link")
        ACCOUNT = "account", _("Signed in")

    callout = models.ForeignKey(
        Callout, verbose_name=_("call-out"), on_delete=models.CASCADE, related_name="recipients"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="+"
    )
    # The offer that put the volunteer in the segment: the match is made with it.
    offer = models.ForeignKey(
        Offer,
        verbose_name=pgettext_lazy("offer of help", "offer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    access_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Keyed hash of the number the call-out was texted to: a YES from that number answers it.
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # Texted at once, or waiting for the end of quiet hours (then texted by aidhub.callouts.tasks).
    texted_at = models.DateTimeField(_("texted"), null=True, blank=True)
    text_waits_until = models.DateTimeField(_("text waits until"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=5, choices=Answer, blank=True)
    answered_via = models.CharField(_("answered by"), max_length=7, choices=Via, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    match = models.ForeignKey(Match, verbose_name=_("match"), null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    objects = CalloutRecipientQuerySet.as_manager()

    class Meta:
        ordering = ["answered_at", "id"]
        verbose_name = _("call-out recipient")
        verbose_name_plural = _("call-out recipients")
        constraints = [models.UniqueConstraint(fields=["callout", "volunteer"], name="callout_recipient_unique")]
        indexes = [models.Index(fields=["volunteer", "created_at"], name="callout_recipient_week")]

    def __str__(self) -> str:
        return f"{self.callout_id} · {self.volunteer_id}"


class CalloutSettings(models.Model):
    """A volunteer's choices about call-outs: whether they want them at all, and the number to text them at.
    The number is encrypted at rest and found by its keyed hash, as families' numbers are."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="callout_settings",
    )
    accepts_callouts = models.BooleanField(
        _("Send me urgent call-outs"),
        default=True,
        help_text=_("At most a few a week, never at night. Untick to get none."),
    )
    phone = EncryptedCharField(_("phone number for call-outs by text message"), max_length=30, blank=True, null=True)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # Set when the volunteer texted STOP (or CANCEL, in any language) to the network's number: call-outs no longer
    # go by text, email still does as `accepts_callouts` says; START clears it.
    texts_stopped_at = models.DateTimeField(_("call-outs by text stopped"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("call-out settings")
        verbose_name_plural = _("call-out settings")

    def __str__(self) -> str:
        return str(self.user_id)
