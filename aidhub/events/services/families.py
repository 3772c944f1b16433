"""Families booking appointment slots and people registering for workshops, without an account.

They give a first name, one contact and a language; they get a reference code and a private link (only the link's
hash is stored, so the link in the first message is the only copy).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.core.crypto import keyed_hash
from aidhub.core.languages import interface_language
from aidhub.core.tokens import new_access_token, new_reference_code
from aidhub.events.models import AppointmentSlot, Booking, Event, Registration
from aidhub.events.services import CLOSED, Refusal
from aidhub.events.services.messages import tell_contact

ALREADY_BOOKED = _("You already have an appointment at this event. Use your private link to change it.")
ALREADY_REGISTERED = _("You are already registered for this event. Use your private link to see it.")


def message_language(language, page_language):
    """People read our messages in the language they speak when the site has it, otherwise in the page's."""
    return interface_language(language.code, page_language)


@transaction.atomic
def booking_create(*, event, slot, first_name, contact_kind, contact, language, page_language):
    """Books a place in a slot. Returns the booking and its private token (shown once, sent once)."""
    slot = AppointmentSlot.objects.select_for_update(of=("self",)).select_related("event").get(pk=slot.pk)
    if slot.event_id != event.pk or not slot.event.is_open:
        raise Refusal(CLOSED)
    if slot.bookings.active().count() >= slot.places:
        raise Refusal(_("Sorry, this time was just taken. Please choose another one."))
    contact_hash = keyed_hash(contact)
    if Booking.objects.active().filter(event=event, contact_hash=contact_hash).exists():
        raise Refusal(ALREADY_BOOKED)
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
    _save_with_new_code(booking, ALREADY_BOOKED)
    tell_contact(booking, "booking_confirmed", token=token, moved=False)
    return booking, token


@transaction.atomic
def booking_move(*, booking, slot):
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
def booking_cancel(*, booking):
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
def registration_create(*, event, first_name, contact_kind, contact, language, page_language):
    """Registers someone: confirmed while places remain, then on the waiting list. Returns it and its token."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.is_open or not event.takes_registrations:
        raise Refusal(CLOSED)
    contact_hash = keyed_hash(contact)
    if event.registrations.filter(contact_hash=contact_hash).exclude(status=Registration.Status.CANCELLED).exists():
        raise Refusal(ALREADY_REGISTERED)
    has_room = event.registrations.confirmed().count() < event.capacity
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
    _save_with_new_code(registration, ALREADY_REGISTERED)
    tell_contact(registration, "registration_confirmed", token=token)
    return registration, token


@transaction.atomic
def registration_cancel(*, registration):
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


def promote_waiting(event):
    """Confirms people from the waiting list, first come first served, while places are free; tells each one.

    The caller holds the event's row lock inside a transaction.
    """
    free = event.capacity - event.registrations.confirmed().count()
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


def _save_with_new_code(person, duplicate_message):
    """Saves with a fresh reference code, unique across bookings and registrations (retried on a collision)."""
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
            raise Refusal(duplicate_message) from None
        return person
    raise RuntimeError("No free reference code after 5 attempts.")
