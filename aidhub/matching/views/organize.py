"""Organizers' pages: the queue of requests, one request with its matches, suggestions and check-in."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from aidhub.core.decorators import organizer_required
from aidhub.core.models import Category, NetworkSettings
from aidhub.core.selectors import organizer_area_ids
from aidhub.lib import fragments
from aidhub.matching import services
from aidhub.matching.filters import RequestQueueFilter, with_queue_flags
from aidhub.matching.forms import CheckInForm, ProposeForm
from aidhub.matching.models import Match
from aidhub.matching.ranking import Refusal
from aidhub.matching.suggestions import suggestions_for
from aidhub.needs.forms import CloseForm
from aidhub.needs.models import HelpRequest
from aidhub.needs.services import record_contact_shown
from aidhub.offers.models import Offer


def _get_request_for_organizer(request, pk):
    """A request in the areas this organizer serves; any other answers 404."""
    queryset = HelpRequest.objects.visible_to_organizer(request.user).select_related("language", "area")
    return get_object_or_404(queryset, pk=pk)


def _get_match_for_organizer(request, pk):
    queryset = Match.objects.visible_to_organizer(request.user).select_related("help_request", "volunteer")
    return get_object_or_404(queryset, pk=pk)


@require_safe
@organizer_required
def queue(request):
    area_ids = organizer_area_ids(request.user)
    requests = with_queue_flags(HelpRequest.objects.in_areas(area_ids).by_priority())
    queue_filter = RequestQueueFilter(request.GET, queryset=requests, user=request.user)
    page = Paginator(queue_filter.qs, settings.REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    # The filter form, with its lists of languages and areas, is the same for organizers of the same areas
    # with the same filters: a cached fragment. The requests themselves are always read afresh.
    query = sorted(request.GET.lists())
    filters = fragments.cached(
        "queue-filters",
        [get_language(), area_ids, query],
        versions=["reference"],
        build=lambda: render_to_string("matching/_queue_filters.html", {"filter": queue_filter}, request=request),
    )
    return render(request, "matching/queue.html", {"filters": mark_safe(filters), "page": page})


@require_safe
@organizer_required
@never_cache
def request_detail(request, pk):
    help_request = _get_request_for_organizer(request, pk)
    matches = help_request.matches.select_related("volunteer__volunteer_profile", "check_in", "offer")
    overdue = help_request.matches.overdue(NetworkSettings.load().proposal_timeout_hours)
    return render(
        request,
        "matching/request_detail.html",
        {"help_request": help_request, "matches": matches, "overdue": list(overdue), "close_form": CloseForm()},
    )


@require_safe
@organizer_required
@never_cache
def request_contact(request, pk):
    """Shows the family's name, contact and description; every showing is audited (ids only)."""
    help_request = _get_request_for_organizer(request, pk)
    record_contact_shown(help_request=help_request, user=request.user)
    return render(request, "matching/request_contact.html", {"help_request": help_request})


@require_safe
@organizer_required
def suggestions(request, pk):
    help_request = _get_request_for_organizer(request, pk)
    return render(
        request,
        "matching/suggestions.html",
        {"help_request": help_request, "suggestions": suggestions_for(help_request, limit=20)},
    )


def _refusal_message(reason, help_request):
    if reason == Refusal.NOT_CONFIRMED:
        return _("This volunteer has not been confirmed by an organizer for %(kind)s.") % {
            "kind": Category(help_request.category).in_sentence
        }
    return {
        Refusal.INACTIVE: _("This volunteer's account is closed."),
        Refusal.DECLINED: _("This volunteer already said no to this family."),
        Refusal.FULL: _("This volunteer already helps as many families as they can."),
        Refusal.OUT_OF_REACH: _("This volunteer neither speaks the family's language nor reaches its area."),
    }.get(reason, _("This volunteer cannot be asked for this request."))


@require_POST
@organizer_required
def propose(request, pk):
    help_request = _get_request_for_organizer(request, pk)
    form = ProposeForm(request.POST)
    offer = None
    if form.is_valid():
        offer = Offer.objects.filter(pk=form.cleaned_data["offer"]).first()
    if offer is None:
        messages.error(request, _("This volunteer cannot be asked for this request."))
        return redirect("matching:suggestions", pk=help_request.pk)
    try:
        services.match_propose(help_request=help_request, offer=offer, proposed_by=request.user)
    except services.MatchConflict:
        messages.warning(request, _("Someone already asked a volunteer for this request; nothing was changed."))
    except services.MatchRefused as refused:
        for reason in refused.reasons:
            messages.error(request, _refusal_message(reason, help_request))
        return redirect("matching:suggestions", pk=help_request.pk)
    else:
        messages.success(request, _("The volunteer is asked. You will see here when they answer."))
    return redirect("matching:request_detail", pk=help_request.pk)


@require_POST
@organizer_required
def cancel(request, pk):
    match = _get_match_for_organizer(request, pk)
    try:
        services.match_cancel(match=match)
        messages.success(request, _("The proposal is withdrawn and the request is back in the queue."))
    except services.MatchConflict:
        messages.warning(request, _("This match can no longer be withdrawn."))
    return redirect("matching:request_detail", pk=match.help_request_id)


@organizer_required
def check_in(request, pk):
    match = _get_match_for_organizer(request, pk)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _check_in, follow_up = services.check_in_record(
                match=match,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                recorded_by=request.user,
            )
        except services.MatchConflict:
            messages.warning(request, _("A check-in is only recorded once, after the help was given."))
        else:
            messages.success(request, _("The check-in is recorded."))
            if follow_up is not None:
                messages.info(request, _("A follow-up request is open: %(code)s.") % {"code": follow_up.reference_code})
        return redirect("matching:request_detail", pk=match.help_request_id)
    if request.method == "GET" and match.status != Match.Status.DONE:
        return redirect("matching:request_detail", pk=match.help_request_id)
    return render(request, "matching/check_in.html", {"match": match, "form": form})
