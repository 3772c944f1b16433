"""Shifts: set up by an event's organizers, taken and left by volunteers. Never more sign-ups than places, however
many click at once."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from aidhub.accounts.capabilities import may_take_shift, shift_category
from aidhub.accounts.models import User
from aidhub.core.models import Category, Language
from aidhub.events.models import Event, Shift, ShiftSignup
from aidhub.events.services import CLOSED, Refusal


@transaction.atomic
def shift_save(
    *,
    actor: User,
    event: Event,
    shift: Shift | None = None,
    role: str,
    language: Language | None,
    note: str,
    starts_at: datetime,
    ends_at: datetime,
    places: int,
) -> Shift:
    """Adds a shift to the event, or saves the organizer's changes to `shift` (one of the event's)."""
    shift = Shift(event=event) if shift is None else Shift.objects.select_for_update().get(pk=shift.pk, event=event)
    shift.role, shift.language, shift.note = role, language, note
    shift.starts_at, shift.ends_at, shift.places = starts_at, ends_at, places
    shift.save()
    return shift


@transaction.atomic
def shift_delete(*, actor: User, shift: Shift) -> None:
    """Removes a shift nobody signed up for; Refusal when volunteers did."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    if shift.signups.exists():
        raise Refusal(_("Volunteers have signed up for this shift, so it stays."))
    shift.delete()


def not_allowed_message(shift: Shift) -> StrOrPromise:
    """Why this volunteer may not take this shift, in the reader's language."""
    category = shift_category(shift)
    if category is None:
        return _("Only volunteers with an active account can take this shift.")
    return _("Only volunteers an organizer has confirmed for %(kind)s can take this shift.") % {
        "kind": Category(category).in_sentence
    }


@transaction.atomic
def shift_signup(*, shift: Shift, volunteer: User) -> ShiftSignup:
    """Takes a place. The shift's row is locked while places are counted, so two people cannot take the last one."""
    shift = Shift.objects.select_for_update(of=("self",)).select_related("event").get(pk=shift.pk)
    if not shift.event.is_open or shift.is_past:
        raise Refusal(CLOSED)
    if not may_take_shift(volunteer, shift):
        raise Refusal(not_allowed_message(shift))
    if ShiftSignup.objects.filter(shift=shift, volunteer=volunteer).exists():
        raise Refusal(_("You already have this shift."))
    if shift.signups.count() >= shift.places:
        raise Refusal(_("Sorry, this shift is full."))
    overlapping = ShiftSignup.objects.filter(
        volunteer=volunteer,
        shift__event=shift.event,
        shift__starts_at__lt=shift.ends_at,
        shift__ends_at__gt=shift.starts_at,
    )
    if overlapping.exists():
        raise Refusal(_("You already have another shift at that time."))
    try:
        with transaction.atomic():
            return ShiftSignup.objects.create(shift=shift, volunteer=volunteer)
    except IntegrityError:
        raise Refusal(_("You already have this shift.")) from None


@transaction.atomic
def shift_leave(*, signup: ShiftSignup) -> None:
    """Gives the place back, for someone else to take."""
    if signup.shift.is_past:
        raise Refusal(_("This shift is over."))
    signup.delete()
