from allauth.account.decorators import reauthentication_required
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from aidhub.accounts.capabilities import capabilities_of
from aidhub.accounts.models import Vetting, get_volunteer_profile
from aidhub.core.models import AuditEvent, audit
from aidhub.core.selectors import is_organizer
from aidhub.events.models import AppointmentSlot, ShiftSignup
from aidhub.matching.models import Match
from aidhub.offers.models import Offer
from aidhub.portal.forms import EmergencyPurgeForm, confirmation_phrase
from aidhub.portal.retention import purge_everything_older_than


@require_safe
@login_required
def dashboard(request):
    """A volunteer's home: who asks for their help, their coming shifts, their profile, their offers."""
    profile = get_volunteer_profile(request.user)
    offers = list(
        Offer.objects.filter(volunteer=request.user)
        .exclude(status=Offer.Status.ARCHIVED)
        .prefetch_related("languages", "areas")
        .order_by("-updated_at")
    )
    matches = Match.objects.for_volunteer(request.user).active().select_related("help_request__area")
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
    for offer in offers:
        # Not listed until an organizer confirms the volunteer (a declined one reads so under the profile).
        offer.needs_confirmation = capabilities.needs_confirmation(offer.category) and offer.category not in declined
    matches = matches.without_personal_data()
    return render(
        request,
        "portal/dashboard.html",
        {
            "profile": profile,
            "matches": matches.order_by("-proposed_at"),
            "offers": offers,
            "shifts": shifts,
            "vettings": vettings,
            "is_organizer": is_organizer(request.user),
        },
    )


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
