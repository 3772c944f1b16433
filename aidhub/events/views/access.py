"""Every access decision about events, one helper per model and audience. Objects a person may not see answer 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from aidhub.accounts.capabilities import capabilities_of
from aidhub.events.models import (
    AppointmentSlot,
    Booking,
    CalendarFeed,
    Event,
    Pledge,
    Registration,
    Shift,
    ShiftSignup,
    SupplyItem,
)
from aidhub.lib.tokens import hash_access_token


def get_public_event(pk):
    """Anyone: events that are published, cancelled or over; drafts answer 404."""
    return get_object_or_404(Event.objects.public().for_listing(), pk=pk)


def get_public_shift(pk):
    """Anyone signed in: a shift of an event with a public page (whether it is still open is the service's call)."""
    return get_object_or_404(Shift.objects.filter(event__in=Event.objects.public()), pk=pk)


def get_signup_for_volunteer(request, shift_pk):
    """The signed-in volunteer's own place in a shift."""
    return get_object_or_404(
        ShiftSignup.objects.select_related("shift__event"), shift_id=shift_pk, volunteer=request.user
    )


def get_shifts_served_by(request, pk):
    """The shifts of event `pk` through which the signed-in volunteer serves appointment slots: signed up, and
    allowed to take the shift now (a sign-up made before the volunteer's confirmation was taken back, or before
    shifts needed one, grants nothing). 404 when there is none."""
    shifts = (
        Shift.objects.filter(event__in=Event.objects.public(), event_id=pk, signups__volunteer=request.user)
        .filter(slots__isnull=False)
        .distinct()
        .select_related("event__area")
    )
    capabilities = capabilities_of(request.user)
    served = [shift for shift in shifts if capabilities.may_take_shift(shift)]
    if not served:
        raise Http404
    return served


def get_booking_for_family(token):
    """Whoever holds the private link of a booking."""
    queryset = Booking.objects.select_related("event__area", "event__organization", "slot", "language")
    return get_object_or_404(queryset, token_hash=hash_access_token(token))


def get_registration_for_person(token):
    """Whoever holds the private link of a registration."""
    queryset = Registration.objects.select_related("event__area", "event__organization", "language")
    return get_object_or_404(queryset, token_hash=hash_access_token(token))


def get_feed_owner(token):
    """Whoever holds a volunteer's private calendar link (calendar programs send no cookies), while its owner's
    account is active: the link dies with the account, however it was closed."""
    feeds = CalendarFeed.objects.filter(user__is_active=True).select_related("user")
    return get_object_or_404(feeds, token_hash=hash_access_token(token)).user


def _organized(request):
    return Event.objects.organized_by(request.user)


def get_event_for_organizer(request, pk):
    """An event of an organization this person organizes for."""
    return get_object_or_404(_organized(request).select_related("area", "organization"), pk=pk)


def get_shift_for_organizer(request, pk):
    return get_object_or_404(Shift.objects.filter(event__in=_organized(request)).select_related("event"), pk=pk)


def get_slot_for_organizer(request, pk):
    return get_object_or_404(
        AppointmentSlot.objects.filter(event__in=_organized(request)).select_related("event"), pk=pk
    )


def get_item_for_organizer(request, pk):
    return get_object_or_404(SupplyItem.objects.filter(event__in=_organized(request)).select_related("event"), pk=pk)


def get_pledge_for_organizer(request, pk):
    return get_object_or_404(Pledge.objects.filter(item__event__in=_organized(request)).select_related("item"), pk=pk)
