from collections.abc import Iterable
from datetime import timedelta
from typing import Self

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aidhub.core.models import Language
from aidhub.core.selectors import organizer_area_ids
from aidhub.lib.adapters.encrypted_fields import EncryptedTextField
from aidhub.lib.choices import ChoiceLabelsMixin
from aidhub.needs.models import HelpRequest
from aidhub.offers.models import Offer


class MatchQuerySet(models.QuerySet["Match"]):
    def active(self) -> Self:
        return self.filter(status__in=Match.ACTIVE)

    def for_volunteer(self, user: AbstractBaseUser) -> Self:
        return self.filter(volunteer_id=user.pk)

    def visible_to_organizer(self, user: AbstractBaseUser | AnonymousUser) -> Self:
        return self.in_areas(organizer_area_ids(user))

    def without_personal_data(self) -> Self:
        """For lists of matches that show no family's name, contact or description: not even decrypted."""
        return self.defer(*(f"help_request__{name}" for name in HelpRequest.PERSONAL_FIELDS))

    def in_areas(self, area_ids: Iterable[int]) -> Self:
        """Matches of requests in these areas: a join on the request's area, not `help_request__in` a subquery
        of requests, which PostgreSQL answered by hashing every request of the areas for each query."""
        return self.filter(help_request__area_id__in=area_ids)

    def with_volunteer_speaks(self) -> Self:
        """Adds `volunteer_speaks`: the offer the volunteer was asked through lists the family's language, as the
        ranking reads it (else an interpreter helps)."""
        spoken = Offer.languages.through.objects.filter(
            offer_id=OuterRef("offer_id"), language_id=OuterRef("help_request__language_id")
        )
        return self.annotate(volunteer_speaks=Exists(spoken))

    def overdue(self, hours: int) -> Self:
        """Proposals nobody answered within the configured time."""
        return self.filter(status=Match.Status.PROPOSED, proposed_at__lt=timezone.now() - timedelta(hours=hours))


class Match(ChoiceLabelsMixin, models.Model):
    """An organizer asks one volunteer to help with one request; followed until done and checked in."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("match status", "Waiting for the volunteer")
        ACCEPTED = "accepted", pgettext_lazy("match status", "Accepted")
        DECLINED = "declined", pgettext_lazy("match status", "Declined")
        CANCELLED = "cancelled", pgettext_lazy("match status", "Withdrawn by an organizer")
        DONE = "done", pgettext_lazy("match status", "Help given")

    class DeclineReason(models.TextChoices):
        BUSY = "busy", _("I am not free at those times")
        TOO_FAR = "too_far", _("It is too far for me")
        LANGUAGE = "language", _("I do not speak the language well enough")
        NOT_SUITABLE = "not_suitable", _("This is not something I can help with")
        OTHER = "other", pgettext_lazy("decline reason", "Another reason")

    # A volunteer's load: proposals and accepted matches count against their capacity.
    ACTIVE = [Status.PROPOSED, Status.ACCEPTED]

    help_request = models.ForeignKey(
        HelpRequest,
        verbose_name=pgettext_lazy("request for help", "request"),
        on_delete=models.CASCADE,
        related_name="matches",
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="matches"
    )
    offer = models.ForeignKey(
        Offer, verbose_name=pgettext_lazy("offer of help", "offer"), null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PROPOSED)
    decline_reason = models.CharField(_("reason"), max_length=15, choices=DeclineReason, blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    done_at = models.DateTimeField(_("help given"), null=True, blank=True)
    volunteer_speaks: bool  # with_volunteer_speaks()
    # An interpreter an organizer added because the volunteer does not speak the family's language: they bridge
    # the family's language and `interpreter_language`, which the volunteer speaks. See docs/capabilities.md for
    # what the interpreter is told (never the family's name, contact or message).
    interpreter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("interpreter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpreting",
    )
    interpreter_offer = models.ForeignKey(
        Offer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("interpreting offer")
    )
    interpreter_language = models.ForeignKey(
        Language,
        verbose_name=_("language with the volunteer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    interpreter_added_at = models.DateTimeField(_("interpreter added"), null=True, blank=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("match of a volunteer and a request", "match")
        verbose_name_plural = pgettext_lazy("match of a volunteer and a request", "matches")
        ordering = ["-proposed_at"]
        indexes = [
            models.Index(fields=["volunteer", "status"], name="match_volunteer_status"),
            models.Index(fields=["status", "proposed_at"], name="match_status_proposed"),
            # Dashboard: median times over the last 30 days; help given that waits for a check-in, oldest first.
            models.Index(fields=["answered_at"], name="match_answered"),
            models.Index(fields=["done_at"], condition=Q(status="done"), name="match_done"),
            # Suggestions: when each volunteer was last asked (the newest of their matches).
            models.Index(fields=["volunteer", "-proposed_at"], name="match_volunteer_last_asked"),
            # Suggestions: each candidate's load (proposed and accepted matches), counted from the index alone.
            models.Index(
                fields=["volunteer"], condition=Q(status__in=["proposed", "accepted"]), name="match_volunteer_active"
            ),
        ]
        constraints = [
            # Two organizers can never give the same request to two volunteers: at most one live match.
            models.UniqueConstraint(
                fields=["help_request"],
                condition=Q(status__in=["proposed", "accepted", "done"]),
                name="match_one_live_per_request",
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""), name="match_declined_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.help_request} → {self.volunteer}"

    @property
    def shows_contact(self) -> bool:
        """The family's name, contact and description are for the volunteer only once they accepted."""
        return self.status in (self.Status.ACCEPTED, self.Status.DONE)

    def accept(self) -> None:
        self.status = self.Status.ACCEPTED
        self.answered_at = timezone.now()

    def decline(self, reason: str) -> None:
        self.status = self.Status.DECLINED
        self.decline_reason = reason
        self.answered_at = timezone.now()

    def cancel(self) -> None:
        self.status = self.Status.CANCELLED

    def mark_done(self) -> None:
        self.status = self.Status.DONE
        self.done_at = timezone.now()


