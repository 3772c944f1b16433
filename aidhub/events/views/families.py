"""Families booking a slot and people registering for a workshop, without an account, then using the private link
they get by message. Both forms answer "check your messages" whether or not the contact was known (core.quiet)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST, require_safe

from aidhub.core.models import Language
from aidhub.events.forms import BookingForm, MoveBookingForm, RegistrationForm
from aidhub.events.services import Refusal
from aidhub.events.services import families as services
from aidhub.events.views.access import get_booking_for_family, get_public_event, get_registration_for_person
from aidhub.lib import quiet
from aidhub.lib.languages import spoken_code

# Error reports never show what people typed about themselves.
private_fields = sensitive_post_parameters("first_name", "contact")


def _contact_initial(request):
    return {"language": Language.objects.filter(code=spoken_code(translation.get_language())).first()}


def _contact_details(form):
    data = form.cleaned_data
    return {
        "first_name": data["first_name"].strip(),
        "contact_kind": data["contact_kind"],
        "contact": data["contact"],
        "language": data["language"],
        "page_language": translation.get_language(),
    }


@private_fields
@never_cache
def booking_create(request, pk):
    event = get_public_event(pk)
    initial = {**_contact_initial(request), "slot": request.GET.get("slot")}
    form = BookingForm(request.POST or None, event=event, initial=initial, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            services.booking_create(event=event, slot=form.cleaned_data["slot"], **_contact_details(form))
        except Refusal as refusal:
            form.add_error(None, refusal.message)
        else:
            text = _(
                "We sent a message to %(contact)s with your reference code and a private link to your appointment. "
                "If this phone number or email already had an appointment at this event, the message brings a new "
                "link to that one instead."
            )
            return quiet.sent(request, text % {"contact": quiet.mask_contact(form.cleaned_data["contact"])})
    status = 429 if form.rate_limited else 200
    return render(request, "events/booking_form.html", {"event": event, "form": form}, status=status)


@require_safe
@never_cache
def booking_detail(request, token):
    booking = get_booking_for_family(token)
    move_form = MoveBookingForm(booking=booking) if booking.is_active and booking.event.is_open else None
    return render(
        request, "events/booking_detail.html", {"booking": booking, "event": booking.event, "move_form": move_form}
    )


@require_POST
@never_cache
def booking_move(request, token):
    booking = get_booking_for_family(token)
    form = MoveBookingForm(request.POST, booking=booking)
    if form.is_valid():
        try:
            services.booking_move(booking=booking, slot=form.cleaned_data["slot"])
        except Refusal as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Your appointment has a new time."))
    else:
        messages.error(request, _("Choose one of the free times."))
    return redirect("events:booking", token=token)


@require_POST
@never_cache
def booking_cancel(request, token):
    booking = get_booking_for_family(token)
    services.booking_cancel(booking=booking)
    messages.success(request, _("Your appointment is cancelled, and we deleted your name and contact."))
    return redirect("events:booking", token=token)


@private_fields
@never_cache
def registration_create(request, pk):
    event = get_public_event(pk)
    form = RegistrationForm(request.POST or None, initial=_contact_initial(request), request=request)
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_create(event=event, **_contact_details(form))
        except Refusal as refusal:
            form.add_error(None, refusal.message)
        else:
            text = _(
                "We sent a message to %(contact)s with your reference code, a private link, and whether you have a "
                "place or are on the waiting list. If this phone number or email was already registered for this "
                "event, the message brings a new link to that registration instead."
            )
            return quiet.sent(request, text % {"contact": quiet.mask_contact(form.cleaned_data["contact"])})
    context = {"event": event, "form": form}
    if event.takes_registrations:
        context["places_left"] = max(event.capacity - event.registrations.confirmed().count(), 0)
    return render(request, "events/registration_form.html", context, status=429 if form.rate_limited else 200)


@require_safe
@never_cache
def registration_detail(request, token):
    registration = get_registration_for_person(token)
    context = {"registration": registration, "event": registration.event}
    if registration.status == registration.Status.WAITING:
        context["position"] = registration.waiting_position()
    return render(request, "events/registration_detail.html", context)


@require_POST
@never_cache
def registration_cancel(request, token):
    registration = get_registration_for_person(token)
    services.registration_cancel(registration=registration)
    messages.success(request, _("Your place is cancelled, and we deleted your name and contact."))
    return redirect("events:registration", token=token)
