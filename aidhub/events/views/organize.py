"""Organizers' pages: their organizations' events, each with its shifts, slots, supplies and people."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from aidhub.accounts.capabilities import capabilities_of_many
from aidhub.core.decorators import organizer_required
from aidhub.core.translations import (
    TranslationForm,
    translation_languages,
    translation_save,
    translations_page_context,
)
from aidhub.events.forms import EventForm, ShiftForm, SlotGenerateForm
from aidhub.events.models import Booking, Event, EventStateError, Pledge, Shift, ShiftSignup
from aidhub.events.services import Refusal
from aidhub.events.services import events as services
from aidhub.events.services import shifts as shift_services
from aidhub.events.services import slots as slot_services
from aidhub.events.views.access import get_event_for_organizer, get_shift_for_organizer, get_slot_for_organizer


@require_safe
@organizer_required
def organizer_event_list(request):
    events = (
        Event.objects.organized_by(request.user)
        .select_related("area", "organization")
        .annotate(volunteers=Count("shifts__signups", distinct=True))
        .with_open_places()
        .order_by("-starts_at", "-id")
    )
    page = Paginator(events, settings.EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "events/organize/event_list.html", {"page": page})


@organizer_required
def event_create(request):
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = services.event_save(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The event is saved as a draft. Add shifts, slots or supplies, then publish it."))
        return redirect("events:manage", event.pk)
    return render(request, "events/organize/event_form.html", {"form": form})


@organizer_required
def event_edit(request, pk):
    event = get_event_for_organizer(request, pk)
    if not event.can_edit:
        messages.error(request, _("A cancelled or finished event can no longer be changed."))
        return redirect("events:manage", event.pk)
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.event_save(actor=request.user, event=event, **form.cleaned_data)
        messages.success(request, _("Your changes are saved."))
        return redirect("events:manage", event.pk)
    return render(request, "events/organize/event_form.html", {"form": form, "event": event})


def night_languages(shifts):
    """The languages the lawyers and the interpreters of an event speak, from the sign-ups that may serve their
    shift (`signup.allowed`, asked of accounts.capabilities): two sets of language ids."""
    lawyers, interpreters = set(), set()
    for shift in shifts:
        if shift.role not in (Shift.Role.LAWYER, Shift.Role.INTERPRETER):
            continue
        for signup in shift.signups.all():
            if not signup.allowed:
                continue
            profile = getattr(signup.volunteer, "volunteer_profile", None)
            spoken = {language.pk for language in profile.languages.all()} if profile else set()
            if shift.role == Shift.Role.LAWYER:
                lawyers |= spoken
            elif shift.language_id is not None:
                interpreters.add(shift.language_id)
    return lawyers, interpreters


@require_safe
@organizer_required
def event_manage(request, pk):
    """The organizer's event page: sign-ups per shift, slots booked, supplies missing, people registered."""
    event = get_event_for_organizer(request, pk)
    signups = ShiftSignup.objects.select_related("volunteer__volunteer_profile").prefetch_related(
        "volunteer__volunteer_profile__languages"
    )
    shifts = list(event.shifts.with_counts().select_related("language").prefetch_related(Prefetch("signups", signups)))
    # Sign-ups that grant nothing (the volunteer is not, or no longer, confirmed for the shift's kind of help)
    # are marked, so that the organizer confirms the volunteer or finds someone else.
    capabilities = capabilities_of_many({signup.volunteer for shift in shifts for signup in shift.signups.all()})
    for shift in shifts:
        for signup in shift.signups.all():
            signup.allowed = capabilities[signup.volunteer_id].may_take_shift(shift)
    bookings = Booking.objects.active().select_related("language")
    slots = list(
        event.slots.with_counts().select_related("shift__language").prefetch_related(Prefetch("bookings", bookings))
    )
    # Families booked in a language no lawyer of the night speaks (nor an interpreter of the night) need one.
    lawyer_languages, interpreter_languages = night_languages(shifts)
    needed: dict[int, object] = {}
    for slot in slots:
        for booking in slot.bookings.all():
            booking.interpreter_needed = bool(lawyer_languages) and (
                booking.language_id not in lawyer_languages | interpreter_languages
            )
            if booking.interpreter_needed:
                needed.setdefault(booking.language_id, booking.language)
    pledges = Pledge.objects.select_related("pledger__volunteer_profile")
    supplies = event.supplies.with_counts().prefetch_related(Prefetch("pledges", pledges))
    registrations = event.registrations.exclude(status="cancelled").select_related("language")
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status="confirmed")), waiting=Count("pk", filter=Q(status="waiting"))
    )
    return render(
        request,
        "events/organize/event_manage.html",
        {
            "event": event,
            "shifts": shifts,
            "slots": slots,
            "interpreters_needed": list(needed.values()),
            "lawyer_languages": sorted(lawyer_languages),
            "supplies": supplies,
            "registrations": registrations,
            "counts": counts,
        },
    )


