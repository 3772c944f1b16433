from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.views.decorators.http import require_safe

from aidhub.accounts.models import get_volunteer_profile
from aidhub.core.models import is_organizer
from aidhub.events.models import AppointmentSlot, ShiftSignup
from aidhub.offers.models import Offer


@require_safe
@login_required
def dashboard(request):
    """A volunteer's home: their profile at a glance, their offers with review status and their coming shifts."""
    profile = get_volunteer_profile(request.user)
    offers = Offer.objects.filter(volunteer=request.user).exclude(status=Offer.Status.ARCHIVED)
    shifts = ShiftSignup.objects.upcoming_for(request.user).annotate(
        serves_slots=Exists(AppointmentSlot.objects.filter(shift=OuterRef("shift")))
    )
    return render(
        request,
        "portal/dashboard.html",
        {
            "profile": profile,
            "offers": offers.prefetch_related("languages", "areas").order_by("-updated_at"),
            "shifts": shifts,
            "is_organizer": is_organizer(request.user),
        },
    )
