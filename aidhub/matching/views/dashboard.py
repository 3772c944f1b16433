from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from aidhub.core.decorators import organizer_required
from aidhub.core.models import NetworkSettings, organizer_area_ids
from aidhub.matching import stats
from aidhub.matching.models import Match
from aidhub.needs.models import HelpRequest


@require_safe
@organizer_required
@never_cache
def dashboard(request):
    """What is unmet, by category, language and area; what waits; how fast help comes."""
    timeout_hours = NetworkSettings.load().proposal_timeout_hours
    area_ids = organizer_area_ids(request.user)
    requests, matches = HelpRequest.objects.in_areas(area_ids), Match.objects.in_areas(area_ids)
    return render(
        request,
        "matching/dashboard.html",
        {**stats.dashboard(requests, matches, timeout_hours), "timeout_hours": timeout_hours},
    )
