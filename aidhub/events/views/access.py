"""Every access decision about events, one helper per model and audience. Objects a person may not see answer 404."""

from django.shortcuts import get_object_or_404

from aidhub.core.tokens import hash_access_token
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


def get_event_for_server(request, pk):
    """A volunteer serving appointment slots at this event (signed up for a shift that serves slots)."""
    events = Event.objects.public().filter(shifts__signups__volunteer=request.user, shifts__slots__isnull=False)
    return get_object_or_404(events.distinct().select_related("area"), pk=pk)


def get_booking_for_family(token):
    """Whoever holds the private link of a booking."""
    queryset = Booking.objects.select_related("event__area", "event__organization", "slot", "language")
    return get_object_or_404(queryset, token_hash=hash_access_token(token))


def get_registration_for_person(token):
    """Whoever holds the private link of a registration."""
    queryset = Registration.objects.select_related("event__area", "event__organization", "language")
    return get_object_or_404(queryset, token_hash=hash_access_token(token))


def get_feed_owner(token):
    """Whoever holds a volunteer's private calendar link (calendar programs send no cookies)."""
    return get_object_or_404(CalendarFeed.objects.select_related("user"), token_hash=hash_access_token(token)).user


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
