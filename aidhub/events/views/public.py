"""The public list and page of an event, and volunteers taking or leaving a shift there."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from aidhub.accounts.capabilities import capabilities_of, shift_vetting_category
from aidhub.accounts.models import Vetting
from aidhub.accounts.services import vetting_request
from aidhub.core.models import Category
from aidhub.events.filters import EventFilter
from aidhub.events.models import Event, Pledge, ShiftSignup
from aidhub.events.models.events import page_version
from aidhub.events.services import Refusal
from aidhub.events.services.shifts import shift_leave, shift_signup
from aidhub.events.views.access import get_public_event, get_public_shift, get_signup_for_volunteer
from aidhub.lib import fragments, pagecache


@require_safe
def event_list(request):
    """Everyone reading the list in one language with the same filters and page sees the same thing: a cached
    fragment, rebuilt as soon as an event or the reference data change (Event.save bumps "events"), and for
    visitors not signed in the whole page."""
    return pagecache.page(
        request,
        "events",
        versions=["events", "reference"],
        parameters=LISTING_PARAMETERS,
        build=lambda: _event_list_page(request),
    )


def _event_list_page(request):
    clean, query = fragments.only_parameters(request, LISTING_PARAMETERS)
    listing = fragments.cached(
        "events", [get_language(), query], versions=["events", "reference"], build=lambda: _listing(clean)
    )
    # The calendar feed follows the area and language chosen here.
    feed_query = urlencode({key: request.GET[key] for key in ("area", "language") if request.GET.get(key)})
    feed_url = reverse("events:feed") + (f"?{feed_query}" if feed_query else "")
    return render(request, "events/event_list.html", {"listing": mark_safe(listing), "feed_url": feed_url})


LISTING_PARAMETERS = [*EventFilter.base_filters, "page"]


def _listing(request):
    events = Event.objects.listed().upcoming().for_listing().with_open_places()
    event_filter = EventFilter(request.GET, queryset=events)
    page = Paginator(event_filter.qs, settings.EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"filter": event_filter, "page": page, "is_filtered": bool(set(request.GET) - {"page"})}
    return render_to_string("events/_listing.html", context, request=request)


@require_safe
def event_detail(request, pk):
    if request.user.is_authenticated:
        # Volunteers see their own shifts, and the address once they have one.
        event = get_public_event(pk)
        return render(request, "events/event_detail.html", event_page_context(request, event))
    # Everyone else sees the same page: a cached fragment per event and language, rebuilt when the event or
    # anything counted on it changes (ShownOnEventPage); a minute at most for anything else. A cached page is
    # served without a query: it was built from a public event, and unpublishing or deleting the event renews
    # its version (Event.save and Event.delete), so a draft's page is never served from the cache.
    versions = [page_version(pk), "reference"]
    return pagecache.page(
        request, "event", versions=versions, timeout=60, build=lambda: _public_event_response(request, pk, versions)
    )


def _public_event_response(request, pk, versions):
    title, body = fragments.cached(
        "event", [pk, get_language()], versions=versions, timeout=60, build=lambda: _public_event_page(request, pk)
    )
    return render(request, "events/event_detail.html", {"title": title, "body": mark_safe(body)})


def _public_event_page(request, pk):
    """The title and the body of the page that everyone not signed in sees; 404 for a draft."""
    context = event_page_context(request, get_public_event(pk))
    return context["title"], render_to_string("events/_event_body.html", context, request=request)


def event_page_context(request, event):
    """What the event's page shows: shifts, slots, supplies and places, with the reader's own sign-ups."""
    shifts = list(event.shifts.with_counts().select_related("language"))
    slots = list(event.slots.with_counts())
    supplies = list(event.supplies.with_counts())
    my_shift_ids = set()
    capabilities = capabilities_of(request.user)
    for shift in shifts:
        # Shown to everyone: which shifts only confirmed volunteers may take (the same for every reader).
        category = capabilities.vetting_category(shift)
        shift.vetting_kind = Category(category).in_sentence if category else None
        shift.may_take = capabilities.may_take_shift(shift)
    if request.user.is_authenticated:
        signups = ShiftSignup.objects.filter(shift__event=event, volunteer=request.user)
        held = set(signups.values_list("shift_id", flat=True))
        asked = dict(request.user.vettings.values_list("category", "status"))
        for shift in shifts:
            shift.held = shift.pk in held
            shift.confirmation = asked.get(capabilities.vetting_category(shift))
        # A sign-up for a shift the volunteer may not take (any more) is theirs to leave, but shows no address.
        my_shift_ids = {shift.pk for shift in shifts if shift.held and shift.may_take}
    context = {
        "event": event,
        "title": str(event.translated("title")),
        "shifts": shifts,
        "my_shift_ids": my_shift_ids,
        "free_slots": sum(1 for slot in slots if slot.booked < slot.places),
        "has_slots": bool(slots),
        "supplies": supplies,
        "missing_supplies": [item for item in supplies if item.missing > 0],
        "show_address": event.address_is_public or _signed_up(request, event, my_shift_ids),
    }
    if event.takes_registrations:
        confirmed = event.registrations.confirmed().count()
        context["places_left"] = max(event.capacity - confirmed, 0)
    return context


def _signed_up(request, event, my_shift_ids):
    """Volunteers with a shift, people who pledged while signed in, and the event's organizers see a private address."""
    if not request.user.is_authenticated:
        return False
    if my_shift_ids:
        return True
    if Event.objects.organized_by(request.user).filter(pk=event.pk).exists():
        return True
    return Pledge.objects.filter(item__event=event, pledger=request.user).exists()


@require_POST
@login_required
def shift_signup_view(request, pk):
    shift = get_public_shift(pk)
    try:
        shift_signup(shift=shift, volunteer=request.user)
    except Refusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("Thank you! You have the shift “%(shift)s”. We will remind you the day before.") % {"shift": shift.label},
        )
    return redirect("events:detail", shift.event_id)


@require_POST
@login_required
def shift_ask_confirmation(request, pk):
    """A volunteer asks to be confirmed for the kind of help of a shift; the event's organizers see the request."""
    shift = get_public_shift(pk)
    category = shift_vetting_category(shift)
    if category is not None:
        vetting = vetting_request(volunteer=request.user, category=category, organization=shift.event.organization)
        assert vetting is not None  # the shift's kind of help needs vetting (shift_vetting_category)
        if vetting.status == Vetting.Status.VETTED:
            messages.success(request, _("You are confirmed for this. You can take the shift."))
        elif vetting.status == Vetting.Status.DECLINED:
            messages.info(request, _("An organizer has not confirmed you for this. Please ask the organizers."))
        else:
            messages.success(
                request,
                _("Thank you. An organizer will confirm you first for %(kind)s; then you can take the shift.")
                % {"kind": Category(category).in_sentence},
            )
    return redirect("events:detail", shift.event_id)


@require_POST
@login_required
def shift_cancel_view(request, pk):
    signup = get_signup_for_volunteer(request, pk)
    try:
        shift_leave(signup=signup)
    except Refusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("You have left the shift. Thank you for telling us in time."))
    # From My page, back to My page.
    if request.POST.get("next") == "my":
        return redirect("portal:dashboard")
    return redirect("events:detail", signup.shift.event_id)
