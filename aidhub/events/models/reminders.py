from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aidhub.events.models.events import Event


class Reminder(models.Model):
    """A reminder or cancellation notice that was sent, so that none is ever sent twice."""

    class Kind(models.TextChoices):
        DAY_BEFORE = "day_before", _("The day before")
        TWO_HOURS = "two_hours", _("Two hours before")
        CANCELLATION = "cancellation", _("Cancellation notice")

    class Recipient(models.TextChoices):
        SHIFT_SIGNUP = "shift_signup", _("Volunteer with a shift")
        BOOKING = "booking", _("Family with a slot")
        REGISTRATION = "registration", _("Registered attendee")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    recipient = models.CharField(_("recipient"), max_length=20, choices=Recipient)
    # The id of the sign-up, booking or registration: a reminder outlives a cancelled shift sign-up.
    object_id = models.PositiveBigIntegerField(_("object"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(fields=["kind", "recipient", "object_id"], name="reminder_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.recipient} {self.object_id}"


class CalendarFeed(models.Model):
    """A volunteer's private calendar link to their own shifts. Only a hash of its token is kept."""

    # It works without a session: deactivating its owner deletes it (aidhub.accounts.services).
    revoked_with_owner = True

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("personal calendar link")
        verbose_name_plural = _("personal calendar links")

    def __str__(self) -> str:
        return str(self.user)
