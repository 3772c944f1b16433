"""Suggested volunteers for a request: the database keeps only those who may be asked, the ranking orders them.

With tens of thousands of volunteers, only offers that pass the rule of aidhub.matching.ranking.refusals (the
request's category, a volunteer who may serve it, room under their capacity, no earlier "no" to this family,
and who speaks the language or reaches the area) leave the database, at most POOL of them, best first; only
those are ranked in Python. The organizer's "Ask this volunteer" reads the same facts for one offer and asks
the same rule (`candidate_for_offer`), so it can never ask someone suggestions leave out.
"""

from datetime import datetime
from typing import Any, TypedDict

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce
from django_stubs_ext import WithAnnotations

from aidhub.accounts.capabilities import may_serve_q
from aidhub.accounts.models import Vetting, VolunteerProfile
from aidhub.core.models import Area, Category, Language, NetworkSettings
from aidhub.matching.models import Match
from aidhub.matching.ranking import Candidate, RequestFacts, Suggestion, left_out, rank, rank_interpreters
from aidhub.needs.models import HelpRequest
from aidhub.offers.models import Offer, keys_include_any

POOL = 300
# Why volunteers were left out is read over at most this many offers of the request's kind (one query).
EXPLAIN_POOL = 3000
DEFAULT_CAPACITY = 2


class OfferFacts(TypedDict):
    """What _offers_with_facts adds to each offer."""

    speaks: bool
    reaches: bool
    active: int
    volunteer_capacity: int
    display_name: str | None
    last_asked: datetime | None
    declined: bool
    vetted: bool
    volunteer_active: bool
    serves: bool


# A type statement is evaluated only when read: WithAnnotations takes its second argument for the type checker only.
type OffersWithFacts = QuerySet[WithAnnotations[Offer, OfferFacts]]

# A chain of follow-ups is short (each one follows a check-in); this bounds the walk all the same.
MAX_FOLLOW_UPS = 20


def request_facts(help_request: HelpRequest, network: NetworkSettings | None = None) -> RequestFacts:
    network = network or NetworkSettings.load()
    return RequestFacts(
        category=help_request.category,
        language_name=help_request.language.native_name or help_request.language.name_en,
        area_name=help_request.area.name,
        best_times=help_request.best_times,
        vetting_required=help_request.category in network.vetted_categories,
    )


def family_request_ids(help_request: HelpRequest) -> list[int]:
    """This request and the ones it follows up: the same family and need (HelpRequest.follow_up)."""
    ids, earlier = [help_request.pk], help_request.follow_up_of_id
    while earlier is not None and earlier not in ids and len(ids) < MAX_FOLLOW_UPS:
        ids.append(earlier)
        earlier = HelpRequest.objects.filter(pk=earlier).values_list("follow_up_of_id", flat=True).first()
    return ids


