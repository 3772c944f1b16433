"""Organizers' endpoints for offers, requests and matches: the same scope QuerySets, forms and services as the
organizer pages, for the token's owner. Objects outside their areas answer 404."""

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from aidhub.accounts.models import User
from aidhub.api import auth, schemas
from aidhub.api.problems import Problem
from aidhub.api.views.paging import filtered, form_problem, numbered_page
from aidhub.core.selectors import organizer_area_ids
from aidhub.matching import services as matching_services
from aidhub.matching.models import Match
from aidhub.needs import services as needs_services
from aidhub.needs.filters import RequestQueueFilter
from aidhub.needs.forms import HotlineIntakeForm
from aidhub.needs.models import HelpRequest
from aidhub.offers import services as offer_services
from aidhub.offers.forms import OfferReviewForm
from aidhub.offers.models import Offer, OfferStateError

router = Router(auth=auth.READ, tags=["organizers"])


def _request_for_owner(owner: User, pk: int) -> HelpRequest:
    """A request in the areas the token's owner serves; any other answers 404 (needs.access.request_for_organizer
    for a token)."""
    queryset = HelpRequest.objects.visible_to_organizer(owner).select_related("language", "area")
    return get_object_or_404(queryset, pk=pk)


# ---- offers ----


class OfferFilters(Schema):
    status: str = ""
    page: str = ""


@router.get("/offers", response=schemas.OffersOut, url_name="offers")
def offers(request: HttpRequest, filters: Query[OfferFilters]) -> dict[str, object]:
    """Offers in the owner's areas, those waiting for review first (oldest first) unless a status is given."""
    owner = auth.owner_of(request)
    if not filters.status:
        rows = Offer.objects.awaiting_review_by(owner).for_listing()
    elif filters.status in Offer.Status.values:
        rows = Offer.objects.reviewable_by(owner).for_listing().filter(status=filters.status)
    else:
        unknown = [{"loc": ["query", "status"], "msg": _("Unknown status.")}]
        raise Problem(422, "invalid", _("Some parameters or fields are not valid."), errors=unknown)
    return numbered_page(rows.order_by("submitted_at", "id"), filters.page, settings.OFFERS_PER_PAGE)


@router.get("/offers/{int:pk}", response=schemas.OfferOut, url_name="offer")
def offer(request: HttpRequest, pk: int) -> Offer:
    return get_object_or_404(Offer.objects.reviewable_by(auth.owner_of(request)).for_listing(), pk=pk)


@router.post("/offers/{int:pk}/review", response=schemas.OfferOut, auth=auth.WRITE, url_name="offer_review")
def offer_review(request: HttpRequest, pk: int, payload: schemas.ReviewIn) -> Offer:
    """Approve (publish) an offer, or send it back to its volunteer with a reason, as the review page does."""
    owner = auth.owner_of(request)
    reviewed = get_object_or_404(Offer.objects.reviewable_by(owner).for_listing(), pk=pk)
    form = OfferReviewForm(payload.dict())
    if not form.is_valid():
        raise form_problem(form.errors)
    try:
        if form.cleaned_data["decision"] == OfferReviewForm.APPROVE:
            offer_services.offer_approve(offer=reviewed, reviewer=owner)
        else:
            offer_services.offer_send_back(
                offer=reviewed, reviewer=owner, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"]
            )
    except OfferStateError as error:
        raise Problem(409, "conflict", _("Someone has already reviewed this offer; nothing was changed.")) from error
    return get_object_or_404(Offer.objects.for_listing(), pk=reviewed.pk)


# ---- requests ----


class RequestFilters(Schema):
    """The filters of the organizers' queue (aidhub.needs.filters.RequestQueueFilter); unmet requests by default."""

    status: str = ""
    category: str = ""
    language: str = ""
    area: str = ""
    urgency: str = ""
    waiting: str = ""
    sort: str = ""
    page: str = ""


@router.get("/requests", response=schemas.RequestsOut, url_name="requests")
def requests(request: HttpRequest, filters: Query[RequestFilters]) -> dict[str, object]:
    """The queue of the owner's areas, most urgent first, without names, contacts or descriptions."""
    owner = auth.owner_of(request)
    rows = HelpRequest.objects.in_areas(organizer_area_ids(owner)).by_priority().select_related("language", "area")
    queue = RequestQueueFilter(request.GET, queryset=rows.without_personal_data(), user=owner)
    return numbered_page(filtered(queue), filters.page, settings.REQUESTS_PER_PAGE)


