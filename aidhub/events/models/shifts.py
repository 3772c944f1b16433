from datetime import datetime
from typing import Self

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aidhub.core.models import Language
from aidhub.events.models.events import Event, ShownOnEventPage
from aidhub.lib.choices import ChoiceLabelsMixin


class ShiftQuerySet(models.QuerySet["Shift"]):
    def with_counts(self) -> Self:
        return self.annotate(taken=Count("signups", distinct=True))


class Shift(ShownOnEventPage, ChoiceLabelsMixin, models.Model):
    """A volunteer role at an event for a time range, with a number of places."""

    class Role(models.TextChoices):
        FACILITATOR = "facilitator", _("Facilitator")
        INTERPRETER = "interpreter", _("Interpreter")
        LAWYER = "lawyer", _("Lawyer or legal worker")
        CHILDCARE = "childcare", _("Childcare")
        SET_UP = "set_up", _("Set-up and clean-up")
        WELCOME = "welcome", _("Welcome desk")
        DRIVER = "driver", _("Driver")
        FOOD = "food", _("Cooking and serving food")
        OTHER = "other", pgettext_lazy("volunteer role", "Other")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="shifts")
    role = models.CharField(_("role"), max_length=20, choices=Role)
    language = models.ForeignKey(
        Language,
        verbose_name=_("language"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For interpreters: the language besides English."),
    )
    note = models.CharField(_("what to do"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    places = models.PositiveSmallIntegerField(
        _("places"), default=1, validators=[MinValueValidator(1), MaxValueValidator(200)]
    )

    objects = ShiftQuerySet.as_manager()
    shown_on_listing = True

    taken: int  # with_counts()

    class Meta:
        ordering = ["starts_at", "role", "id"]
        verbose_name = _("volunteer shift")
        verbose_name_plural = _("volunteer shifts")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="shift_ends_after_start"),
            models.CheckConstraint(condition=Q(places__gte=1, places__lte=200), name="shift_places_range"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.language is not None:
            return f"{self.get_role_display()} ({self.language.native_name})"
        return str(self.get_role_display())

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()


class ShiftSignupQuerySet(models.QuerySet["ShiftSignup"]):
    def upcoming_for(self, user: AbstractBaseUser, now: datetime | None = None) -> Self:
        """A volunteer's shifts that are not over, at events still on, soonest first."""
        return (
            self.filter(volunteer_id=user.pk, shift__ends_at__gte=now or timezone.now())
            .filter(shift__event__status=Event.Status.PUBLISHED)
            .select_related("shift__event__area", "shift__language")
            .order_by("shift__starts_at", "id")
        )


class ShiftSignup(ShownOnEventPage, models.Model):
    """One volunteer taking one place in a shift. Cancelling deletes it, freeing the place."""

    shift = models.ForeignKey(Shift, verbose_name=_("shift"), on_delete=models.CASCADE, related_name="signups")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="shift_signups"
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)

    objects = ShiftSignupQuerySet.as_manager()
    shown_on_listing = True

    allowed: bool  # whether the volunteer may serve it now, set for the volunteer's own page (portal)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("shift sign-up")
        verbose_name_plural = _("shift sign-ups")
        constraints = [
            models.UniqueConstraint(fields=["shift", "volunteer"], name="shift_signup_once"),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} → {self.shift}"

    def page_event_id(self) -> int:
        return self.shift.event_id
