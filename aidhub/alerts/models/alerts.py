from typing import Self

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.accounts.models import User
from aidhub.core.models import Area, Language, Organization
from aidhub.core.selectors import organizer_areas

# Long enough for a clear message, short enough for two or three text-message segments.
ALERT_TEXT_MAX = 480


class AlertQuerySet(models.QuerySet["Alert"]):
    def published(self) -> Self:
        """Verified alerts, retracted ones included (marked as such): the public record."""
        return self.filter(status__in=[Alert.Status.SENT, Alert.Status.RETRACTED])

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> Self:
        """Alerts for areas this organizer curates."""
        return self.filter(areas__in=organizer_areas(user)).distinct()

    def for_listing(self) -> Self:
        return self.select_related("main_language", "organization").prefetch_related(
            "areas", models.Prefetch("texts", queryset=AlertText.objects.select_related("language"))
        )


class Alert(models.Model):
    """A short, vetted message for the people of some areas. One organizer writes it, another verifies it."""

    class Severity(models.TextChoices):
        INFORMATION = "information", _("Information")
        ACTION = "action", _("Action needed")
        URGENT = "urgent", _("Urgent")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Waiting for verification")
        SENT = "sent", _("Verified and sent")
        RETRACTED = "retracted", _("Retracted")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="alerts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), on_delete=models.PROTECT, related_name="+"
    )
    main_language = models.ForeignKey(
        Language, verbose_name=_("main language"), on_delete=models.PROTECT, related_name="+"
    )
    severity = models.CharField(_("severity"), max_length=20, choices=Severity, default=Severity.INFORMATION)
    areas = models.ManyToManyField(Area, verbose_name=_("areas"), related_name="alerts")
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    # Goes up with every change, so that a verifier confirms exactly the version they read.
    revision = models.PositiveIntegerField(default=1, editable=False)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    source_report = models.ForeignKey(
        "alerts.Report",
        verbose_name=_("from the report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alerts",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    retracted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("retracted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    retracted_at = models.DateTimeField(_("retracted"), null=True, blank=True)
    # Everyone who wrote or changed what the alert says, in any language and by any path: none of them may verify it.
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="alerts.AlertEdit", verbose_name=_("written or changed by"), related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-verified_at", "-id"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        indexes = [models.Index(fields=["status", "-verified_at"], name="alert_status_verified")]
        constraints = [
            # The two-person rule, in the database itself: nobody verifies their own alert.
            models.CheckConstraint(
                condition=Q(verified_by__isnull=True) | ~Q(verified_by=F("author")),
                name="alert_verifier_is_not_author",
                violation_error_message=_("The person who wrote an alert cannot verify it."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "pending"]) | Q(verified_by__isnull=False, verified_at__isnull=False),
                name="alert_sent_is_verified",
                violation_error_message=_("An alert is sent only after a second organizer verified it."),
            ),
        ]

    def __str__(self) -> str:
        text = self.main_text
        return text.text[:60] if text else f"#{self.pk}"

    def texts_by_code(self) -> dict[str, "AlertText"]:
        return {text.language.code: text for text in self.texts.all()}

    @property
    def main_text(self) -> "AlertText | None":
        return self.texts_by_code().get(self.main_language.code)

    def text_for(self, language_code: str) -> "AlertText | None":
        """The text in this language, or the main one when nobody translated it."""
        texts = self.texts_by_code()
        return texts.get(language_code) or texts.get(self.main_language.code)

    @property
    def is_correction(self) -> bool:
        return self.corrects_id is not None

    @property
    def can_edit(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.PENDING)

    @property
    def can_submit(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def can_retract(self) -> bool:
        return self.status == self.Status.SENT

    @property
    def can_correct(self) -> bool:
        return self.status == self.Status.SENT and not self.is_correction

    def is_written_by(self, user: AbstractBaseUser | AnonymousUser) -> bool:
        """Only the author (of a new alert: whoever writes it) changes its severity, its areas and its text in the
        main language; other organizers of the area add or change translations. Asked by the form and the service."""
        return self.pk is None or self.author_id == user.pk

    def may_be_verified_by(self, user: AbstractBaseUser) -> bool:
        """The two-person rule, asked by every path (pages, services): a pending alert is verified only by someone
        who neither wrote it nor changed any of its texts, in any language."""
        return (
            self.status == self.Status.PENDING
            and user.pk != self.author_id
            and not self.edits.filter(editor_id=user.pk).exists()
        )

    # State changes: each one only from the states that allow it.
    def submit(self) -> None:
        self._require(self.can_submit and self.main_text is not None)
        self.status = self.Status.PENDING
        self.submitted_at = timezone.now()

    def verify(self, verifier: User, revision: int) -> None:
        self._require(self.status == self.Status.PENDING)
        if not self.may_be_verified_by(verifier):
            raise AlertStateError("editor")
        if revision != self.revision:
            raise AlertStateError("changed")
        self.status = self.Status.SENT
        self.verified_by = verifier
        self.verified_at = timezone.now()

    def retract(self, organizer: User) -> None:
        self._require(self.can_retract)
        self.status = self.Status.RETRACTED
        self.retracted_by = organizer
        self.retracted_at = timezone.now()

    def _require(self, allowed: bool) -> None:
        if not allowed:
            raise AlertStateError(self.status)


class AlertStateError(Exception):
    """The alert is not in a state that allows this change, or this person may not make it."""


class AlertEdit(models.Model):
    """One change to what an alert says (its creation included): who made it, and which revision it produced."""

    alert = models.ForeignKey(Alert, verbose_name=_("alert"), on_delete=models.CASCADE, related_name="edits")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT, related_name="+"
    )
    revision = models.PositiveIntegerField(_("revision"))
    edited_at = models.DateTimeField(_("changed"), auto_now_add=True)

    class Meta:
        ordering = ["alert", "revision"]
        verbose_name = _("change to an alert")
        verbose_name_plural = _("changes to alerts")
        indexes = [models.Index(fields=["alert", "editor"], name="alert_edit_editor")]

    def __str__(self) -> str:
        return f"#{self.alert_id} r{self.revision}"


class AlertText(models.Model):
    """The alert in one language."""

    alert = models.ForeignKey(Alert, verbose_name=_("alert"), on_delete=models.CASCADE, related_name="texts")
    language = models.ForeignKey(Language, verbose_name=_("language"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("text"), validators=[MaxLengthValidator(ALERT_TEXT_MAX)])
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["language__name_en"]
        verbose_name = _("alert text")
        verbose_name_plural = _("alert texts")
        constraints = [models.UniqueConstraint(fields=["alert", "language"], name="alert_text_unique_language")]

    def __str__(self) -> str:
        return f"{self.language.code}: {self.text[:40]}"


class Delivery(models.Model):
    """One message of one alert to one subscriber. The unique constraint is what makes sending idempotent."""

    class Kind(models.TextChoices):
        ALERT = "alert", _("Alert")
        CORRECTION = "correction", _("Correction")
        RETRACTION = "retraction", _("Retraction")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent: unsubscribed")

    # No index of its own: the unique (alert, subscriber, kind) and delivery_due begin with the alert and serve every
    # lookup by alert. A third index of 50,000 equal keys cost some 30% of the time to write an alert's rows.
    alert = models.ForeignKey(
        Alert, verbose_name=_("alert"), on_delete=models.CASCADE, related_name="deliveries", db_index=False
    )
    subscriber = models.ForeignKey(
        "alerts.Subscriber", verbose_name=_("subscriber"), on_delete=models.CASCADE, related_name="deliveries"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ALERT)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The kind of error only (e.g. "SmsError"), never the provider's words, which may quote the address.
    error = models.CharField(_("error"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["alert", "subscriber", "kind"], name="delivery_once_per_subscriber"),
        ]
        indexes = [models.Index(fields=["alert", "kind", "status", "next_attempt_at"], name="delivery_due")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.alert_id} → {self.subscriber_id}: {self.get_status_display()}"
