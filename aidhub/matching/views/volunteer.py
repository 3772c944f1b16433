"""A volunteer's matches: answer a proposal, see the family's contact once accepted, mark the help as given."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from aidhub.lib import fragments
from aidhub.matching import services
from aidhub.matching.forms import DeclineForm
from aidhub.matching.models import Match
from aidhub.needs.forms import TextFamilyForm
from aidhub.needs.services import Refusal, record_contact_shown, request_text_send


def _get_match_for_volunteer(request, pk):
    """One of the signed-in volunteer's own matches; anyone else's answers 404."""
    queryset = (
        Match.objects.for_volunteer(request.user)
        .with_volunteer_speaks()
        .select_related(
            "help_request__language",
            "help_request__area",
            "help_request__partner_organization",
            "interpreter__volunteer_profile",
            "interpreter_language",
        )
    )
    return get_object_or_404(queryset, pk=pk)


@require_safe
@login_required
def my_matches(request):
    clean, query = fragments.only_parameters(request, ["page"])

    def listing():
        matches = (
            Match.objects.for_volunteer(request.user)
            .exclude(status__in=[Match.Status.CANCELLED])
            .select_related("help_request__language", "help_request__area")
            .without_personal_data()
            .order_by("-proposed_at", "-id")
        )
        page = Paginator(matches, settings.REQUESTS_PER_PAGE).get_page(clean.GET.get("page"))
        return render_to_string("matching/_my_matches.html", {"page": page}, request=clean)

    # The list (no family's details: kind of help, area, language, status) is this volunteer's own: a cached
    # fragment keyed by their id, renewed whenever a request or a match changes (every service bumps
    # "requests") or areas and languages do ("reference").
    html = fragments.cached(
        "my-matches", [request.user.pk, get_language(), query], versions=["requests", "reference"], build=listing
    )
    return render(request, "matching/my_matches.html", {"listing": mark_safe(html)})


@require_safe
@login_required
@never_cache
def match_detail(request, pk):
    match = _get_match_for_volunteer(request, pk)
    help_request = match.help_request
    if match.shows_contact:
        # Every showing of the family's details is audited, ids only.
        record_contact_shown(help_request=help_request, user=request.user)
    return render(request, "matching/match_detail.html", _detail_context(request, match))


def _detail_context(request, match, text_form=None):
    help_request = match.help_request
    may_text = help_request.may_be_texted_by(request.user)
    return {
        "match": match,
        "help_request": help_request,
        "decline_form": DeclineForm(),
        "text_form": (text_form or TextFamilyForm()) if may_text else None,
    }


@require_POST
@login_required
def text_family(request, pk):
    """The volunteer who accepted texts the family through the network's number (never seeing a number the family
    did not share); the family's replies join the request's thread, shown on this page."""
    match = _get_match_for_volunteer(request, pk)
    form = TextFamilyForm(request.POST)
    if not form.is_valid():
        return render(request, "matching/match_detail.html", _detail_context(request, match, form), status=400)
    try:
        request_text_send(actor=request.user, help_request=match.help_request, text=form.cleaned_data["text"])
    except Refusal as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The text message is sent to the family."))
    return redirect("matching:match_detail", pk=match.pk)


@require_POST
@login_required
def accept(request, pk):
    match = _get_match_for_volunteer(request, pk)
    try:
        services.match_accept(match=match)
        messages.success(request, _("Thank you! Please contact the family soon; their details are below."))
    except services.MatchConflict:
        messages.warning(request, _("This request is no longer waiting for your answer."))
    return redirect("matching:match_detail", pk=match.pk)


@require_POST
@login_required
def decline(request, pk):
    match = _get_match_for_volunteer(request, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reason, so the organizers can ask someone else well."))
        return redirect("matching:match_detail", pk=match.pk)
    try:
        services.match_decline(match=match, reason=form.cleaned_data["reason"])
        messages.success(request, _("Thank you for answering. An organizer will ask someone else."))
    except services.MatchConflict:
        messages.warning(request, _("This request is no longer waiting for your answer."))
    return redirect("matching:my_matches")


@require_POST
@login_required
def done(request, pk):
    match = _get_match_for_volunteer(request, pk)
    try:
        services.match_done(match=match)
        messages.success(request, _("Thank you for helping! An organizer will check in with the family."))
    except services.MatchConflict:
        messages.warning(request, _("Only an accepted match can be marked as done."))
    return redirect("matching:match_detail", pk=match.pk)