@require_POST
@organizer_required
def event_publish(request, pk):
    event = get_event_for_organizer(request, pk)
    try:
        services.event_publish(event=event)
        messages.success(request, _("The event is published."))
    except EventStateError:
        messages.error(request, _("Only a draft of an event still to come can be published."))
    return redirect("events:manage", event.pk)


@organizer_required
def event_cancel(request, pk):
    """Asks first: cancelling tells every volunteer, family and attendee."""
    event = get_event_for_organizer(request, pk)
    if request.method == "POST":
        try:
            services.event_cancel(event=event)
            messages.success(request, _("The event is cancelled. Everyone who signed up is being told."))
        except EventStateError:
            messages.error(request, _("This event can no longer be cancelled."))
        return redirect("events:manage", event.pk)
    people = {
        "volunteers": ShiftSignup.objects.filter(shift__event=event).count(),
        "families": event.bookings.active().count(),
        "attendees": event.registrations.exclude(status="cancelled").count(),
    }
    return render(request, "events/organize/event_cancel.html", {"event": event, "people": people})


@require_POST
@organizer_required
def event_finish(request, pk):
    event = get_event_for_organizer(request, pk)
    try:
        services.event_finish(event=event)
        messages.success(request, _("The event is marked as finished."))
    except EventStateError:
        messages.error(request, _("Only a published event that has started can be marked as finished."))
    return redirect("events:manage", event.pk)


@organizer_required
def shift_create(request, pk):
    event = get_event_for_organizer(request, pk)
    form = ShiftForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        shift_services.shift_save(actor=request.user, event=event, **form.cleaned_data)
        messages.success(request, _("The shift is added."))
        return redirect("events:manage", event.pk)
    return render(request, "events/organize/shift_form.html", {"form": form, "event": event})


@organizer_required
def shift_edit(request, pk):
    shift = get_shift_for_organizer(request, pk)
    form = ShiftForm(request.POST or None, instance=shift, event=shift.event)
    if request.method == "POST" and form.is_valid():
        shift_services.shift_save(actor=request.user, event=shift.event, shift=shift, **form.cleaned_data)
        messages.success(request, _("Your changes are saved."))
        return redirect("events:manage", shift.event_id)
    return render(request, "events/organize/shift_form.html", {"form": form, "event": shift.event, "shift": shift})


@require_POST
@organizer_required
def shift_delete(request, pk):
    shift = get_shift_for_organizer(request, pk)
    try:
        shift_services.shift_delete(actor=request.user, shift=shift)
    except Refusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The shift is removed."))
    return redirect("events:manage", shift.event_id)


@organizer_required
def slots_generate(request, pk):
    """“20 minutes from 18:00 to 21:00, N families each”; times that already have a slot are left as they are."""
    event = get_event_for_organizer(request, pk)
    form = SlotGenerateForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = slot_services.slots_add(
                actor=request.user, event=event, times=data["times"], places=data["places"], shift=data["shift"]
            )
        except Refusal as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request,
                ngettext("%(count)s slot was added.", "%(count)s slots were added.", len(new)) % {"count": len(new)},
            )
            return redirect("events:manage", event.pk)
    return render(request, "events/organize/slots_form.html", {"form": form, "event": event})


@require_POST
@organizer_required
def slot_delete(request, pk):
    slot = get_slot_for_organizer(request, pk)
    try:
        slot_services.slot_delete(actor=request.user, slot=slot)
    except Refusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The slot is removed."))
    return redirect("events:manage", slot.event_id)


@require_safe
@organizer_required
def event_translations(request, pk):
    """The title, description and accessibility notes in the other interface languages, one form each."""
    event = get_event_for_organizer(request, pk)
    return _translations_page(request, event)


@require_POST
@organizer_required
def event_translation_save(request, pk, language):
    event = get_event_for_organizer(request, pk)
    if language not in translation_languages(event):
        raise Http404
    form = TranslationForm(request.POST, instance=event, language=language)
    if form.is_valid():
        translation_save(instance=event, language=language, values=form.cleaned_data)
        messages.success(request, _("The translation into %(language)s is saved.") % {"language": form.language_name})
        return redirect(f"{reverse('events:translations', args=[event.pk])}#translation-{language}")
    return _translations_page(request, event, bound=form)


def _translations_page(request, event, bound=None):
    context = translations_page_context(event, action="events:translation_save", bound=bound)
    return render(
        request,
        "core/translations.html",
        {**context, "object": event, "back_url": reverse("events:manage", args=[event.pk])},
    )
