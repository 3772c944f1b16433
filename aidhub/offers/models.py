from collections.abc import Iterable
from typing import Self

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aidhub.accounts.capabilities import may_serve_q
from aidhub.accounts.models import User, invitation_accepted_q
from aidhub.core.availability import WeeklyAvailabilityField
from aidhub.core.models import Area, Category, Language
from aidhub.core.selectors import organizer_areas
from aidhub.lib.choices import ChoiceLabelsMixin


def id_keys(ids: Iterable[int]) -> str:
    """Ids as Offer.language_keys and Offer.area_keys hold them: ",3,17," (sorted; "" for none)."""
    ordered = sorted(set(ids))
    return f",{','.join(map(str, ordered))}," if ordered else ""


def keys_include_any(field: str, ids: Iterable[int]) -> Q:
    """Rows whose keys `field` (language_keys, area_keys) hold one of these ids: a LIKE on one short column of the
    row, the same on PostgreSQL and SQLite, where a join would hash every offer of a language or an area."""
    # Without ids: false, as a boolean on every database (an empty IN made PostgreSQL answer the integer 0).
    condition = Q(Value(False, output_field=models.BooleanField()))
    for pk in sorted(set(ids)):
        condition |= Q(**{f"{field}__contains": f",{pk},"})
    return condition


class OfferQuerySet(models.QuerySet["Offer"]):
    def published(self) -> Self:
        return self.filter(status=Offer.Status.PUBLISHED)

    def listed(self) -> Self:
        """What the public sees: published offers whose volunteer may serve that kind of help now (active, and
        confirmed by an organizer where the kind needs it: aidhub.accounts.capabilities)."""
        return self.published().filter(may_serve_q(volunteer="volunteer", category_field="category"))

    def in_area(self, area: Area) -> Self:
        """Offers that reach a place overlapping this area (the area, a city around it, a neighbourhood in it)."""
        return self.filter(areas__in=Area.objects.overlapping(area)).distinct()

    def speaking(self, language: Language) -> Self:
        return self.filter(languages=language)

    def available_during(self, mask: int) -> Self:
        """Offers whose weekly availability shares at least one slot with the mask."""
        return self.annotate(shared_slots=models.F("availability").bitand(mask)).exclude(shared_slots=0)

    def reviewable_by(self, user: AbstractBaseUser | AnonymousUser) -> Self:
        """Offers in the areas this organizer curates (EXISTS, not a join: no duplicates to remove, so a count
        reads the offers of one status through its index)."""
        reaching = Offer.areas.through.objects.filter(offer=models.OuterRef("pk"), area__in=organizer_areas(user))
        return self.filter(models.Exists(reaching))

    def awaiting_review_by(self, user: AbstractBaseUser | AnonymousUser) -> Self:
        """Pending offers in this organizer's areas whose volunteer can sign in: an offer an import made waits
        until its volunteer accepts the invitation and chooses a password (Offer.waits_for_its_volunteer)."""
        return self.reviewable_by(user).filter(status=Offer.Status.PENDING).filter(invitation_accepted_q("volunteer__"))

    def for_listing(self) -> Self:
        return self.select_related("volunteer__volunteer_profile").prefetch_related("languages", "areas")


