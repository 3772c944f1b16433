"""Public read-only endpoints: what the site shows anyone, through the QuerySets and filters of its pages."""

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from ninja import Query, Router, Schema

from aidhub.api import schemas
from aidhub.api.views.paging import filtered, numbered_page
from aidhub.core.models import Area, Category, Language
from aidhub.events.filters import EventFilter
from aidhub.events.models import AppointmentSlot, Event, Shift
from aidhub.lib import fragments, keyset
from aidhub.offers.filters import OfferFilter
from aidhub.offers.models import Offer
from aidhub.resources.filters import ResourceFilter
from aidhub.resources.models import Resource

router = Router(tags=["public"])


class OfferFilters(Schema):
    """The filters of the public list of offers (aidhub.offers.filters.OfferFilter)."""

    q: str = ""
    category: str = ""
    language: str = ""
    area: str = ""
    time: str = ""
    after: str = ""
    before: str = ""


class EventFilters(Schema):
    """The filters of the public list of events (aidhub.events.filters.EventFilter)."""

    kind: str = ""
    area: str = ""
    language: str = ""
    date_from: str = ""
    date_until: str = ""
    page: str = ""


class ResourceFilters(Schema):
    """The filters of the public library (aidhub.resources.filters.ResourceFilter)."""

    q: str = ""
    language: str = ""
    topic: str = ""
    page: str = ""


# The query parameters of the offers list (those of the page): anything else is left out of the cache key.
OFFER_PARAMETERS = [*OfferFilter.base_filters, "after", "before"]


@router.get("/offers", response=schemas.PublicOffersOut, url_name="public_offers")
def public_offers(request: HttpRequest, filters: Query[OfferFilters]) -> HttpResponse:
    """Published offers, newest first, in keyset pages as on the site (no volunteer's name or contact).

    Everyone asking with the same filters gets the same answer: kept like the page's list (aidhub.lib.fragments,
    versions "offers" and "reference"), built again when an offer or the reference data change. Free-text
    searches are not kept (too many kinds)."""
    clean, query = fragments.only_parameters(request, OFFER_PARAMETERS)
    if request.GET.get("q"):
        body = _offers_page(clean)
    else:
        body = fragments.cached(
            "api-offers", [query], versions=["offers", "reference"], build=lambda: _offers_page(clean)
        )
    return HttpResponse(body, content_type="application/json")


def _offers_page(request: HttpRequest) -> str:
    """One page of offers as the answer's JSON, checked against its schema (what is kept is text, not model
    instances)."""
    offer_filter = OfferFilter(request.GET, queryset=Offer.objects.listed().for_listing())
    rows = filtered(offer_filter)
    page = keyset.paginate(rows, request.GET, field="published_at", per_page=settings.OFFERS_PER_PAGE)
    answer = schemas.PublicOffersOut.model_validate(
        {
            "count": rows.count(),
            "items": page.object_list,
            "next_cursor": page.next_cursor,
            "previous_cursor": page.previous_cursor,
        }
    )
    return answer.model_dump_json()


def _with_open_shifts_and_slots(events: QuerySet[Event]) -> QuerySet[Event]:
    now = timezone.now()
    shifts = Shift.objects.with_counts().filter(ends_at__gte=now).select_related("language")
    slots = AppointmentSlot.objects.with_counts().filter(ends_at__gte=now)
    return events.prefetch_related(
        Prefetch("shifts", shifts, to_attr="upcoming_shifts"), Prefetch("slots", slots, to_attr="upcoming_slots")
    )


@router.get("/events", response=schemas.PublicEventsOut, url_name="public_events")
def public_events(request: HttpRequest, filters: Query[EventFilters]) -> dict[str, object]:
    """Upcoming published (and cancelled) events with their open shifts and slots, soonest first."""
    events = Event.objects.listed().upcoming().for_listing().with_open_places()
    rows = filtered(EventFilter(request.GET, queryset=_with_open_shifts_and_slots(events)))
    return numbered_page(rows, request.GET.get("page"), settings.EVENTS_PER_PAGE)


@router.get("/resources", response=schemas.ResourcesOut, url_name="public_resources")
def public_resources(request: HttpRequest, filters: Query[ResourceFilters]) -> dict[str, object]:
    """Published know-your-rights materials, those in the reader's language (Accept-Language) first."""
    resources = Resource.objects.published().for_listing().readers_language_first(translation.get_language())
    rows = filtered(ResourceFilter(request.GET, queryset=resources))
    return numbered_page(rows, request.GET.get("page"), settings.RESOURCES_PER_PAGE)


@router.get("/areas", response=list[schemas.AreaOut], url_name="public_areas")
def public_areas(request: HttpRequest) -> QuerySet[Area]:
    """The areas people choose from (regions, cities, neighbourhoods)."""
    return Area.objects.active()


@router.get("/categories", response=list[schemas.CategoryOut], url_name="public_categories")
def public_categories(request: HttpRequest) -> list[dict[str, str]]:
    """The kinds of help, with their labels in the language asked for (Accept-Language)."""
    return [{"code": category.value, "label": str(category.label)} for category in Category]


@router.get("/languages", response=list[schemas.LanguageOut], url_name="public_languages")
def public_languages(request: HttpRequest) -> QuerySet[Language]:
    """The languages people speak that the network works in."""
    return Language.objects.active()
