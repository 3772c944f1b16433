"""What families and other attendees give when they book a slot or register: the least, encrypted at rest."""

from typing import Self

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Language
from aidhub.core.translations import interface_languages
from aidhub.events.models.events import Event, ShownOnEventPage
from aidhub.events.models.shifts import Shift
from aidhub.lib.adapters.encrypted_fields import EncryptedCharField
from aidhub.lib.crypto import keyed_hash


class ContactKind(models.TextChoices):
    PHONE = "phone", _("Text message")
    EMAIL = "email", _("Email")


class PrivateContact(models.Model):
    """A person without an account: a first name, one way to reach them, the language they read.

    They come back through a private link (only its hash is stored) and read a reference code aloud on the phone.
    """

    # The encrypted field stores an empty value as NULL: erased details are NULL.
    first_name = EncryptedCharField(_("first name"), max_length=60, null=True)
    contact_kind = models.CharField(_("how to reach you"), max_length=10, choices=ContactKind)
    contact = EncryptedCharField(_("phone number or email"), max_length=254, null=True)
    # Keyed hash of the contact: finds a second booking by the same person without decrypting every row.
    contact_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    language = models.ForeignKey(
        Language, verbose_name=_("language you speak"), on_delete=models.PROTECT, related_name="+"
    )
    message_language = models.CharField(_("language of our messages"), max_length=10, choices=interface_languages)
    reference_code = models.CharField(_("reference code"), max_length=7, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    # Recomputed by `rotate_encryption_keys` when the key changes.
    KEYED_HASH_FIELDS = ["contact_hash"]

    def refresh_keyed_hashes(self) -> None:
        self.contact_hash = keyed_hash(self.contact) if self.contact else ""

    def erase_personal_data(self) -> None:
        """Keeps the code and the time (for counts), forgets who it was."""
        self.first_name = ""
        self.contact = ""
        self.contact_hash = ""


class SlotQuerySet(models.QuerySet["AppointmentSlot"]):
    def with_counts(self) -> Self:
        return self.annotate(booked=Count("bookings", filter=Q(bookings__status=Booking.Status.BOOKED), distinct=True))


class AppointmentSlot(ShownOnEventPage, models.Model):
    """A time at a legal aid night that families book; `places` families can be seen at once."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    places = models.PositiveSmallIntegerField(
        _("families per slot"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    shift = models.ForeignKey(
        Shift,
        verbose_name=_("served by the volunteers of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slots",
    )

    objects = SlotQuerySet.as_manager()

    booked: int  # with_counts()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("appointment slot")
        verbose_name_plural = _("appointment slots")
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="slot_unique_start"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="slot_ends_after_start"),
            models.CheckConstraint(condition=Q(places__gte=1, places__lte=50), name="slot_places_range"),
        ]

    def __str__(self) -> str:
        return f"{self.event} {timezone.localtime(self.starts_at):%H:%M}"


class BookingQuerySet(models.QuerySet["Booking"]):
    def active(self) -> Self:
        return self.filter(status=Booking.Status.BOOKED)


class Booking(ShownOnEventPage, PrivateContact):
    """A family's appointment in a slot."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")

    # The event is repeated here so the database can refuse a second active booking by the same person.
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="bookings")
    slot = models.ForeignKey(AppointmentSlot, verbose_name=_("slot"), on_delete=models.CASCADE, related_name="bookings")
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.BOOKED)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["slot__starts_at", "created_at", "id"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "contact_hash"],
                condition=Q(status="booked") & ~Q(contact_hash=""),
                name="booking_one_per_person",
            ),
        ]

    def __str__(self) -> str:
        return self.reference_code

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.BOOKED


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def confirmed(self) -> Self:
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self) -> Self:
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "id")


class Registration(ShownOnEventPage, PrivateContact):
    """Someone coming to a workshop with limited places: confirmed, or on the waiting list in order of arrival."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(_("status"), max_length=20, choices=Status)
    promoted_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["event", "status", "created_at"], name="registration_event_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "contact_hash"],
                condition=Q(status__in=["confirmed", "waiting"]) & ~Q(contact_hash=""),
                name="registration_one_per_person",
            ),
        ]

    def __str__(self) -> str:
        return self.reference_code

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.CONFIRMED, self.Status.WAITING)

    def waiting_position(self) -> int:
        """1 for the next person to move up."""
        earlier = Registration.objects.waiting().filter(event_id=self.event_id)
        earlier = earlier.filter(Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, id__lt=self.id))
        return earlier.count() + 1
