import sys

from django.conf import settings
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from aidhub.core.decorators import organizer_required
from aidhub.core.filters import OrganizationFilter
from aidhub.core.models import AuditEvent, Category, NetworkSettings, Organization
from aidhub.core.selectors import audit_events_for_organizer
from aidhub.lib import pagecache


@require_safe
def home(request):
    # The same for everyone not signed in, in each language (a translator's correction renews "reference").
    return pagecache.page(request, "home", versions=["reference"], build=lambda: _home_page(request))


def _home_page(request):
    return render(request, "core/home.html", {"categories": Category})


@require_safe
def volunteer_intro(request):
    """What volunteering here means, on one screen, before the sign-up form (issue 17): which kinds of help need an
    organizer's confirmation, what families see of a volunteer, what the network keeps."""
    vetted = [Category(value) for value in NetworkSettings.load().vetted_categories if value in Category.values]
    return render(request, "core/volunteer_intro.html", {"vetted": vetted})


@require_safe
@never_cache
def sent(request):
    """ "Check your messages": the same page whatever the form found (aidhub.lib.quiet)."""
    return render(request, "core/sent.html")


@require_safe
def accessibility(request):
    """The accessibility statement: what was tested, what is known not to work yet, how to report a barrier."""
    return render(request, "core/accessibility.html", {"network_email": settings.NETWORK_EMAIL})


@require_safe
def organization_list(request):
    organizations = Organization.objects.active().prefetch_related("areas", "languages")
    organization_filter = OrganizationFilter(request.GET, queryset=organizations)
    page = Paginator(organization_filter.qs, settings.ORGANIZATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "core/organization_list.html", {"filter": organization_filter, "page": page})


@require_safe
@organizer_required
def audit_trail(request):
    """Organizers see what was done in their organizations: who looked at families' details, exported, …"""
    events = audit_events_for_organizer(request.user).select_related("actor__volunteer_profile", "organization")
    action = request.GET.get("action", "")
    if action in AuditEvent.Action.values:
        events = events.filter(action=action)
    page = Paginator(events, settings.REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "core/audit_trail.html", {"page": page, "actions": AuditEvent.Action.choices, "action": action}
    )


def server_error(request):
    """A generic, translated error page that shows nothing of the request. When the database is restarting,
    a "try again" page instead: the next request reconnects by itself (CONN_HEALTH_CHECKS)."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return HttpResponse(render_to_string("503.html"), status=503)
    return HttpResponse(render_to_string("500.html"), status=500)
