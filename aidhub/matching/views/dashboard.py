from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from aidhub.core.decorators import organizer_required
from aidhub.core.models import NetworkSettings
from aidhub.matching import stats
from aidhub.needs.models import HelpRequest


@require_safe
@organizer_required
@never_cache
def dashboard(request):
    """What is unmet, by category, language and area; what waits; how fast help comes."""
    timeout_hours = NetworkSettings.load().proposal_timeout_hours
    requests = HelpRequest.objects.visible_to_organizer(request.user)
    return render(
        request,
        "matching/dashboard.html",
        {**stats.dashboard(requests, timeout_hours), "timeout_hours": timeout_hours},
    )