class CheckIn(models.Model):
    """An organizer asks the family afterwards: did you get the help? are you OK?"""

    class Outcome(models.TextChoices):
        HELPED = "helped", _("Helped")
        PARTLY = "partly", _("Partly helped")
        NOT_HELPED = "not_helped", _("Not helped")
        NEEDS_MORE = "needs_more", _("Needs more help")

    match = models.OneToOneField(Match, on_delete=models.CASCADE, related_name="check_in")
    outcome = models.CharField(_("how did it go?"), max_length=12, choices=Outcome)
    # What the family said may be personal: encrypted like the request itself.
    note = EncryptedTextField(_("short note"), max_length=1000, blank=True, null=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return f"{self.match} · {self.get_outcome_display()}"


class FamilyCheckInQuerySet(models.QuerySet["FamilyCheckIn"]):
    def pending(self) -> Self:
        """Asked and not answered yet, on a match still marked done."""
        return self.filter(answer="", match__status=Match.Status.DONE)


class FamilyCheckIn(models.Model):
    """After the volunteer marked the help as given, the family is asked in its language, by its channel: did you
    get help? It answers from its private link or by replying 1, 2 or 3 to the text. A text reply is matched to
    this row by a keyed hash of the family's number (aidhub.lib.crypto.keyed_hash), never the number itself."""

    class Answer(models.TextChoices):
        HELPED = "helped", _("Yes, I got help")
        NOT_YET = "not_yet", _("Not yet")
        NEEDS_MORE = "needs_more", _("I need something else")

    class Via(models.TextChoices):
        LINK = "link", _("private link")
        SMS = "sms", _("text message")

    # The digits a family replies by text message.
    SMS_ANSWERS = {"1": Answer.HELPED, "2": Answer.NOT_YET, "3": Answer.NEEDS_MORE}

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="family_check_ins")
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True)
    asked_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(_("the family's answer"), max_length=12, choices=Answer, blank=True)
    answered_via = models.CharField(max_length=4, choices=Via, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = FamilyCheckInQuerySet.as_manager()

    class Meta:
        verbose_name = _("family check-in")
        verbose_name_plural = _("family check-ins")
        ordering = ["-asked_at", "-id"]

    def __str__(self) -> str:
        return f"{self.match} · {self.answer or '…'}"
