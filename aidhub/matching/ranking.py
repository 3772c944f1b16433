"""Ranking volunteers for a request: a pure function of plain facts, so it can be tested on its own.

Required (a volunteer who fails one is left out):
  1. a published offer in the same category;
  2. no earlier decline of this request;
  3. vetted for the category, where the network requires it;
  4. room under their capacity (proposals and accepted matches count).
Then, in this order of importance (each only breaks ties of the ones above):
  5. speaks the family's language (otherwise shown, last, as "needs an interpreter");
  6. reaches the family's area;
  7. free at the family's best times (any shared slot of the weekly grid);
  8. lightest load (active matches / capacity);
  9. fairness: asked least recently (never asked comes first).
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from aidhub.core.availability import describe

NEVER = datetime.min


@dataclass(frozen=True)
class RequestFacts:
    category: str
    language_name: str
    area_name: str
    best_times: int
    vetting_required: bool


@dataclass(frozen=True)
class Candidate:
    volunteer_id: int
    display_name: str
    offer_id: int
    category: str
    speaks_language: bool
    reaches_area: bool
    availability: int
    active_matches: int
    capacity: int
    last_asked_at: datetime | None = None
    declined_before: bool = False
    vetted: bool = False


@dataclass(frozen=True)
class Suggestion:
    candidate: Candidate
    needs_interpreter: bool
    reasons: list[str] = field(default_factory=list)


def is_eligible(facts, candidate):
    return (
        candidate.category == facts.category
        and not candidate.declined_before
        and (candidate.vetted or not facts.vetting_required)
        and candidate.active_matches < candidate.capacity
    )


def sort_key(facts, candidate):
    last_asked = candidate.last_asked_at.replace(tzinfo=None) if candidate.last_asked_at else NEVER
    return (
        not candidate.speaks_language,
        not candidate.reaches_area,
        not (candidate.availability & facts.best_times) if facts.best_times else False,
        candidate.active_matches / candidate.capacity,
        last_asked,
        candidate.volunteer_id,
    )


def rank(facts, candidates, limit=10):
    """The best volunteers for this request, one entry per volunteer, each with the reasons in words."""
    best_per_volunteer = {}
    for candidate in candidates:
        if not is_eligible(facts, candidate):
            continue
        current = best_per_volunteer.get(candidate.volunteer_id)
        if current is None or sort_key(facts, candidate) < sort_key(facts, current):
            best_per_volunteer[candidate.volunteer_id] = candidate
    ordered = sorted(best_per_volunteer.values(), key=lambda candidate: sort_key(facts, candidate))
    return [
        Suggestion(candidate, not candidate.speaks_language, explain(facts, candidate)) for candidate in ordered[:limit]
    ]


def explain(facts, candidate):
    """E.g. ["speaks Spanish", "reaches Eastside", "free weekdays (evenings)", "1 of 3 active"]."""
    reasons = []
    if candidate.speaks_language:
        reasons.append(_("speaks %(language)s") % {"language": facts.language_name})
    else:
        reasons.append(_("needs an interpreter for %(language)s") % {"language": facts.language_name})
    if candidate.reaches_area:
        reasons.append(_("reaches %(area)s") % {"area": facts.area_name})
    else:
        reasons.append(_("does not list %(area)s") % {"area": facts.area_name})
    shared = candidate.availability & facts.best_times
    if facts.best_times and shared:
        reasons.append(_("free %(times)s") % {"times": describe(shared)})
    elif facts.best_times:
        reasons.append(_("not free at the family's times"))
    reasons.append(
        _("%(active)s of %(capacity)s active") % {"active": candidate.active_matches, "capacity": candidate.capacity}
    )
    return reasons
