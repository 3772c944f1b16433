from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from aidhub.accounts.models import get_volunteer_profile
from aidhub.core.models import is_organizer
from aidhub.matching.models import Match
from aidhub.offers.models import Offer


@require_safe
@login_required
def dashboard(request):
    """A volunteer's home: who asks for their help, their profile at a glance, their offers with review status."""
    profile = get_volunteer_profile(request.user)
    offers = Offer.objects.filter(volunteer=request.user).exclude(status=Offer.Status.ARCHIVED)
    matches = Match.objects.for_volunteer(request.user).active().select_related("help_request__area")
    matches = matches.without_personal_data()
    return render(
        request,
        "portal/dashboard.html",
        {
            "profile": profile,
            "matches": matches.order_by("-proposed_at"),
            "offers": offers.prefetch_related("languages", "areas").order_by("-updated_at"),
            "is_organizer": is_organizer(request.user),
        },
    )
