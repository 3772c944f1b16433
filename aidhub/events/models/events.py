from datetime import datetime
from typing import TYPE_CHECKING, Any, Self

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aidhub.core.models import Area, Language, Organization
from aidhub.core.selectors import organized_organizations
from aidhub.core.translations import TranslatableMixin
from aidhub.lib import fragments
from aidhub.lib.choices import ChoiceLabelsMixin


def page_version(event_id: int | None) -> str:
    """The version of an event's cached public page (events.views.public.event_detail)."""
    return f"event-{event_id}"


if TYPE_CHECKING:
    _ModelBase = models.Model
else:
    _ModelBase = object


class ShownOnEventPage(_ModelBase):
    """Rows counted on their event's public page (places taken, times free, supplies missing): saving or
    deleting one, wherever it happens, rebuilds that page's cached fragment once the change is committed."""

    # Rows counted on the public list too (what an event still needs: shifts and their sign-ups).
    shown_on_listing = False

    def page_event_id(self) -> int:
        # Rows without an event of their own (a sign-up, a pledge) say where theirs is.
        event_id: int = self.event_id  # type: ignore[attr-defined]
        return event_id

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        fragments.bump(*self._versions(self.page_event_id()))

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        event_id = self.page_event_id()
        result = super().delete(*args, **kwargs)
        fragments.bump(*self._versions(event_id))
        return result

    def _versions(self, event_id: int) -> list[str]:
        return [page_version(event_id), "events"] if self.shown_on_listing else [page_version(event_id)]


class EventQuerySet(models.QuerySet["Event"]):
    def listed(self) -> Self:
        """Events the public may see: published, and cancelled ones so that people learn they are off."""
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])

    def public(self) -> Self:
        """Events with a public page: listed ones and those that took place."""
        return self.exclude(status=Event.Status.DRAFT)

    def published(self) -> Self:
        return self.filter(status=Event.Status.PUBLISHED)

    def upcoming(self, now: datetime | None = None) -> Self:
        """Not over yet, soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "id")

    def in_area(self, area: Area) -> Self:
        """Events in a place overlapping this area (the area, a city around it, a neighbourhood in it)."""
        return self.filter(area__in=Area.objects.overlapping(area))

    def offering(self, language: Language) -> Self:
        return self.filter(languages=language)

    def organized_by(self, user: AbstractBaseUser | AnonymousUser) -> Self:
        """Events of the active organizations this user organizes for."""
        return self.filter(organization__in=organized_organizations(user))

    def for_listing(self) -> Self:
        return self.select_related("area", "organization").prefetch_related("languages")

    def with_open_places(self, now: datetime | None = None) -> Self:
        """What is still missing, counted in the query: free places of shifts not over yet, for interpreters
        (`open_interpreter_places`) and for every other role (`open_volunteer_places`)."""
        # Shift and ShiftSignup live in shifts.py, which imports this module: reached through the relations.
        shift_model: Any = self.model._meta.get_field("shifts").related_model
        signup_model: Any = shift_model._meta.get_field("signups").related_model
        taken = (
            signup_model.objects.filter(shift=OuterRef("pk"))
            .order_by()
            .values("shift")
            .annotate(n=Count("pk"))
            .values("n")
        )
        free = Greatest(F("places") - Coalesce(Subquery(taken), 0), 0)
        upcoming = shift_model.objects.filter(event=OuterRef("pk"), ends_at__gte=now or timezone.now()).order_by()

        def open_places(shifts: models.QuerySet[Any]) -> Coalesce:
            total = shifts.annotate(free=free).values("event").annotate(total=Sum("free")).values("total")
            return Coalesce(Subquery(total, output_field=models.IntegerField()), 0)

        interpreter = shift_model.Role.INTERPRETER
        return self.annotate(
            open_volunteer_places=open_places(upcoming.exclude(role=interpreter)),
            open_interpreter_places=open_places(upcoming.filter(role=interpreter)),
        )


class Event(ChoiceLabelsMixin, TranslatableMixin, models.Model):
    """A legal aid night, workshop, supply drive, solidarity action or meal that an organization runs."""

    # Organizers give these in other interface languages on the event's Translations page.
    translatable_fields = ("title", "description", "accessibility")

    class Kind(models.TextChoices):
        LEGAL_AID = "legal_aid", _("Legal aid night")
        WORKSHOP = "workshop", _("Workshop or training")
        SUPPLY_DRIVE = "supply_drive", _("Supply drive")
        SOLIDARITY = "solidarity", _("Solidarity action")
        MEAL = "meal", _("Community meal")
        OTHER = "other", pgettext_lazy("event kind", "Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")
        FINISHED = "finished", _("Finished")

    class Venue(models.TextChoices):
        PUBLIC = "public", _("Show the address to everyone")
        ON_SIGNUP = "on_signup", _("Share the address only with people who signed up")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(_("kind of event"), max_length=20, choices=Kind)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=4000)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    area = models.ForeignKey(Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="events")
    venue = models.CharField(_("venue visibility"), max_length=20, choices=Venue, default=Venue.PUBLIC)
    address = models.CharField(_("place and address"), max_length=200, blank=True)
    languages = models.ManyToManyField(Language, verbose_name=_("languages offered"), related_name="events", blank=True)
    accessibility = models.TextField(_("accessibility"), max_length=1000, blank=True)
    childcare = models.BooleanField(_("childcare provided"), default=False)
    capacity = models.PositiveIntegerField(
        _("places for attendees"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10000)],
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    open_volunteer_places: int  # with_open_places()
    open_interpreter_places: int  # with_open_places()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["status", "ends_at", "starts_at"], name="event_status_dates"),
            models.Index(fields=["organization", "-starts_at"], name="event_organization_start"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1), name="event_capacity_positive"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False), name="event_published_has_date"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    # The public list and the event's page are cached fragments: every change of an event, wherever it is made
    # (services, admin, translations), shows there as soon as it is committed.
    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        fragments.bump("events", page_version(self.pk))

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        pk = self.pk
        result = super().delete(*args, **kwargs)
        fragments.bump("events", page_version(pk))
        return result

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def is_open(self) -> bool:
        """People may still sign up, book, pledge or register."""
        return self.status == self.Status.PUBLISHED and not self.is_past

    @property
    def address_is_public(self) -> bool:
        return self.venue == self.Venue.PUBLIC and bool(self.address)

    @property
    def takes_registrations(self) -> bool:
        return self.capacity is not None

    # State changes. Each one only moves from the states that allow it.
    @property
    def can_edit(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.PUBLISHED)

    @property
    def can_publish(self) -> bool:
        return self.status == self.Status.DRAFT and not self.is_past

    @property
    def can_cancel(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.PUBLISHED) and not self.is_past

    @property
    def can_finish(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.starts_at <= timezone.now()

    def publish(self) -> None:
        self._require(self.can_publish)
        self.status = self.Status.PUBLISHED
        self.published_at = timezone.now()

    def cancel(self) -> None:
        self._require(self.can_cancel)
        self.status = self.Status.CANCELLED
        self.cancelled_at = timezone.now()

    def finish(self) -> None:
        self._require(self.can_finish)
        self.status = self.Status.FINISHED

    def _require(self, allowed: bool) -> None:
        if not allowed:
            raise EventStateError(self.status)


class EventStateError(Exception):
    """The event is not in a state that allows this change (e.g. publishing a cancelled event)."""
