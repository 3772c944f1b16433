"""Benchmark matches (for `manage.py seed_bench`): 100,000 at scale 1, one live match for every request that
got a volunteer, declined proposals, check-ins for most help given, vetting, and the bench volunteer's history."""

from datetime import timedelta

from django.utils import timezone

from aidhub.accounts.models import Vetting
from aidhub.core.models import NetworkSettings
from aidhub.devdata.benchkit import bulk_insert, scaled
from aidhub.matching.models import CheckIn, Match
from aidhub.needs.models import HelpRequest

MATCHES = 100_000
BENCH_VOLUNTEER_MATCHES = 40
LIVE = {
    HelpRequest.Status.DONE: Match.Status.DONE,
    HelpRequest.Status.MATCHED: Match.Status.ACCEPTED,
    HelpRequest.Status.MATCHING: Match.Status.PROPOSED,
}


def seed(rng, scale, context):
    offers = context["published_offers"]
    organizers = context["organizers"]
    bench_volunteer = context["bench_volunteer"]
    target = scaled(MATCHES, scale)
    live = [r for r in context["help_requests"] if r[2] in LIVE and r[1] in offers]
    declined_count = max(0, target - len(live))
    declined = rng.sample([r for r in context["help_requests"] if r[1] in offers], declined_count)

    def match(request, status):
        pk, category, _status, created = request
        offer_id, volunteer_id = rng.choice(offers[category])
        proposed = created + timedelta(hours=rng.uniform(1, 96))
        answered = proposed + timedelta(hours=rng.uniform(1, 48)) if status != Match.Status.PROPOSED else None
        return Match(
            help_request_id=pk,
            volunteer_id=volunteer_id,
            offer_id=offer_id,
            status=status,
            decline_reason=rng.choice(Match.DeclineReason.values) if status == Match.Status.DECLINED else "",
            proposed_by=rng.choice(organizers),
            proposed_at=proposed,
            answered_at=answered,
            done_at=answered + timedelta(days=rng.uniform(1, 10)) if status == Match.Status.DONE else None,
        )

    rows = [match(r, LIVE[r[2]]) for r in live]
    # The known volunteer's history: many done, a couple waiting for an answer or in progress.
    done = [m for m in rows if m.status == Match.Status.DONE][:BENCH_VOLUNTEER_MATCHES]
    active = [m for m in rows if m.status in Match.ACTIVE][:2]
    for row in done + active:
        row.volunteer_id, row.offer_id = bench_volunteer.pk, None
    rows += [match(r, Match.Status.DECLINED) for r in declined]
    matches = bulk_insert(Match, rows, keep=lambda m: (m.pk, m.status, m.done_at))
    outcomes = CheckIn.Outcome.values
    bulk_insert(
        CheckIn,
        (
            CheckIn(
                match_id=pk,
                outcome=rng.choices(outcomes, [70, 15, 5, 10])[0],
                recorded_by=rng.choice(organizers),
                recorded_at=done_at + timedelta(days=rng.uniform(1, 7)),
            )
            for pk, status, done_at in matches
            if status == Match.Status.DONE and rng.random() < 0.85
        ),
    )
    # The network vets volunteers for sensitive kinds of help; most who offer them are confirmed.
    vetted_categories = NetworkSettings.load().vetted_categories
    pairs = {(volunteer_id, c) for c in vetted_categories for _o, volunteer_id in offers.get(c, [])}
    bulk_insert(
        Vetting,
        (
            Vetting(
                volunteer_id=volunteer_id,
                category=category,
                status=Vetting.Status.VETTED,
                decided_by=rng.choice(organizers),
                decided_at=timezone.now(),
            )
            for volunteer_id, category in sorted(pairs)
            if rng.random() < 0.7
        ),
    )
    return {"matches": len(matches)}
