from allauth.account.decorators import reauthentication_required
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from aidhub.accounts.capabilities import capabilities_of
from aidhub.accounts.models import Vetting, get_volunteer_profile
from aidhub.core.models import AuditEvent, audit
from aidhub.events.models import AppointmentSlot, ShiftSignup
from aidhub.lib import fragments, pagecache
from aidhub.matching.models import Match
from aidhub.offers.models import Offer
from aidhub.portal.forms import EmergencyPurgeForm, confirmation_phrase
from aidhub.portal.retention import purge_everything_older_than


@require_safe
@login_required
def dashboard(request):
    """A volunteer's home: who asks for their help, their coming shifts, their profile, their offers."""
    profile = get_volunteer_profile(request.user)
    shifts = list(
        ShiftSignup.objects.upcoming_for(request.user).annotate(
            serves_slots=Exists(AppointmentSlot.objects.filter(shift=OuterRef("shift")))
        )
    )
    # A shift the volunteer may not serve (not confirmed, or no longer) shows neither its address nor its bookings.
    capabilities = capabilities_of(request.user)
    for signup in shifts:
        signup.allowed = capabilities.may_take_shift(signup.shift)
    vettings = list(Vetting.objects.filter(volunteer=request.user).order_by("category"))
    declined = {vetting.category for vetting in vettings if vetting.status == Vetting.Status.DECLINED}
    return render(
        request,
        "portal/dashboard.html",
        {
            "profile": profile,
            "profile_section": _profile(request, profile, vettings),
            "matches": _matches(request),
            "offers": _offers(request, capabilities, declined),
            "shifts": shifts,
        },
    )


def _profile(request, profile, vettings):
    """What the volunteer told us (languages, areas, kinds of help, free times) and what organizers confirmed: a
    cached fragment of their own, renewed when the profile is saved ("offers", bumped by the profile's service and
    the admin) or areas and languages change; the confirmations are read afresh and are part of the key."""

    def build():
        return render_to_string("portal/_profile.html", {"profile": profile, "vettings": vettings})

    facts = [(vetting.category, vetting.status) for vetting in vettings]
    html = fragments.cached(
        "my-profile", [request.user.pk, get_language(), facts], versions=["offers", "reference"], build=build
    )
    return mark_safe(html)


def _matches(request):
    """The families the volunteer helps now (kind of help and area, no family's details): a cached fragment of
    their own, renewed by every change to requests and matches ("requests") and to areas ("reference")."""

    def build():
        matches = (
            Match.objects.for_volunteer(request.user)
            .active()
            .select_related("help_request__area")
            .without_personal_data()
            .order_by("-proposed_at")
        )
        return render_to_string("portal/_matches.html", {"matches": matches})

    html = fragments.cached(
        "my-active-matches", [request.user.pk, get_language()], versions=["requests", "reference"], build=build
    )
    return mark_safe(html)


def _offers(request, capabilities, declined):
    """The volunteer's offers, each with its state and buttons: a cached fragment of their own (keyed by their id),
    renewed when offers or the reference data change, or what decides whether they wait for a confirmation (in
    the key). The buttons' forms carry a placeholder for the CSRF token, this page's own put back each time."""

    def build():
        offers = list(
            Offer.objects.filter(volunteer=request.user)
            .exclude(status=Offer.Status.ARCHIVED)
            .prefetch_related("languages", "areas")
            .order_by("-updated_at")
        )
        for offer in offers:
            # Not listed until an organizer confirms the volunteer (a declined one reads so under the profile).
            waits = capabilities.needs_confirmation(offer.category)
            offer.needs_confirmation = waits and offer.category not in declined
        return render_to_string("portal/_offers.html", {"offers": offers, "csrf_token": pagecache.hole("csrf")})

    facts = [sorted(capabilities.confirmed), sorted(capabilities.vetted), capabilities.active, sorted(declined)]
    html = fragments.cached(
        "my-offers", [request.user.pk, get_language(), facts], versions=["offers", "reference"], build=build
    )
    return mark_safe(pagecache.fill(html, {"csrf": lambda: get_token(request)}))


@reauthentication_required
def emergency_purge(request):
    """For administrators, in the admin: delete all family data of a chosen age now (e.g. before a raid or a
    seizure of the server). Asks for the password again and for typed words."""
    form = EmergencyPurgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        counts = purge_everything_older_than(days=form.cleaned_data["days"])
        audit(actor=request.user, action=AuditEvent.Action.DATA_PURGED)
        messages.success(
            request,
            _("Deleted: %(requests)s request(s), %(bookings)s booking(s) and registration(s), %(reports)s report(s).")
            % counts,
        )
        return redirect("admin:index")
    return render(
        request,
        "portal/emergency_purge.html",
        {
            **admin.site.each_context(request),
            "form": form,
            "phrase": confirmation_phrase(),
            "title": _("Emergency purge"),
        },
    )