def _offers_with_facts(
    help_request: HelpRequest, category: str | None = None, bridge_language_ids: list[int] | None = None
) -> OffersWithFacts:
    """Published offers of the request's category, with every fact the rule and the ranking read. For interpreters
    (`category` interpreting, `bridge_language_ids` the volunteer's languages), "speaks" means speaks the family's
    language and one of the volunteer's, and their load counts the matches they interpret for too."""
    category = category or help_request.category
    area_ids = list(Area.objects.overlapping(help_request.area).values_list("pk", flat=True))
    volunteer = OuterRef("volunteer_id")
    active = (
        Match.objects.filter(volunteer=volunteer, status__in=Match.ACTIVE)
        .order_by()
        .values("volunteer")
        # COUNT(*), not of the ids: the volunteer-and-status index answers it alone (an index-only scan).
        .annotate(count=Count("*"))
        .values("count")
    )
    # The volunteer's profile read by its key, not joined: the join hashed all 20,000 profiles (and, after it, the
    # users) before the capacity filter; a lookup reads the profiles of the ~1,000 offers that speak or reach.
    profile = VolunteerProfile.objects.filter(pk=volunteer)
    last_asked = Match.objects.filter(volunteer=volunteer).order_by("-proposed_at").values("proposed_at")[:1]
    declined = Match.objects.filter(
        help_request_id__in=family_request_ids(help_request), volunteer=volunteer, status=Match.Status.DECLINED
    )
    # Read from the offer's own row (Offer.language_keys): a join would hash every offer of the language and areas.
    speaks = keys_include_any("language_keys", [help_request.language_id])
    load: Combinable = Coalesce(Subquery(active, output_field=IntegerField()), Value(0))
    if bridge_language_ids is not None:
        speaks &= keys_include_any("language_keys", bridge_language_ids)
        interpreting = (
            Match.objects.filter(interpreter=volunteer, status__in=Match.ACTIVE)
            .order_by()
            .values("interpreter")
            .annotate(count=Count("*"))
            .values("count")
        )
        load = load + Coalesce(Subquery(interpreting, output_field=IntegerField()), Value(0))
    return (
        Offer.objects.published()
        .filter(category=category)
        .annotate(
            speaks=ExpressionWrapper(speaks, output_field=BooleanField()),
            reaches=ExpressionWrapper(keys_include_any("area_keys", area_ids), output_field=BooleanField()),
            active=load,
            volunteer_capacity=Coalesce(Subquery(profile.values("max_active_matches")), Value(DEFAULT_CAPACITY)),
            display_name=Subquery(profile.values("display_name")),
            last_asked=Subquery(last_asked),
            declined=Exists(declined),
            vetted=Exists(Vetting.objects.confirmed().filter(volunteer=volunteer, category=category)),
            volunteer_active=F("volunteer__is_active"),
            # The capability rule in its bulk form (aidhub.accounts.capabilities).
            serves=ExpressionWrapper(
                may_serve_q(volunteer="volunteer", category=category), output_field=BooleanField()
            ),
        )
    )


def _eligible(offers: OffersWithFacts) -> OffersWithFacts:
    """The rule of ranking.refusals, in SQL, so that only volunteers who may be asked fill the pool."""
    return offers.filter(
        Q(speaks=True) | Q(reaches=True), serves=True, active__lt=F("volunteer_capacity"), declined=False
    )


FIELDS = [
    "pk",
    "volunteer_id",
    "display_name",
    "availability",
    "speaks",
    "reaches",
    "active",
    "volunteer_capacity",
    "last_asked",
    "declined",
    "vetted",
    "volunteer_active",
]


def _candidate(help_request: HelpRequest, row: dict[str, Any], category: str | None = None) -> Candidate:
    return Candidate(
        volunteer_id=row["volunteer_id"],
        display_name=row["display_name"] or "",
        offer_id=row["pk"],
        category=category or help_request.category,
        speaks_language=row["speaks"],
        reaches_area=row["reaches"],
        availability=row["availability"],
        active_matches=row["active"],
        capacity=row["volunteer_capacity"],
        last_asked_at=row["last_asked"],
        declined_before=row["declined"],
        vetted=row["vetted"],
        active=row["volunteer_active"],
    )


def candidates_for(help_request: HelpRequest, facts: RequestFacts) -> list[Candidate]:
    """Offers of volunteers who may be asked for this request, with the facts the ranking needs."""
    rows = _eligible(_offers_with_facts(help_request)).order_by("-speaks", "-reaches", "active", "pk")
    return [_candidate(help_request, row) for row in rows.values(*FIELDS)[:POOL]]


def candidate_for_offer(help_request: HelpRequest, offer_id: int) -> Candidate | None:
    """One published offer of the request's category with its facts, whether or not it may be asked (the
    ranking's `refusals` says); None for any other offer."""
    row = _offers_with_facts(help_request).filter(pk=offer_id).values(*FIELDS).first()
    return None if row is None else _candidate(help_request, row)


def suggestions_for(help_request: HelpRequest, limit: int = 10) -> list[Suggestion]:
    facts = request_facts(help_request)
    return rank(facts, candidates_for(help_request, facts), limit=limit)


def left_out_for(help_request: HelpRequest, facts: RequestFacts | None = None) -> dict[str, list[int]]:
    """Volunteers with a published offer of the request's kind who may not be asked for it, grouped by the reasons
    of ranking.refusals (ranking.left_out): what the suggestions page explains when its list is short."""
    facts = facts or request_facts(help_request)
    rows = _offers_with_facts(help_request).order_by("pk").values(*FIELDS)[:EXPLAIN_POOL]
    return left_out(facts, (_candidate(help_request, row) for row in rows))


# Interpreters for a match whose volunteer does not speak the family's language (issue 17, item 3).


