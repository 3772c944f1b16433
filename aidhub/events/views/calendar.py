"""Calendar files and a volunteer's own pages: the private calendar link and the appointment slots they serve."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from aidhub.accounts.capabilities import capabilities_of
from aidhub.events.filters import CalendarFilter
from aidhub.events.ical import events_calendar, ics_response, shifts_calendar
from aidhub.events.models import Booking, CalendarFeed, Event, ShiftSignup
from aidhub.events.services.calendar import calendar_feed_renew
from aidhub.events.views.access import get_feed_owner, get_public_event, get_shifts_served_by

# Calendars keep a month of past events, so that people see what took place.
PAST_DAYS = 31


@require_safe
def feed(request):
    """Published and cancelled events, optionally of one area or one language (the list's filters)."""
    since = timezone.now() - timedelta(days=PAST_DAYS)
    public = Event.objects.public().filter(ends_at__gte=since).select_related("area").order_by("starts_at")
    events = CalendarFilter(request.GET, queryset=public).qs
    return ics_response(events_calendar(events, _("Events")), "events.ics")


@require_safe
def event_ics(request, pk):
    event = get_public_event(pk)
    return ics_response(events_calendar([event], event.translated("title")), f"event-{event.pk}.ics")


@require_safe
def shift_feed(request, token):
    """A volunteer's shifts, for their calendar program; the token in the link is the only key."""
    user = get_feed_owner(token)
    since = timezone.now() - timedelta(days=PAST_DAYS)
    signups = (
        ShiftSignup.objects.filter(volunteer=user, shift__ends_at__gte=since)
        .exclude(shift__event__status=Event.Status.DRAFT)
        .select_related("shift__event__area", "shift__language")
        .order_by("shift__starts_at")
    )
    # Only shifts the volunteer may serve now: the others would give away a place they may not be told.
    capabilities = capabilities_of(user)
    servable = [signup for signup in signups if capabilities.may_take_shift(signup.shift)]
    return ics_response(shifts_calendar(servable, _("My shifts")), "my-shifts.ics", private=True)


@never_cache
@login_required
def my_calendar(request):
    """Makes (or replaces) the private calendar link; it is shown once, since only its hash is kept."""
    link = None
    if request.method == "POST":
        token = calendar_feed_renew(actor=request.user)
        link = request.build_absolute_uri(reverse("events:shift_feed", kwargs={"token": token}))
    current = CalendarFeed.objects.filter(user=request.user).first()
    return render(request, "events/my_calendar.html", {"link": link, "current": current})


@require_safe
@login_required
def my_slots(request, pk):
    """The slots a volunteer serves at one event: times, first names and languages, never contacts."""
    shifts = get_shifts_served_by(request, pk)
    event = shifts[0].event
    bookings = Booking.objects.active().select_related("language").order_by("created_at")
    slots = (
        event.slots.filter(shift__in=shifts)
        .select_related("shift__language")
        .prefetch_related(Prefetch("bookings", bookings))
        .order_by("starts_at", "pk")
    )
    return render(request, "events/my_slots.html", {"event": event, "slots": slots})