@router.get("/requests/{int:pk}", response=schemas.RequestOut, url_name="request")
def request_detail(request: HttpRequest, pk: int) -> HelpRequest:
    return _request_for_owner(auth.owner_of(request), pk)


@router.get(
    "/requests/{int:pk}/contact", response=schemas.RequestContactOut, auth=auth.CONTACTS, url_name="request_contact"
)
def request_contact(request: HttpRequest, pk: int) -> dict[str, object]:
    """The family's first name, contact and description: only for tokens made to read contacts, and every
    answer is written in the audit trail, as showing them on the request's page is."""
    owner = auth.owner_of(request)
    help_request = _request_for_owner(owner, pk)
    needs_services.record_contact_shown(help_request=help_request, user=owner)
    return {
        "id": help_request.pk,
        "first_name": help_request.first_name or "",
        "contact_method": help_request.contact_method,
        "contact_value": help_request.contact_value or "",
        "description": help_request.description or "",
    }


@router.post("/requests", response={201: schemas.IntakeOut}, auth=auth.WRITE, url_name="request_intake")
def request_intake(request: HttpRequest, payload: schemas.IntakeIn) -> Status[dict[str, object]]:
    """Hotline intake: a request for a family who called, through the intake form's rules and service."""
    owner = auth.owner_of(request)
    data = {key: value for key, value in payload.dict().items() if value is not None}
    form = HotlineIntakeForm(data)
    if not form.is_valid():
        raise form_problem(form.errors)
    language = needs_services.message_language_for(form.cleaned_data["language"], translation.get_language())
    help_request, token, created = needs_services.help_request_submit(
        details=form.details(), submission_id=form.cleaned_data["submission_id"], language=language, entered_by=owner
    )
    link = request.build_absolute_uri(needs_services.status_path(token, help_request.message_language))
    return Status(
        201,
        {"id": help_request.pk, "reference_code": help_request.reference_code, "created": created, "status_link": link},
    )


# ---- matches ----


class MatchFilters(Schema):
    status: str = ""
    request: int | None = None
    page: str = ""


@router.get("/matches", response=schemas.MatchesOut, url_name="matches")
def matches(request: HttpRequest, filters: Query[MatchFilters]) -> dict[str, object]:
    """Matches of the owner's areas, newest first, to follow their status."""
    rows = Match.objects.visible_to_organizer(auth.owner_of(request)).order_by("-proposed_at", "-id")
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.request is not None:
        rows = rows.filter(help_request_id=filters.request)
    return numbered_page(rows, filters.page, settings.REQUESTS_PER_PAGE)


@router.get("/matches/{int:pk}", response=schemas.MatchOut, url_name="match")
def match(request: HttpRequest, pk: int) -> Match:
    return get_object_or_404(Match.objects.visible_to_organizer(auth.owner_of(request)), pk=pk)


@router.post("/matches", response={201: schemas.MatchOut}, auth=auth.WRITE, url_name="match_propose")
def match_propose(request: HttpRequest, payload: schemas.ProposeIn) -> Status[Match]:
    """Asks an offer's volunteer to help with a request: the same service and rules as the suggestions page
    (vetting, capacity, earlier declines…). Refusals answer 409 with their reasons."""
    owner = auth.owner_of(request)
    help_request = _request_for_owner(owner, payload.request)
    offer = Offer.objects.filter(pk=payload.offer).first()
    if offer is None:
        raise Problem(409, "refused", _("This volunteer cannot be asked for this request."), reasons=["unknown_offer"])
    try:
        proposed = matching_services.match_propose(help_request=help_request, offer=offer, proposed_by=owner)
    except matching_services.MatchConflict as error:
        raise Problem(
            409, "conflict", _("Someone already asked a volunteer for this request; nothing was changed.")
        ) from error
    except matching_services.MatchRefused as refused:
        raise Problem(
            409, "refused", _("This volunteer cannot be asked for this request."), reasons=list(refused.reasons)
        ) from refused
    return Status(201, proposed)
