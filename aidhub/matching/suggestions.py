"""Suggested volunteers for a request: the database keeps only those who can help, the ranking orders them.

With tens of thousands of volunteers, only offers in the request's category that meet the required criteria
and either speak the language or reach the area leave the database (at most POOL of them, best first), and
only those are ranked in Python (aidhub.matching.ranking).
"""

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from aidhub.core.models import Area, NetworkSettings
from aidhub.matching.models import Match, Vetting
from aidhub.matching.ranking import Candidate, RequestFacts, rank
from aidhub.offers.models import Offer

POOL = 300
DEFAULT_CAPACITY = 2


def request_facts(help_request, network=None):
    network = network or NetworkSettings.load()
    return RequestFacts(
        category=help_request.category,
        language_name=help_request.language.native_name or help_request.language.name_en,
        area_name=help_request.area.name,
        best_times=help_request.best_times,
        vetting_required=help_request.category in network.vetted_categories,
    )


def candidates_for(help_request, facts):
    """Offers of volunteers who could take this request, with the facts the ranking needs."""
    area_ids = list(Area.objects.overlapping(help_request.area).values_list("pk", flat=True))
    volunteer = OuterRef("volunteer_id")
    active = (
        Match.objects.filter(volunteer=volunteer, status__in=Match.ACTIVE)
        .order_by()
        .values("volunteer")
        .annotate(count=Count("pk"))
        .values("count")
    )
    last_asked = Match.objects.filter(volunteer=volunteer).order_by("-proposed_at").values("proposed_at")[:1]
    offers = (
        Offer.objects.published()
        .filter(category=help_request.category)
        .annotate(
            speaks=Exists(
                Offer.languages.through.objects.filter(offer_id=OuterRef("pk"), language_id=help_request.language_id)
            ),
            reaches=Exists(Offer.areas.through.objects.filter(offer_id=OuterRef("pk"), area_id__in=area_ids)),
            active=Coalesce(Subquery(active, output_field=IntegerField()), Value(0)),
            volunteer_capacity=Coalesce(F("volunteer__volunteer_profile__max_active_matches"), Value(DEFAULT_CAPACITY)),
            last_asked=Subquery(last_asked),
            declined=Exists(
                Match.objects.filter(help_request=help_request, volunteer=volunteer, status=Match.Status.DECLINED)
            ),
            vetted=Exists(Vetting.objects.filter(volunteer=volunteer, category=help_request.category)),
        )
        .filter(Q(speaks=True) | Q(reaches=True), active__lt=F("volunteer_capacity"), declined=False)
        .exclude(volunteer__is_active=False)
    )
    if facts.vetting_required:
        offers = offers.filter(vetted=True)
    rows = offers.order_by("-speaks", "-reaches", "active", "pk").values(
        "pk",
        "volunteer_id",
        "volunteer__volunteer_profile__display_name",
        "availability",
        "speaks",
        "reaches",
        "active",
        "volunteer_capacity",
        "last_asked",
        "declined",
        "vetted",
    )[:POOL]
    return [
        Candidate(
            volunteer_id=row["volunteer_id"],
            display_name=row["volunteer__volunteer_profile__display_name"] or "",
            offer_id=row["pk"],
            category=help_request.category,
            speaks_language=row["speaks"],
            reaches_area=row["reaches"],
            availability=row["availability"],
            active_matches=row["active"],
            capacity=row["volunteer_capacity"],
            last_asked_at=row["last_asked"],
            declined_before=row["declined"],
            vetted=row["vetted"],
        )
        for row in rows
    ]


def suggestions_for(help_request, limit=10):
    facts = request_facts(help_request)
    return rank(facts, candidates_for(help_request, facts), limit=limit)
