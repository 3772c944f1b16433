import uuid
from typing import Self

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Area
from aidhub.core.selectors import organizer_areas
from aidhub.lib.adapters.encrypted_fields import EncryptedCharField, EncryptedTextField


def photo_path(_report: "Report", _filename: str) -> str:
    """A random name: the person's file name may say who or where they are."""
    return f"reports/{uuid.uuid4().hex}.jpg"


class ReportQuerySet(models.QuerySet["Report"]):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> Self:
        """Reports about areas this organizer curates. Reports are never public."""
        return self.filter(area__in=organizer_areas(user))

    def open(self) -> Self:
        return self.filter(status__in=[Report.Status.NEW, Report.Status.VERIFYING])


class Report(models.Model):
    """What a community member saw, told to the organizers of the area. Vetted before anything is published."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        VERIFYING = "verifying", _("Being verified")
        CONFIRMED = "confirmed", _("Confirmed")
        NOT_CONFIRMED = "not_confirmed", _("Not confirmed")
        DUPLICATE = "duplicate", _("Duplicate")

    what = EncryptedTextField(_("what happened"))
    area = models.ForeignKey(Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="reports")
    happened_at = models.DateTimeField(_("when"))
    photo = models.FileField(_("photo"), upload_to=photo_path, blank=True)
    contact = EncryptedCharField(_("how to reach the person who reported"), max_length=200, null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NEW)
    duplicate_of = models.ForeignKey(
        "self", verbose_name=_("duplicate of"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["status", "-created_at"], name="report_status_created")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="duplicate") | models.Q(duplicate_of__isnull=True),
                name="report_duplicate_only_when_marked",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.area} {self.get_status_display()}"

    @property
    def can_become_alert(self) -> bool:
        return self.status == self.Status.CONFIRMED


class CheckIn(models.Model):
    """An organizer got back to the person who reported: are you OK? do you need anything?"""

    class Outcome(models.TextChoices):
        OK = "ok", _("They are OK")
        NEEDS_HELP = "needs_help", _("They need something; we are helping")
        NO_ANSWER = "no_answer", _("We could not reach them")

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="check_ins")
    organizer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("organizer"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome)
    note = EncryptedTextField(_("note"), null=True, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.created_at:%Y-%m-%d})"
