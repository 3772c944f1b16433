"""Reminders the day before and two hours before, and cancellation notices, each sent exactly once.

`manage.py send_event_reminders` runs `send_due_reminders()` every few minutes. A `Reminder` row is written in the
same transaction as the message is queued; its unique constraint makes a second run (or two runs at once) skip it.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from aidhub.accounts.capabilities import capabilities_of_many
from aidhub.events.models import Booking, Event, Pledge, Registration, Reminder, ShiftSignup
from aidhub.events.services.messages import tell_contact, tell_volunteer

DAY_BEFORE = timedelta(hours=24)
TWO_HOURS = timedelta(hours=2)


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Sends every reminder that is due and was not sent yet. Returns how many messages were queued."""
    now = now or timezone.now()
    # The day-before reminder is due from 24 hours before the start until the two-hour one takes over.
    windows = [
        (Reminder.Kind.DAY_BEFORE, now + TWO_HOURS, now + DAY_BEFORE),
        (Reminder.Kind.TWO_HOURS, now, now + TWO_HOURS),
    ]
    sent = 0
    for kind, after, until in windows:
        sent += _remind_volunteers(kind, after, until)
        sent += _remind_families(kind, after, until)
        sent += _remind_attendees(kind, after, until)
    # Events cancelled some other way (the admin, an interrupted request) still get their notices.
    for event in Event.objects.filter(status=Event.Status.CANCELLED, ends_at__gte=now):
        sent += notify_cancellation(event)
    return sent


def notify_cancellation(event: Event) -> int:
    """Tells everyone signed up, booked or registered that the event is cancelled. Returns how many were told."""
    told = 0
    kind = Reminder.Kind.CANCELLATION
    for signup in _not_yet(ShiftSignup.objects.filter(shift__event=event), kind, Reminder.Recipient.SHIFT_SIGNUP):
        told += _send_once(
            event, kind, Reminder.Recipient.SHIFT_SIGNUP, signup.pk,
            partial(tell_volunteer, signup.volunteer, "shift_cancelled", event=event, shift=signup.shift),
        )  # fmt: skip
    for booking in _not_yet(event.bookings.active(), kind, Reminder.Recipient.BOOKING):
        told += _send_once(
            event, kind, Reminder.Recipient.BOOKING, booking.pk,
            partial(tell_contact, booking, "booking_cancelled", slot=booking.slot),
        )  # fmt: skip
    registrations = event.registrations.filter(status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING])
    for registration in _not_yet(registrations, kind, Reminder.Recipient.REGISTRATION):
        told += _send_once(
            event, kind, Reminder.Recipient.REGISTRATION, registration.pk,
            partial(tell_contact, registration, "registration_cancelled"),
        )  # fmt: skip
    return told


def _remind_volunteers(kind: str, after: datetime, until: datetime) -> int:
    due = ShiftSignup.objects.filter(
        shift__event__status=Event.Status.PUBLISHED, shift__starts_at__gt=after, shift__starts_at__lte=until
    ).select_related("volunteer__volunteer_profile", "shift__event__area", "shift__language")
    signups = list(_not_yet(due, kind, Reminder.Recipient.SHIFT_SIGNUP))
    # The reminder gives the address: only volunteers who may serve the shift now get one.
    capabilities = capabilities_of_many({signup.volunteer for signup in signups})
    sent = 0
    for signup in signups:
        if not capabilities[signup.volunteer_id].may_take_shift(signup.shift):
            continue
        event = signup.shift.event
        sent += _send_once(
            event, kind, Reminder.Recipient.SHIFT_SIGNUP, signup.pk,
            partial(tell_volunteer, signup.volunteer, "shift_reminder", event=event, shift=signup.shift, kind=kind),
        )  # fmt: skip
    return sent


def _remind_families(kind: str, after: datetime, until: datetime) -> int:
    bookings = (
        Booking.objects.active()
        .filter(event__status=Event.Status.PUBLISHED, slot__starts_at__gt=after, slot__starts_at__lte=until)
        .select_related("event__area", "slot")
    )
    sent = 0
    for booking in _not_yet(bookings, kind, Reminder.Recipient.BOOKING):
        sent += _send_once(
            booking.event, kind, Reminder.Recipient.BOOKING, booking.pk,
            partial(tell_contact, booking, "booking_reminder", slot=booking.slot, kind=kind),
        )  # fmt: skip
    return sent


def _remind_attendees(kind: str, after: datetime, until: datetime) -> int:
    registrations = (
        Registration.objects.confirmed()
        .filter(event__status=Event.Status.PUBLISHED, event__starts_at__gt=after, event__starts_at__lte=until)
        .select_related("event__area")
    )
    sent = 0
    for registration in _not_yet(registrations, kind, Reminder.Recipient.REGISTRATION):
        sent += _send_once(
            registration.event, kind, Reminder.Recipient.REGISTRATION, registration.pk,
            partial(tell_contact, registration, "registration_reminder", kind=kind),
        )  # fmt: skip
    return sent


def _not_yet[M: Model](queryset: QuerySet[M], kind: str, recipient: str) -> QuerySet[M]:
    sent = Reminder.objects.filter(kind=kind, recipient=recipient).values("object_id")
    return queryset.exclude(pk__in=sent)


def _send_once(event: Event, kind: str, recipient: str, object_id: int, send: Callable[[], None]) -> int:
    """Records the reminder and queues the message together (`send`, with what it says bound to it: see
    functools.partial); a reminder recorded already is skipped."""
    try:
        with transaction.atomic():
            Reminder.objects.create(event=event, kind=kind, recipient=recipient, object_id=object_id)
            send()
    except IntegrityError:
        return 0
    return 1


@transaction.atomic
def purge_personal_data(*, days: int, now: datetime | None = None) -> int:
    """Erases names and contacts of bookings, registrations and pledges `days` after their event ended."""
    now = now or timezone.now()
    over = Event.objects.filter(ends_at__lt=now - timedelta(days=days))
    erased = 0
    for model in (Booking, Registration):
        for person in model.objects.filter(event__in=over).filter(
            Q(first_name__isnull=False) | Q(contact__isnull=False)
        ):
            person.erase_personal_data()
            person.save(update_fields=["first_name", "contact", "contact_hash", "updated_at"])
            erased += 1
    pledges = Pledge.objects.filter(item__event__in=over).filter(Q(first_name__isnull=False) | Q(contact__isnull=False))
    for pledge in pledges:
        pledge.first_name = pledge.contact = ""
        pledge.save(update_fields=["first_name", "contact"])
        erased += 1
    return erased