class Offer(ChoiceLabelsMixin, models.Model):
    """What one volunteer offers to do. Listed publicly only after an organizer approved it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Sent back for changes")
        PAUSED = "paused", _("Paused")
        ARCHIVED = "archived", _("Archived")

    class ReturnReason(models.TextChoices):
        """Reasons are fixed so the volunteer reads them in their own language, whoever reviewed."""

        MORE_DETAIL = "more_detail", _("Please say more about what you offer.")
        PERSONAL_DATA = "personal_data", _("Please remove phone numbers, addresses or other personal details.")
        WRONG_CATEGORY = "wrong_category", _("Please choose the kind of help that fits best.")
        AVAILABILITY = "availability", _("Please say when you are free.")
        NOT_FIT = "not_fit", _("This is not something the network can list.")
        OTHER = "other", pgettext_lazy("reason", "Other: see the note.")

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="offers"
    )
    category = models.CharField(_("kind of help"), max_length=20, choices=Category)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=2000)
    languages = models.ManyToManyField(Language, verbose_name=_("languages"), related_name="offers")
    areas = models.ManyToManyField(Area, verbose_name=_("areas"), related_name="offers")
    availability = WeeklyAvailabilityField(_("when you are free"))
    # The ids of `languages` and `areas` (id_keys), kept by offers_keep_keys wherever they change: suggestions read
    # who speaks a language or reaches an area from the offer's own row (aidhub.matching.suggestions).
    language_keys = models.TextField(editable=False, blank=True, default="")
    area_keys = models.TextField(editable=False, blank=True, default="")
    capacity = models.PositiveSmallIntegerField(
        _("how many families at a time"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    return_reason = models.CharField(_("reason"), max_length=20, choices=ReturnReason, blank=True)
    review_note = models.TextField(_("note to the volunteer"), max_length=1000, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OfferQuerySet.as_manager()

    # Set by the volunteer's dashboard (portal): the volunteer must first be confirmed for this kind of help.
    needs_confirmation: bool

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = pgettext_lazy("offer of help", "offer")
        verbose_name_plural = pgettext_lazy("offer of help", "offers")
        indexes = [
            models.Index(fields=["status", "category", "-published_at"], name="offer_status_category"),
            models.Index(fields=["status", "submitted_at"], name="offer_status_submitted"),
            models.Index(fields=["volunteer", "status"], name="offer_volunteer_status"),
            # The public list, newest first, read in index order (a page without sorting 35,000 offers).
            models.Index(
                fields=["-published_at", "-id"], condition=Q(status="published"), name="offer_published_newest"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1, capacity__lte=50), name="offer_capacity_range"),
            models.CheckConstraint(
                condition=Q(status="published", published_at__isnull=False) | ~Q(status="published"),
                name="offer_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def category_choice(self) -> Category:
        return Category(self.category)

    # State changes. Each one only moves from the states that allow it.
    EDITABLE = {Status.PENDING, Status.PUBLISHED, Status.RETURNED, Status.PAUSED}

    @property
    def can_edit(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def can_pause(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def can_resume(self) -> bool:
        return self.status == self.Status.PAUSED

    @property
    def can_archive(self) -> bool:
        return self.status != self.Status.ARCHIVED

    def submit_for_review(self) -> None:
        """A new or edited offer goes (back) to the review queue and leaves the public list until approved."""
        self.status = self.Status.PENDING
        self.submitted_at = timezone.now()
        self.return_reason = ""
        self.review_note = ""

    @property
    def waits_for_its_volunteer(self) -> bool:
        """Written down for a volunteer by an organizer's import, who has not yet accepted the invitation (their
        account has no password): nobody reviews, publishes or sends it back before they do."""
        return not self.volunteer.has_usable_password()

    def approve(self, reviewer: User) -> None:
        self._require(self.status == self.Status.PENDING and not self.waits_for_its_volunteer)
        self.status = self.Status.PUBLISHED
        self.reviewed_by = reviewer
        self.reviewed_at = self.published_at = timezone.now()
        self.return_reason = ""
        self.review_note = ""

    def send_back(self, reviewer: User, reason: str, note: str = "") -> None:
        self._require(self.status == self.Status.PENDING and not self.waits_for_its_volunteer)
        self.status = self.Status.RETURNED
        self.reviewed_by = reviewer
        self.reviewed_at = timezone.now()
        self.return_reason = reason
        self.review_note = note

    def pause(self) -> None:
        self._require(self.can_pause)
        self.status = self.Status.PAUSED

    def resume(self) -> None:
        self._require(self.can_resume)
        self.status = self.Status.PUBLISHED

    def archive(self) -> None:
        self._require(self.can_archive)
        self.status = self.Status.ARCHIVED

    def _require(self, allowed: bool) -> None:
        if not allowed:
            raise OfferStateError(self.status)


class OfferStateError(Exception):
    """The offer is not in a state that allows this change (e.g. a second organizer approving it again)."""
