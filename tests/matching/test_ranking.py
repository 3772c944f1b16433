"""The ranking on its own: each criterion changes the order as documented in aidhub.matching.ranking."""

from datetime import UTC, datetime

from django.utils import translation

from aidhub.core import availability
from aidhub.matching.ranking import Candidate, Refusal, RequestFacts, left_out, rank, refusals

EVENINGS = availability.mask_from_slots((day, 2) for day in range(5))
MORNINGS = availability.mask_from_slots((day, 0) for day in range(5))
FACTS = RequestFacts(
    category="food", language_name="Español", area_name="Eastside", best_times=EVENINGS, vetting_required=False
)


def candidate(volunteer_id, **changes):
    values = {
        "volunteer_id": volunteer_id,
        "display_name": f"V{volunteer_id}",
        "offer_id": volunteer_id * 10,
        "category": "food",
        "speaks_language": True,
        "reaches_area": True,
        "availability": EVENINGS,
        "active_matches": 0,
        "capacity": 2,
    }
    values.update(changes)
    return Candidate(**values)


def order(candidates, facts=FACTS):
    return [suggestion.candidate.volunteer_id for suggestion in rank(facts, candidates)]


def test_other_categories_are_left_out():
    assert order([candidate(1, category="rides"), candidate(2)]) == [2]


def test_an_earlier_decline_leaves_the_volunteer_out():
    assert order([candidate(1, declined_before=True), candidate(2)]) == [2]


def test_unvetted_volunteers_are_left_out_only_where_vetting_is_required():
    candidates = [candidate(1, vetted=False), candidate(2, vetted=True)]
    assert order(candidates) == [1, 2]
    strict = RequestFacts(**{**FACTS.__dict__, "vetting_required": True})
    assert order(candidates, strict) == [2]


def test_a_volunteer_at_capacity_is_left_out():
    assert order([candidate(1, active_matches=2, capacity=2), candidate(2, active_matches=1, capacity=2)]) == [2]


def test_speaking_the_language_comes_first_and_others_need_an_interpreter():
    suggestions = rank(FACTS, [candidate(1, speaks_language=False), candidate(2)])
    assert [s.candidate.volunteer_id for s in suggestions] == [2, 1]
    assert suggestions[1].needs_interpreter
    assert not suggestions[0].needs_interpreter


def test_reaching_the_area_comes_next():
    assert order([candidate(1, reaches_area=False), candidate(2)]) == [2, 1]
    # …but never above the language.
    assert order([candidate(1, reaches_area=False), candidate(2, speaks_language=False)]) == [1, 2]


def test_free_at_the_family_times_comes_next():
    assert order([candidate(1, availability=MORNINGS), candidate(2)]) == [2, 1]
    assert order([candidate(1, availability=MORNINGS), candidate(2, reaches_area=False)]) == [1, 2]


def test_lighter_load_comes_next():
    assert order([candidate(1, active_matches=1, capacity=2), candidate(2, active_matches=0, capacity=2)]) == [2, 1]
    assert order([candidate(1, active_matches=1, capacity=4), candidate(2, active_matches=1, capacity=2)]) == [1, 2]


def test_fairness_asked_least_recently_comes_last():
    recently = datetime(2026, 11, 20, tzinfo=UTC)
    long_ago = datetime(2026, 1, 1, tzinfo=UTC)
    assert order([candidate(1, last_asked_at=recently), candidate(2, last_asked_at=long_ago)]) == [2, 1]
    assert order([candidate(1, last_asked_at=long_ago), candidate(2)]) == [2, 1]  # never asked comes first


def test_one_entry_per_volunteer_with_their_best_offer():
    suggestions = rank(FACTS, [candidate(1, offer_id=11, reaches_area=False), candidate(1, offer_id=12)])
    assert [s.candidate.offer_id for s in suggestions] == [12]


def test_reasons_in_words():
    with translation.override("en"):
        (suggestion,) = rank(FACTS, [candidate(1, active_matches=1, capacity=3)])
        assert suggestion.reasons == ["speaks Español", "reaches Eastside", "free weekdays (evenings)", "1 of 3 active"]
        (suggestion,) = rank(FACTS, [candidate(1, speaks_language=False, availability=MORNINGS)])
        assert suggestion.reasons[0] == "needs an interpreter for Español"
        assert "not free at the family's times" in suggestion.reasons
        (suggestion,) = rank(FACTS, [candidate(1, reaches_area=False)])
        assert suggestion.reasons[1] == "does not list Eastside"


def test_a_volunteer_who_neither_speaks_nor_reaches_is_left_out():
    assert order([candidate(1, speaks_language=False, reaches_area=False), candidate(2)]) == [2]


def test_an_inactive_volunteer_is_left_out():
    assert order([candidate(1, active=False), candidate(2)]) == [2]


def test_refusals_name_every_reason():
    strict = RequestFacts(**{**FACTS.__dict__, "vetting_required": True})
    full = candidate(1, vetted=False, declined_before=True, active_matches=2, capacity=2, speaks_language=False)
    assert refusals(strict, candidate(2, vetted=True)) == []
    assert refusals(strict, full) == [Refusal.NOT_CONFIRMED, Refusal.DECLINED, Refusal.FULL]
    assert refusals(strict, candidate(3, active=False, vetted=True)) == [Refusal.INACTIVE]
    assert refusals(FACTS, candidate(4, category="legal", reaches_area=False, speaks_language=False)) == [
        Refusal.OTHER_KIND,
        Refusal.OUT_OF_REACH,
    ]


def test_limit():
    assert len(rank(FACTS, [candidate(n) for n in range(1, 30)], limit=10)) == 10


def test_left_out_groups_volunteers_by_the_reasons_of_refusals():
    strict = RequestFacts(**{**FACTS.__dict__, "vetting_required": True})
    candidates = [
        candidate(1, vetted=True),  # may be asked: left out of nothing
        candidate(2, vetted=False),
        candidate(3, vetted=False, active_matches=2, capacity=2),  # two reasons: in both groups
        candidate(4, vetted=True, speaks_language=False, reaches_area=False),
        candidate(5, vetted=True, declined_before=True),
        candidate(6, active=False),
    ]
    # A second offer the volunteer may be asked for makes them eligible.
    candidates += [candidate(7, vetted=True, reaches_area=False, speaks_language=False), candidate(7, vetted=True)]
    assert left_out(strict, candidates) == {
        Refusal.NOT_CONFIRMED: [2, 3],
        Refusal.FULL: [3],
        Refusal.OUT_OF_REACH: [4],
        Refusal.DECLINED: [5],
        Refusal.INACTIVE: [6],
    }
    for volunteer_ids in left_out(strict, candidates).values():
        for volunteer_id in volunteer_ids:
            assert refusals(strict, next(c for c in candidates if c.volunteer_id == volunteer_id))
