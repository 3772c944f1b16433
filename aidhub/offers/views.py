from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from aidhub.accounts.capabilities import capabilities_of
from aidhub.core.decorators import organizer_required
from aidhub.lib import fragments, keyset, pagecache
from aidhub.offers import services
from aidhub.offers.filters import OfferFilter
from aidhub.offers.forms import OfferForm, OfferReviewForm, initial_from_profile
from aidhub.offers.models import Offer, OfferStateError


def _get_published_offer(pk):
    return get_object_or_404(Offer.objects.listed().for_listing(), pk=pk)


def _get_offer_for_volunteer(request, pk):
    """The signed-in volunteer's own offer; anyone else's answers 404."""
    return get_object_or_404(Offer.objects.exclude(status=Offer.Status.ARCHIVED), pk=pk, volunteer=request.user)


def _get_offer_for_reviewer(request, pk):
    """An offer in the areas this organizer curates; others answer 404."""
    return get_object_or_404(Offer.objects.reviewable_by(request.user).for_listing(), pk=pk)


@require_safe
def offer_list(request):
    """Everyone reading the list in one language with the same filters sees the same thing: a cached fragment,
    rebuilt when an offer or the reference data change, and for visitors not signed in the whole page.
    Free-text searches are not cached (too many kinds)."""
    return pagecache.page(
        request,
        "offers",
        versions=["offers", "reference"],
        parameters=PAGE_PARAMETERS,
        build=lambda: _offer_list_page(request),
    )


def _offer_list_page(request):
    clean, query = fragments.only_parameters(request, LISTING_PARAMETERS)
    if request.GET.get("q"):
        listing = _listing(clean)
    else:
        listing = fragments.cached(
            "offers", [get_language(), query], versions=["offers", "reference"], build=lambda: _listing(clean)
        )
    return render(request, "offers/offer_list.html", {"listing": mark_safe(listing)})


LISTING_PARAMETERS = [*OfferFilter.base_filters, "after", "before"]
# Whole pages are kept for the same parameters, free-text searches excepted.
PAGE_PARAMETERS = [name for name in LISTING_PARAMETERS if name != "q"]


def _listing(request):
    offer_filter = OfferFilter(request.GET, queryset=Offer.objects.listed().for_listing())
    # Keyset pages: page 1,000 costs what page 1 does (an OFFSET of 20,000 took 50 ms at N=1).
    page = keyset.paginate(offer_filter.qs, request.GET, field="published_at", per_page=settings.OFFERS_PER_PAGE)
    context = {"filter": offer_filter, "page": page, "count": offer_filter.qs.count()}
    return render_to_string("offers/_listing.html", context, request=request)


@require_safe
def offer_detail(request, pk):
    offer = _get_published_offer(pk)
    return render(request, "offers/offer_detail.html", {"offer": offer})


@login_required
def offer_create(request):
    profile = getattr(request.user, "volunteer_profile", None)
    form = OfferForm(request.POST or None, initial=initial_from_profile(profile))
    if request.method == "POST" and form.is_valid():
        offer, needs_confirmation = services.offer_save(actor=request.user, **form.cleaned_data)
        if needs_confirmation:
            messages.success(
                request,
                _(
                    "Thank you! An organizer will confirm you first for %(kind)s, "
                    "and review your offer before it is listed."
                )
                % {"kind": offer.category_choice.in_sentence},
            )
        else:
            messages.success(request, _("Thank you! An organizer will review your offer before it is listed."))
        return redirect("portal:dashboard")
    if form.is_bound:
        return render(request, "offers/offer_form.html", {"form": form})
    # The questions with their long lists (every kind of help, language and area) differ between volunteers only
    # by what their profile fills in: a cached fragment per language and starting values, which are all that
    # is in it (no token, no name), so a volunteer only ever gets a copy made for exactly their own values.
    initial = form.initial
    parts = [
        get_language(),
        initial.get("category", ""),
        sorted(initial.get("languages", [])),
        sorted(initial.get("areas", [])),
        str(initial.get("availability", "")),
    ]
    fields = fragments.cached(
        "offer-form",
        parts,
        versions=["reference"],
        build=lambda: render_to_string("offers/_offer_fields.html", {"form": form}, request=request),
    )
    return render(request, "offers/offer_form.html", {"form": form, "fields": mark_safe(fields)})


@login_required
def offer_edit(request, pk):
    offer = _get_offer_for_volunteer(request, pk)
    form = OfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        offer, needs_confirmation = services.offer_save(actor=request.user, offer=offer, **form.cleaned_data)
        if needs_confirmation:
            messages.success(
                request,
                _(
                    "Your changes are saved. An organizer will confirm you first for %(kind)s, "
                    "and review the offer again."
                )
                % {"kind": offer.category_choice.in_sentence},
            )
        else:
            messages.success(request, _("Your changes are saved. An organizer will review the offer again."))
        return redirect("portal:dashboard")
    return render(request, "offers/offer_form.html", {"form": form, "offer": offer})


@require_POST
@login_required
def offer_pause(request, pk):
    offer = _get_offer_for_volunteer(request, pk)
    try:
        services.offer_pause(actor=request.user, offer=offer)
    except OfferStateError:
        pass  # Not listed: nothing to pause.
    else:
        messages.success(request, _("Your offer is paused. It is hidden until you resume it."))
    return redirect("portal:dashboard")


@require_POST
@login_required
def offer_resume(request, pk):
    offer = _get_offer_for_volunteer(request, pk)
    try:
        services.offer_resume(actor=request.user, offer=offer)
    except OfferStateError:
        pass  # Not paused: nothing to resume.
    else:
        messages.success(request, _("Your offer is listed again."))
    return redirect("portal:dashboard")


@require_POST
@login_required
def offer_archive(request, pk):
    offer = _get_offer_for_volunteer(request, pk)
    services.offer_archive(actor=request.user, offer=offer)
    messages.success(request, _("Your offer is archived."))
    return redirect("portal:dashboard")


@require_safe
@organizer_required
def review_queue(request):
    offers = Offer.objects.awaiting_review_by(request.user).for_listing().order_by("submitted_at", "id")
    page = Paginator(offers, settings.OFFERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "offers/review_queue.html", {"page": page})


@organizer_required
def review(request, pk):
    offer = _get_offer_for_reviewer(request, pk)
    form = OfferReviewForm(request.POST or None)
    # Approving the text does not list the offer while its volunteer is not confirmed for this kind of help.
    needs_confirmation = capabilities_of(offer.volunteer).needs_confirmation(offer.category)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == OfferReviewForm.APPROVE:
                services.offer_approve(offer=offer, reviewer=request.user)
                messages.success(request, _("The offer is published."))
            else:
                services.offer_send_back(
                    offer=offer,
                    reviewer=request.user,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
                messages.success(request, _("The offer was sent back to the volunteer."))
        except OfferStateError:
            messages.warning(request, _("Someone has already reviewed this offer; nothing was changed."))
        return redirect("offers:review_queue")
    return render(
        request, "offers/review.html", {"offer": offer, "form": form, "needs_confirmation": needs_confirmation}
    )
