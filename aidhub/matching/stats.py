"""Figures for the organizer dashboard, over the areas one organizer serves."""

import statistics
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from aidhub.matching.models import CheckIn, Match, MatchQuerySet
from aidhub.needs.models import HelpRequestQuerySet

WINDOW = timedelta(days=30)


def unmet_breakdown(requests: HelpRequestQuerySet) -> list[Mapping[str, object]]:
    """Unmet requests counted by category × language × area, largest first."""
    return list(
        requests.unmet()
        .values("category", "language__native_name", "language__name_en", "area__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "category")[:50]
    )


def median_hours(durations: Sequence[timedelta]) -> float | None:
    if not durations:
        return None
    return round(statistics.median(d.total_seconds() for d in durations) / 3600, 1)


def time_to_match_and_done(matches: MatchQuerySet) -> tuple[float | None, float | None]:
    """Median hours from request to an accepted match, and to help given, over the last 30 days."""
    since = timezone.now() - WINDOW
    recent = matches.filter(answered_at__gte=since).exclude(status__in=[Match.Status.DECLINED, Match.Status.CANCELLED])
    to_match = [
        answered - created
        for answered, created in recent.values_list("answered_at", "help_request__created_at")
        if answered and created
    ]
    to_done = [
        done - created
        for done, created in recent.filter(done_at__isnull=False).values_list("done_at", "help_request__created_at")
        if done
    ]
    return median_hours(to_match), median_hours(to_done)


def dashboard(requests: HelpRequestQuerySet, matches: MatchQuerySet, timeout_hours: int) -> dict[str, Any]:
    """`requests` and `matches`: those of one organizer's areas."""
    unmet = requests.unmet()
    median_to_match, median_to_done = time_to_match_and_done(matches)
    return {
        "unmet_count": unmet.count(),
        "breakdown": unmet_breakdown(requests),
        "oldest": list(unmet.select_related("language", "area").without_personal_data().order_by("created_at")[:5]),
        "median_to_match": median_to_match,
        "median_to_done": median_to_done,
        "waiting_proposals": list(
            matches.filter(status=Match.Status.PROPOSED)
            .select_related("help_request", "volunteer__volunteer_profile")
            .without_personal_data()
            .order_by("proposed_at")[:20]
        ),
        "overdue_count": matches.overdue(timeout_hours).count(),
        "awaiting_check_in": list(
            # NOT EXISTS, not a LEFT JOIN … IS NULL, whose row count PostgreSQL misjudged (1 for 13,000).
            matches.filter(status=Match.Status.DONE)
            .exclude(Exists(CheckIn.objects.filter(match=OuterRef("pk"))))
            .select_related("help_request")
            .without_personal_data()
            .order_by("done_at")[:20]
        ),
    }
