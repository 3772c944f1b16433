"""Organizers look at the volunteers of their areas and confirm who may give sensitive kinds of help.

Who may serve what is decided in aidhub.accounts.capabilities; these pages only record organizers' decisions,
through the audited services of aidhub.accounts.services."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from aidhub.accounts.models import Vetting, VolunteerProfile, invitation_accepted_q
from aidhub.accounts.services import VettingConflict, vetting_decide, vetting_set
from aidhub.core.decorators import organizer_required
from aidhub.core.models import Category, NetworkSettings
from aidhub.core.selectors import organized_organizations, organizer_areas
from aidhub.matching.forms import VettingDecisionForm, VettingForm
from aidhub.offers.models import Offer


def _volunteers_for_organizer(user):
    """Volunteers who reach an area this organizer serves, by their profile or one of their offers, or who asked
    to be confirmed at an event of the organizer's organization."""
    areas = organizer_areas(user)
    return (
        VolunteerProfile.objects.filter(
            Q(areas__in=areas)
            | Q(user__offers__areas__in=areas)
            | Q(user__vettings__organization__in=organized_organizations(user))
        )
        .filter(invitation_accepted_q("user__"), user__is_active=True)
        .distinct()
    )


def volunteer_ids_for_organizer(user, ids):
    """Which of these volunteers this organizer may open (their volunteer page), by user id."""
    return _volunteers_for_organizer(user).filter(user_id__in=ids).values_list("user_id", flat=True)


def _get_volunteer_for_organizer(request, pk):
    return get_object_or_404(_volunteers_for_organizer(request.user).select_related("user"), pk=pk)


def vetting_requests_for_organizer(user):
    """Open requests to be confirmed, of volunteers this organizer can see (as above)."""
    volunteers = _volunteers_for_organizer(user).values("user_id")
    return Vetting.objects.requested().filter(
        Q(volunteer__in=volunteers) | Q(organization__in=organized_organizations(user)),
        invitation_accepted_q("volunteer__"),
        volunteer__is_active=True,
    )


def _get_vetting_request_for_organizer(request, pk):
    return get_object_or_404(
        vetting_requests_for_organizer(request.user).select_related("volunteer__volunteer_profile"), pk=pk
    )


@require_safe
@organizer_required
def volunteer_list(request):
    profiles = _volunteers_for_organizer(request.user).prefetch_related("languages", "areas").order_by("display_name")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        profiles = profiles.filter(display_name__icontains=query)
    page = Paginator(profiles, settings.REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "matching/volunteer_list.html", {"page": page, "query": query})


@organizer_required
def volunteer_detail(request, pk):
    profile = _get_volunteer_for_organizer(request, pk)
    vettings = list(Vetting.objects.filter(volunteer=profile.user).order_by("category"))
    confirmed = sorted(vetting.category for vetting in vettings if vetting.status == Vetting.Status.VETTED)
    # Unticking every box posts no field at all: the form is bound on any POST.
    form = VettingForm(request.POST if request.method == "POST" else None, initial={"categories": confirmed})
    if request.method == "POST" and form.is_valid():
        vetting_set(actor=request.user, volunteer=profile.user, categories=form.cleaned_data["categories"])
        messages.success(request, _("Vetting is saved."))
        return redirect("matching:volunteer_detail", pk=profile.pk)
    offers = Offer.objects.filter(volunteer=profile.user).exclude(status=Offer.Status.ARCHIVED)
    return render(
        request,
        "matching/volunteer_detail.html",
        {
            "profile": profile,
            "form": form,
            "vettings": vettings,
            "offers": offers.prefetch_related("languages", "areas"),
            "vetted_categories": NetworkSettings.load().vetted_categories,
        },
    )


@require_safe
@organizer_required
def vetting_queue(request):
    """Volunteers who asked to give a kind of help that needs vetting, oldest first, with what they offer."""
    requests = (
        vetting_requests_for_organizer(request.user)
        .select_related("volunteer__volunteer_profile", "organization")
        .prefetch_related(
            Prefetch("volunteer__offers", Offer.objects.exclude(status=Offer.Status.ARCHIVED).order_by("pk"))
        )
        .order_by("requested_at", "pk")
    )
    page = Paginator(requests, settings.REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    for vetting in page.object_list:
        vetting.offers = [offer for offer in vetting.volunteer.offers.all() if offer.category == vetting.category]
    return render(request, "matching/vetting_queue.html", {"page": page})


@require_POST
@organizer_required
def vetting_decision(request, pk):
    vetting = _get_vetting_request_for_organizer(request, pk)
    form = VettingDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to confirm this volunteer."))
        return redirect("matching:vetting_queue")
    confirm = form.cleaned_data["decision"] == VettingDecisionForm.CONFIRM
    try:
        vetting_decide(actor=request.user, vetting=vetting, confirm=confirm)
    except VettingConflict:
        messages.warning(request, _("Someone has already decided this; nothing was changed."))
        return redirect("matching:vetting_queue")
    context = {"name": vetting.volunteer.display_name, "kind": Category(vetting.category).in_sentence}
    if confirm:
        messages.success(request, _("%(name)s is confirmed for %(kind)s.") % context)
    else:
        messages.success(request, _("%(name)s is not confirmed for %(kind)s.") % context)
    return redirect("matching:vetting_queue")