def volunteer_language_ids(match: Match) -> list[int]:
    """The languages the match's volunteer speaks: their offer's (as the ranking reads them), else their profile's."""
    if match.offer_id is not None:
        languages = Offer.languages.through.objects.filter(offer_id=match.offer_id)
        ids = list(languages.values_list("language_id", flat=True))
        if ids:
            return ids
    profile = getattr(match.volunteer, "volunteer_profile", None)
    return list(profile.languages.values_list("pk", flat=True)) if profile is not None else []


def interpreter_facts(match: Match, network: NetworkSettings | None = None) -> RequestFacts:
    """The request's facts as an interpreter is judged: the interpreting kind of help, and both languages by name."""
    network = network or NetworkSettings.load()
    help_request = match.help_request
    languages = [help_request.language, *Language.objects.filter(pk__in=volunteer_language_ids(match)).order_by("pk")]
    return RequestFacts(
        category=Category.INTERPRETING,
        language_name=" + ".join(dict.fromkeys(language.native_name or language.name_en for language in languages)),
        area_name=help_request.area.name,
        best_times=help_request.best_times,
        vetting_required=Category.INTERPRETING in network.vetted_categories,
    )


def _interpreter_offers(match: Match) -> OffersWithFacts:
    return _offers_with_facts(
        match.help_request, category=Category.INTERPRETING, bridge_language_ids=volunteer_language_ids(match)
    ).exclude(volunteer_id=match.volunteer_id)


def _ranked_interpreters(
    help_request: HelpRequest, offers: OffersWithFacts, facts: RequestFacts, limit: int
) -> list[Suggestion]:
    rows = _eligible(offers).filter(speaks=True).order_by("-reaches", "active", "pk").values(*FIELDS)[:POOL]
    candidates = [_candidate(help_request, row, Category.INTERPRETING) for row in rows]
    return rank_interpreters(facts, candidates, limit=limit)


def interpreter_suggestions_for(match: Match, limit: int = 10) -> list[Suggestion]:
    """Interpreters for this match, best first (ranking.rank_interpreters: the rule of `refusals` for the
    interpreting kind of help, and both languages; then area, the family's times, load, fairness)."""
    return _ranked_interpreters(match.help_request, _interpreter_offers(match), interpreter_facts(match), limit)


def interpreter_suggestions_for_language(
    *, language: Language, bridge_language_ids: list[int], area: Area, limit: int = 5
) -> list[Suggestion]:
    """Interpreters for a family speaking `language` where the volunteers on hand speak only `bridge_language_ids`
    (a legal aid night's booking, no lawyer of the night speaking the family's language): the same rule and the
    same ranking as for a match, for a family with no request (so no earlier "no" and no best times)."""
    stand_in = HelpRequest(category=Category.INTERPRETING, language=language, area=area, best_times=0)
    offers = _offers_with_facts(stand_in, category=Category.INTERPRETING, bridge_language_ids=bridge_language_ids)
    names = [language.native_name or language.name_en]
    names += [item.native_name or item.name_en for item in Language.objects.filter(pk__in=bridge_language_ids)]
    facts = RequestFacts(
        category=Category.INTERPRETING,
        language_name=" + ".join(dict.fromkeys(names)),
        area_name=area.name,
        best_times=0,
        vetting_required=Category.INTERPRETING in NetworkSettings.load().vetted_categories,
    )
    return _ranked_interpreters(stand_in, offers, facts, limit)


def interpreter_candidate_for_offer(match: Match, offer_id: int) -> Candidate | None:
    """One published interpreting offer with its facts for this match, whether or not it may be asked."""
    row = _interpreter_offers(match).filter(pk=offer_id).values(*FIELDS).first()
    return None if row is None else _candidate(match.help_request, row, Category.INTERPRETING)


def bridge_language(match: Match, interpreter_offer: Offer) -> Language | None:
    """The language the interpreter and the volunteer share (the volunteer's first, in their offer's order)."""
    shared = Offer.languages.through.objects.filter(
        offer_id=interpreter_offer.pk, language_id__in=volunteer_language_ids(match)
    ).exclude(language_id=match.help_request.language_id)
    language_id = shared.order_by("language_id").values_list("language_id", flat=True).first()
    if language_id is None:
        return None
    return Language.objects.get(pk=language_id)
