"""Families booking appointment slots and people registering for workshops, without an account.

They give a first name, one contact and a language; they get a reference code and a private link by message (only
the link's hash is stored, so the message is the only copy). A contact that already has a booking or registration
at the event gets a fresh link to it instead, and the page says the same either way (aidhub.lib.quiet).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Language
from aidhub.events.models import AppointmentSlot, Booking, Event, Registration
from aidhub.events.services import CLOSED, Refusal
from aidhub.events.services.messages import tell_contact
from aidhub.lib import quiet
from aidhub.lib.crypto import keyed_hash
from aidhub.lib.languages import interface_language
from aidhub.lib.tokens import new_access_token, new_reference_code


def message_language(language: Language, page_language: str) -> str:
    """People read our messages in the language they speak when the site has it, otherwise in the page's."""
    return interface_language(language.code, page_language)


@transaction.atomic
def booking_create(
    *,
    event: Event,
    slot: AppointmentSlot,
    first_name: str,
    contact_kind: str,
    contact: str,
    language: Language,
    page_language: str,
) -> None:
    """Books a place in a slot and sends the private link. For a contact with a booking at this event already,
    sends a fresh link to that booking instead, and books nothing: the caller cannot tell the two apart."""
    slot = AppointmentSlot.objects.select_for_update(of=("self",)).select_related("event").get(pk=slot.pk)
    if slot.event_id != event.pk or not slot.event.is_open:
        raise Refusal(CLOSED)
    if slot.bookings.active().count() >= slot.places:
        raise Refusal(_("Sorry, this time was just taken. Please choose another one."))
    contact_hash = keyed_hash(contact)
    booked = Booking.objects.active().filter(event=event, contact_hash=contact_hash)
    if booked.exists():
        _send_link_again(booked.get(), "booking_confirmed")
        return
    token, token_hash = new_access_token()
    booking = Booking(
        event=slot.event,
        slot=slot,
        first_name=first_name,
        contact_kind=contact_kind,
        contact=contact,
        contact_hash=contact_hash,
        language=language,
        message_language=message_language(language, page_language),
        token_hash=token_hash,
    )
    if not _save_with_new_code(booking):
        # The same person booked twice at the same moment: the other post made the booking.
        _send_link_again(booked.get(), "booking_confirmed")
        return
    tell_contact(booking, "booking_confirmed", token=token, moved=False)


def _send_link_again(person: Booking | Registration, template: str) -> None:
    """A booking's or registration's private link again, to its own contact, in its own language. Only the link's
    hash is stored, so the old link cannot be sent: the person gets a new one, and the old one stops working."""

    def send() -> None:
        token, token_hash = new_access_token()
        type(person).objects.filter(pk=person.pk).update(token_hash=token_hash, updated_at=timezone.now())
        tell_contact(person, template, token=token, again=True)

    quiet.send_again(person, send)


@transaction.atomic
def booking_move(*, booking: Booking, slot: AppointmentSlot) -> Booking:
    """Moves the booking to another slot of the same event that still has room."""
    booking = Booking.objects.select_for_update(of=("self",)).select_related("event").get(pk=booking.pk)
    if not booking.is_active or not booking.event.is_open:
        raise Refusal(_("This appointment can no longer be changed."))
    if slot.pk == booking.slot_id:
        return booking
    slot = AppointmentSlot.objects.select_for_update().get(pk=slot.pk, event_id=booking.event_id)
    if slot.bookings.active().count() >= slot.places:
        raise Refusal(_("Sorry, this time was just taken. Please choose another one."))
    booking.slot = slot
    booking.save(update_fields=["slot", "updated_at"])
    tell_contact(booking, "booking_confirmed", moved=True)
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking) -> Booking:
    """Frees the place and forgets the family's name and contact at once."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if not booking.is_active:
        return booking
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.erase_personal_data()
    booking.save()
    return booking


@transaction.atomic
def registration_create(
    *, event: Event, first_name: str, contact_kind: str, contact: str, language: Language, page_language: str
) -> None:
    """Registers someone: confirmed while places remain, then on the waiting list; sends the private link. For a
    contact registered already, sends a fresh link to that registration instead (see booking_create)."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.is_open or not event.takes_registrations:
        raise Refusal(CLOSED)
    contact_hash = keyed_hash(contact)
    registered = event.registrations.filter(contact_hash=contact_hash).exclude(status=Registration.Status.CANCELLED)
    if registered.exists():
        _send_link_again(registered.get(), "registration_confirmed")
        return
    has_room = event.registrations.confirmed().count() < (event.capacity or 0)
    token, token_hash = new_access_token()
    registration = Registration(
        event=event,
        status=Registration.Status.CONFIRMED if has_room else Registration.Status.WAITING,
        first_name=first_name,
        contact_kind=contact_kind,
        contact=contact,
        contact_hash=contact_hash,
        language=language,
        message_language=message_language(language, page_language),
        token_hash=token_hash,
    )
    if not _save_with_new_code(registration):
        _send_link_again(registered.get(), "registration_confirmed")
        return
    tell_contact(registration, "registration_confirmed", token=token)


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration:
    """Frees the place, forgets the person's details, and moves the next person up from the waiting list."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not registration.is_active:
        return registration
    was_confirmed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.erase_personal_data()
    registration.save()
    if was_confirmed and event.is_open:
        promote_waiting(event)
    return registration


def promote_waiting(event: Event) -> list[Registration]:
    """Confirms people from the waiting list, first come first served, while places are free; tells each one.

    The caller holds the event's row lock inside a transaction.
    """
    free = (event.capacity or 0) - event.registrations.confirmed().count()
    if free <= 0:
        return []
    promoted = list(event.registrations.waiting().select_for_update()[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        tell_contact(registration, "registration_promoted")
    return promoted


def _save_with_new_code(person: Booking | Registration) -> bool:
    """Saves with a fresh reference code, unique across bookings and registrations (retried on a collision).
    False when the database refuses it as a second one of the same person at this event (made a moment ago)."""
    for _attempt in range(5):
        code = new_reference_code()
        taken = Booking.objects.filter(reference_code=code).exists()
        if taken or Registration.objects.filter(reference_code=code).exists():
            continue
        person.reference_code = code
        try:
            with transaction.atomic():
                person.save()
        except IntegrityError:
            # Either the code was taken a moment ago, or the same person booked twice at once.
            if type(person).objects.filter(reference_code=code).exists():
                continue
            return False
        return True
    raise RuntimeError("No free reference code after 5 attempts.")
