from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from aidhub.core.decorators import organizer_required
from aidhub.core.models import NetworkSettings
from aidhub.core.selectors import organizer_area_ids
from aidhub.lib import fragments
from aidhub.lib.replica import reads_from_replica
from aidhub.matching import stats
from aidhub.matching.models import Match
from aidhub.matching.views.volunteers import vetting_requests_for_organizer
from aidhub.needs.models import HelpRequest

# The "waiting for 3 hours" times may lag this much; every change to a request or match renews the figures.
FIGURES_TIMEOUT = 60


@require_safe
@organizer_required
@never_cache
@reads_from_replica
def dashboard(request):
    """What is unmet, by category, language and area; what waits; how fast help comes."""
    area_ids = organizer_area_ids(request.user)

    def figures():
        # The proposal timeout comes with the figures: a change in the admin renews them ("requests").
        timeout_hours = NetworkSettings.load().proposal_timeout_hours
        requests, matches = HelpRequest.objects.in_areas(area_ids), Match.objects.in_areas(area_ids)
        context = {**stats.dashboard(requests, matches, timeout_hours), "timeout_hours": timeout_hours}
        return render_to_string("matching/_dashboard.html", context, request=request)

    # Figures over thousands of requests: a cached fragment per set of areas (organizers of the same areas
    # share it), renewed whenever a request or a match changes.
    parts = [get_language(), area_ids]
    html = fragments.cached(
        "dashboard", parts, versions=["requests", "reference"], build=figures, timeout=FIGURES_TIMEOUT
    )
    # Read afresh: a volunteer waits for this answer before they can help.
    vetting_requests = vetting_requests_for_organizer(request.user).count()
    return render(
        request, "matching/dashboard.html", {"figures": mark_safe(html), "vetting_requests": vetting_requests}
    )
