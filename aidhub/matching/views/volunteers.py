"""Organizers look at the volunteers of their areas and mark who is vetted for sensitive kinds of help."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from aidhub.accounts.models import VolunteerProfile
from aidhub.core.decorators import organizer_required
from aidhub.core.models import NetworkSettings, organizer_areas
from aidhub.matching.forms import VettingForm
from aidhub.matching.models import Vetting
from aidhub.offers.models import Offer


def _volunteers_for_organizer(user):
    """Volunteers who reach an area this organizer serves, by their profile or one of their offers."""
    areas = organizer_areas(user)
    return (
        VolunteerProfile.objects.filter(Q(areas__in=areas) | Q(user__offers__areas__in=areas))
        .filter(user__is_active=True)
        .distinct()
    )


def _get_volunteer_for_organizer(request, pk):
    return get_object_or_404(_volunteers_for_organizer(request.user).select_related("user"), pk=pk)


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
    vetted = set(Vetting.objects.filter(volunteer=profile.user).values_list("category", flat=True))
    form = VettingForm(request.POST or None, initial={"categories": sorted(vetted)})
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["categories"])
        with transaction.atomic():
            Vetting.objects.filter(volunteer=profile.user).exclude(category__in=chosen).delete()
            for category in chosen - vetted:
                Vetting.objects.get_or_create(
                    volunteer=profile.user, category=category, defaults={"vetted_by": request.user}
                )
        messages.success(request, _("Vetting is saved."))
        return redirect("matching:volunteer_detail", pk=profile.pk)
    offers = Offer.objects.filter(volunteer=profile.user).exclude(status=Offer.Status.ARCHIVED)
    return render(
        request,
        "matching/volunteer_detail.html",
        {
            "profile": profile,
            "form": form,
            "offers": offers.prefetch_related("languages", "areas"),
            "vetted_categories": NetworkSettings.load().vetted_categories,
        },
    )
