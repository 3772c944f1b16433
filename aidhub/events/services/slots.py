"""Appointment slots of an event, set up by its organizers: families book them (aidhub.events.services.families)."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from aidhub.accounts.models import User
from aidhub.events.models import AppointmentSlot, Event, Shift
from aidhub.events.models.events import page_version
from aidhub.events.services import Refusal
from aidhub.lib import fragments


def slots_add(
    *, actor: User, event: Event, times: list[tuple[datetime, datetime]], places: int, shift: Shift | None
) -> list[AppointmentSlot]:
    """Adds a slot at each of these times (start, end) that has none yet; returns the slots added. Refusal when
    someone else added slots at the same moment."""
    try:
        with transaction.atomic():
            existing = set(event.slots.values_list("starts_at", flat=True))
            new = [
                AppointmentSlot(event=event, starts_at=start, ends_at=end, places=places, shift=shift)
                for start, end in times
                if start not in existing
            ]
            AppointmentSlot.objects.bulk_create(new)
            # bulk_create skips save(), which renews the event's cached public page: renewed here.
            fragments.bump(page_version(event.pk))
    except IntegrityError:
        raise Refusal(_("Someone else just added slots. Please look at the list and try again.")) from None
    return new


@transaction.atomic
def slot_delete(*, actor: User, slot: AppointmentSlot) -> None:
    """Removes a slot no family booked; Refusal when one did."""
    slot = AppointmentSlot.objects.select_for_update().get(pk=slot.pk)
    if slot.bookings.active().exists():
        raise Refusal(_("A family has booked this slot, so it stays."))
    slot.delete()
