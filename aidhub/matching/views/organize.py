"""Organizers' matching pages: suggestions for a request, asking a volunteer, withdrawing, the check-in.

The request's own pages (the queue, a request, the family's details) live in aidhub.needs; their matching part is
rendered by aidhub.matching.templatetags.matching."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from aidhub.accounts.models import VolunteerProfile
from aidhub.core.decorators import organizer_required
from aidhub.core.models import Category
from aidhub.matching import services
from aidhub.matching.forms import CheckInForm, ProposeForm
from aidhub.matching.models import Match
from aidhub.matching.ranking import Refusal
from aidhub.matching.suggestions import interpreter_suggestions_for, left_out_for, suggestions_for
from aidhub.matching.views.volunteers import volunteer_ids_for_organizer
from aidhub.needs.models import HelpRequest
from aidhub.needs.services import record_contact_shown
from aidhub.offers.models import Offer


def _get_request_for_organizer(request, pk):
    """A request in the areas this organizer serves; any other answers 404."""
    queryset = HelpRequest.objects.visible_to_organizer(request.user).select_related("language", "area")
    return get_object_or_404(queryset, pk=pk)


def _get_match_for_organizer(request, pk):
    queryset = Match.objects.visible_to_organizer(request.user).select_related(
        "help_request__language", "help_request__area", "help_request__partner_organization", "volunteer"
    )
    return get_object_or_404(queryset, pk=pk)


# A group's page lists at most this many volunteers (the count says how many there are).
LEFT_OUT_PAGE = 100
# Fewer suggestions than this, and the page says who was left out and why.
SHORT_LIST = 5


def _left_out_label(reason, help_request):
    """What a group of left-out volunteers has in common, in the organizer's words."""
    if reason == Refusal.OUT_OF_REACH:
        return _("Do not speak %(language)s and do not reach %(area)s") % {
            "language": help_request.language.native_name or help_request.language.name_en,
            "area": help_request.area.name,
        }
    return {
        Refusal.NOT_CONFIRMED: _("Not confirmed for this kind of help"),
        Refusal.FULL: _("Already helping as many families as they can"),
        Refusal.DECLINED: _("Said no to this family before"),
        Refusal.INACTIVE: _("Account closed"),
    }[reason]


@require_safe
@organizer_required
def suggestions(request, pk):
    help_request = _get_request_for_organizer(request, pk)
    found = suggestions_for(help_request, limit=20)
    groups = []
    if len(found) < SHORT_LIST:
        groups = [
            {"reason": reason, "label": _left_out_label(reason, help_request), "count": len(ids)}
            for reason, ids in left_out_for(help_request).items()
        ]
    return render(
        request,
        "matching/suggestions.html",
        {
            "help_request": help_request,
            "suggestions": found,
            "left_out": groups,
            "needing_interpreter": sum(1 for suggestion in found if suggestion.needs_interpreter),
        },
    )


@require_safe
@organizer_required
def left_out(request, pk, reason):
    """The volunteers of one group the suggestions left out (not confirmed, at capacity…), so the organizer can
    act: confirm someone, ask for an interpreter, look further."""
    help_request = _get_request_for_organizer(request, pk)
    groups = left_out_for(help_request)
    if reason not in groups:
        raise Http404
    ids = groups[reason][:LEFT_OUT_PAGE]
    profiles = (
        VolunteerProfile.objects.filter(user_id__in=ids).prefetch_related("languages", "areas").order_by("display_name")
    )
    return render(
        request,
        "matching/left_out.html",
        {
            "help_request": help_request,
            "label": _left_out_label(reason, help_request),
            "profiles": profiles,
            "count": len(groups[reason]),
            "in_scope": set(volunteer_ids_for_organizer(request.user, ids)),
        },
    )


def _refusal_message(reason, help_request):
    if reason == Refusal.NOT_BOTH_LANGUAGES:
        return _("This interpreter does not speak both the family's language and one of the volunteer's.")
    if reason == Refusal.SAME_PERSON:
        return _("The volunteer cannot be their own interpreter.")
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
    offer = _posted_offer(request)
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
    return redirect("needs:request_detail", pk=help_request.pk)


@require_POST
@organizer_required
def cancel(request, pk):
    match = _get_match_for_organizer(request, pk)
    try:
        services.match_cancel(match=match)
        messages.success(request, _("The proposal is withdrawn and the request is back in the queue."))
    except services.MatchConflict:
        messages.warning(request, _("This match can no longer be withdrawn."))
    return redirect("needs:request_detail", pk=match.help_request_id)


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
        return redirect("needs:request_detail", pk=match.help_request_id)
    if request.method == "GET" and match.status != Match.Status.DONE:
        return redirect("needs:request_detail", pk=match.help_request_id)
    # The page shows how to reach the family: an audited showing, as on the request's own page.
    record_contact_shown(help_request=match.help_request, user=request.user)
    return render(request, "matching/check_in.html", {"match": match, "help_request": match.help_request, "form": form})


def _posted_offer(request):
    """The offer a propose or add-interpreter button posted, or None; the service decides whether it may be used."""
    form = ProposeForm(request.POST)
    return Offer.objects.filter(pk=form.cleaned_data["offer"]).first() if form.is_valid() else None


def _get_interpreted_match_for_organizer(request, pk):
    """A proposed or accepted match of this organizer's areas, which an interpreter may join; any other: 404."""
    queryset = (
        Match.objects.visible_to_organizer(request.user)
        .active()
        .select_related("help_request__language", "help_request__area", "volunteer__volunteer_profile", "offer")
    )
    return get_object_or_404(queryset, pk=pk)


@organizer_required
def interpreter(request, pk):
    """Interpreters for a match whose volunteer does not speak the family's language, best first; POST adds one."""
    match = _get_interpreted_match_for_organizer(request, pk)
    help_request = match.help_request
    if request.method == "POST":
        offer = _posted_offer(request)
        if offer is None:
            messages.error(request, _("This volunteer cannot be asked for this request."))
            return redirect("matching:interpreter", pk=match.pk)
        try:
            services.match_add_interpreter(actor=request.user, match=match, offer=offer)
        except services.MatchConflict:
            messages.warning(request, _("This match already has an interpreter, or is no longer going ahead."))
        except services.MatchRefused as refused:
            for reason in refused.reasons:
                messages.error(request, _refusal_message(reason, help_request))
            return redirect("matching:interpreter", pk=match.pk)
        else:
            messages.success(
                request, _("The interpreter is added. The volunteer, the interpreter and the family are told.")
            )
        return redirect("needs:request_detail", pk=help_request.pk)
    return render(
        request,
        "matching/interpreter.html",
        {
            "match": match,
            "help_request": help_request,
            "suggestions": [] if match.interpreter_id else interpreter_suggestions_for(match),
        },
    )
