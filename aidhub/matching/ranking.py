"""Ranking volunteers for a request: a pure function of plain facts, so it can be tested on its own.

Required (a volunteer who fails one is left out of suggestions, and cannot be asked: see `refusals`):
  1. a published offer in the same category;
  2. an active volunteer, confirmed for the category where the network requires it (aidhub.accounts.capabilities);
  3. no earlier decline of this request or of the one it follows up (the same family);
  4. room under their capacity (proposals and accepted matches count);
  5. speaks the family's language or reaches its area.
Then, in this order of importance (each only breaks ties of the ones above):
  6. speaks the family's language (otherwise shown, last, as "needs an interpreter");
  7. reaches the family's area;
  8. free at the family's best times (any shared slot of the weekly grid);
  9. lightest load (active matches / capacity);
  10. fairness: asked least recently (never asked comes first).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from aidhub.accounts.capabilities import serves
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
    active: bool = True


@dataclass(frozen=True)
class Suggestion:
    candidate: Candidate
    needs_interpreter: bool
    reasons: list[str] = field(default_factory=list)


class Refusal:
    """Why a volunteer may not be asked for a request (codes; aidhub.matching.views.organize words them)."""

    OTHER_KIND = "other_kind"
    INACTIVE = "inactive"
    NOT_CONFIRMED = "not_confirmed"
    DECLINED = "declined"
    FULL = "full"
    OUT_OF_REACH = "out_of_reach"
    # Interpreters only: does not speak both the family's language and one of the volunteer's.
    NOT_BOTH_LANGUAGES = "not_both_languages"
    SAME_PERSON = "same_person"


def refusals(facts: RequestFacts, candidate: Candidate) -> list[str]:
    """Every reason this volunteer may not be asked for this request; none when they may. The one rule that
    suggestions (in SQL first: aidhub.matching.suggestions) and the organizer's "Ask this volunteer" apply."""
    reasons: list[str] = []
    if candidate.category != facts.category:
        reasons.append(Refusal.OTHER_KIND)
    if not candidate.active:
        reasons.append(Refusal.INACTIVE)
    elif not serves(active=candidate.active, needs_vetting=facts.vetting_required, confirmed=candidate.vetted):
        reasons.append(Refusal.NOT_CONFIRMED)
    if candidate.declined_before:
        reasons.append(Refusal.DECLINED)
    if candidate.active_matches >= candidate.capacity:
        reasons.append(Refusal.FULL)
    if not (candidate.speaks_language or candidate.reaches_area):
        reasons.append(Refusal.OUT_OF_REACH)
    return reasons


def is_eligible(facts: RequestFacts, candidate: Candidate) -> bool:
    return not refusals(facts, candidate)


def interpreter_refusals(facts: RequestFacts, candidate: Candidate, volunteer_id: int) -> list[str]:
    """Why this volunteer may not interpret for a match: the rule of `refusals` for the interpreting kind of help
    (vetting, capacity, an earlier "no" to this family, inactive), and they must speak both languages
    (`candidate.speaks_language` holds both) and not be the match's volunteer."""
    reasons = refusals(facts, candidate)
    if not candidate.speaks_language and Refusal.OUT_OF_REACH not in reasons:
        reasons.append(Refusal.NOT_BOTH_LANGUAGES)
    if candidate.volunteer_id == volunteer_id:
        reasons.append(Refusal.SAME_PERSON)
    return reasons


def rank_interpreters(facts: RequestFacts, candidates: Iterable[Candidate], limit: int = 10) -> list[Suggestion]:
    """The best interpreters: only those who speak both languages, then ranked as volunteers are (area, the
    family's times, lightest load, asked longest ago)."""
    return rank(facts, [candidate for candidate in candidates if candidate.speaks_language], limit=limit)


# The order in which an organizer reads why volunteers were left out: what they can act on first.
LEFT_OUT_ORDER = (Refusal.NOT_CONFIRMED, Refusal.FULL, Refusal.OUT_OF_REACH, Refusal.DECLINED, Refusal.INACTIVE)


def left_out(facts: RequestFacts, candidates: Iterable[Candidate]) -> dict[str, list[int]]:
    """Volunteers who may not be asked for this request, by reason: {Refusal code: [volunteer ids]}, in
    LEFT_OUT_ORDER. Each volunteer is judged by their offer with the fewest `refusals` (the same rule, not a copy):
    one offer they may be asked for makes them eligible, and they are left out of nothing. A volunteer refused for
    several reasons is in each of those groups."""
    best: dict[int, list[str]] = {}
    for candidate in candidates:
        reasons = refusals(facts, candidate)
        current = best.get(candidate.volunteer_id)
        if current is None or len(reasons) < len(current):
            best[candidate.volunteer_id] = reasons
    groups: dict[str, list[int]] = {reason: [] for reason in LEFT_OUT_ORDER}
    for volunteer_id, reasons in sorted(best.items()):
        for reason in reasons:
            if reason in groups:
                groups[reason].append(volunteer_id)
    return {reason: ids for reason, ids in groups.items() if ids}


def sort_key(facts: RequestFacts, candidate: Candidate) -> tuple[bool, bool, bool, float, datetime, int]:
    last_asked = candidate.last_asked_at.replace(tzinfo=None) if candidate.last_asked_at else NEVER
    return (
        not candidate.speaks_language,
        not candidate.reaches_area,
        not (candidate.availability & facts.best_times) if facts.best_times else False,
        candidate.active_matches / candidate.capacity,
        last_asked,
        candidate.volunteer_id,
    )


def rank(facts: RequestFacts, candidates: Iterable[Candidate], limit: int = 10) -> list[Suggestion]:
    """The best volunteers for this request, one entry per volunteer, each with the reasons in words."""
    best_per_volunteer: dict[int, Candidate] = {}
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


def explain(facts: RequestFacts, candidate: Candidate) -> list[str]:
    """E.g. ["speaks Spanish", "reaches Eastside", "free weekdays (evenings)", "1 of 3 active"]."""
    reasons: list[str] = []
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
