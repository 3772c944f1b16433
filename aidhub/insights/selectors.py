"""The figures behind the organizers' charts, counted by the database over one organizer's scope.

Scope has one home: requests and matches are those of `core.selectors.organizer_area_ids(user)` (through
`HelpRequest.objects.in_areas` and `Match.objects.in_areas`), events those of `Event.objects.organized_by(user)`.
Every figure is an aggregate (TruncWeek, Count, Sum) or, for medians, durations the database computes and sorts,
read a week at a time: the number of queries does not grow with the number of requests, and no encrypted field
is read (the queries name only dates, statuses and reference columns).

Medians are not `percentile_cont` (PostgreSQL has it, SQLite does not): the database sorts each week's durations
and we read the middle one, holding one week's durations at most.
"""

import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Count,
    DateField,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, Least, TruncWeek
from django.utils import timezone

from aidhub.events.models import Event, Shift, ShiftSignup
from aidhub.matching.models import Match
from aidhub.needs.models import HelpRequest, RequestMessage

Person = AbstractBaseUser | AnonymousUser

# Periods organizers pick from; a from–to period may span at most MAX_WEEKS.
WEEK_CHOICES = (4, 12, 52)
DEFAULT_WEEKS = 12
MAX_WEEKS = 104

# The longest ranked lists (unmet requests by language, kind of help, area): the rest is in no chart.
RANKED_ROWS = 15


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Period:
    """Whole weeks, Monday to Sunday in the site's time zone, as TruncWeek counts them."""

    first_week: date
    weeks: int

    @classmethod
    def last_weeks(cls, weeks: int, today: date | None = None) -> "Period":
        """The last `weeks` weeks, this one included."""
        this_week = monday_of(today or timezone.localdate())
        return cls(first_week=this_week - timedelta(weeks=weeks - 1), weeks=weeks)

    @classmethod
    def between(cls, start: date, end: date) -> "Period":
        """The weeks from the one holding `start` to the one holding `end`."""
        first = monday_of(start)
        return cls(first_week=first, weeks=(monday_of(end) - first).days // 7 + 1)

    @property
    def week_starts(self) -> list[date]:
        return [self.first_week + timedelta(weeks=n) for n in range(self.weeks)]

    @property
    def last_day(self) -> date:
        return self.first_week + timedelta(weeks=self.weeks, days=-1)

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.first_week, time.min))

    @property
    def end(self) -> datetime:
        """The first moment after the period."""
        return timezone.make_aware(datetime.combine(self.first_week + timedelta(weeks=self.weeks), time.min))

    def during(self, field: str) -> dict[str, datetime]:
        """Filter arguments: `field` falls inside the period."""
        return {f"{field}__gte": self.start, f"{field}__lt": self.end}


def _week(field: str) -> TruncWeek:
    return TruncWeek(field, output_field=DateField())


def _per_week(rows: Iterable[Mapping[str, Any]], name: str) -> dict[date, int]:
    return {row["week"]: row[name] or 0 for row in rows}


def requests_received_and_met(area_ids: list[int], period: Period) -> dict[str, dict[date, int]]:
    """Requests received each week, and requests met (help given) each week. Two queries."""
    received = (
        HelpRequest.objects.in_areas(area_ids)
        .filter(**period.during("created_at"))
        .annotate(week=_week("created_at"))
        .values("week")
        .annotate(n=Count("pk"))
        .order_by()
    )
    met = (
        Match.objects.in_areas(area_ids)
        .filter(status=Match.Status.DONE, **period.during("done_at"))
        .annotate(week=_week("done_at"))
        .values("week")
        .annotate(n=Count("help_request", distinct=True))
        .order_by()
    )
    return {"received": _per_week(received, "n"), "met": _per_week(met, "n")}


@dataclass(frozen=True)
class WeeklyMedian:
    count: int
    median_hours: float | None


def _medians(rows: Iterator[tuple[date, timedelta | None]]) -> dict[date, WeeklyMedian]:
    """Rows sorted by week then duration: each week's median, holding one week's durations at a time. A request
    without the moment (not contacted, not helped yet) has no duration and is not counted."""
    result: dict[date, WeeklyMedian] = {}
    week: date | None = None
    durations: list[float] = []

    def close() -> None:
        if week is not None and durations:
            result[week] = WeeklyMedian(len(durations), round(statistics.median(durations) / 3600, 1))

    for row_week, duration in rows:
        if duration is None:
            continue
        if row_week != week:
            close()
            week, durations = row_week, []
        durations.append(duration.total_seconds())
    close()
    return result


def _sorted_durations(requests: QuerySet[HelpRequest], moment: Any) -> Iterator[tuple[date, timedelta | None]]:
    """(week, duration) of each request, sorted. Requests without the moment come with None (first or last in
    their week, as the database sorts NULLs): filtering them in SQL would repeat the subqueries in the WHERE."""
    wait = ExpressionWrapper(F("moment") - F("created_at"), output_field=DurationField())
    return (
        requests.annotate(moment=moment)
        .annotate(week=_week("created_at"), wait=wait)
        .order_by("week", "wait")
        .values_list("week", "wait")
        .iterator(chunk_size=2000)
    )


def time_to_contact_and_done(area_ids: list[int], period: Period) -> dict[str, dict[date, WeeklyMedian]]:
    """For the requests received each week: how many were contacted and the median hours to first contact, how
    many got help and the median hours to help given. First contact is the earlier of the organizers' first
    question to the family and a volunteer accepting to help (who then calls the family). Two queries."""
    requests = HelpRequest.objects.in_areas(area_ids).filter(**period.during("created_at"))
    accepted = (
        Match.objects.filter(
            help_request=OuterRef("pk"),
            status__in=[Match.Status.ACCEPTED, Match.Status.DONE],
            answered_at__isnull=False,
        )
        .order_by("answered_at")
        .values("answered_at")[:1]
    )
    asked = (
        RequestMessage.objects.filter(help_request=OuterRef("pk"), author=RequestMessage.Author.NETWORK)
        .order_by("created_at")
        .values("created_at")[:1]
    )
    # LEAST ignores NULLs on PostgreSQL but not on SQLite: each side falls back to the other.
    first_contact = Least(Coalesce(Subquery(accepted), Subquery(asked)), Coalesce(Subquery(asked), Subquery(accepted)))
    done = (
        Match.objects.filter(help_request=OuterRef("pk"), status=Match.Status.DONE, done_at__isnull=False)
        .order_by("done_at")
        .values("done_at")[:1]
    )
    return {
        "contact": _medians(_sorted_durations(requests, first_contact)),
        "done": _medians(_sorted_durations(requests, Subquery(done))),
    }


# What unmet requests are counted by: the value column, and the columns that name it.
UNMET_GROUPS: dict[str, tuple[str, ...]] = {
    "language": ("language_id", "language__code", "language__native_name", "language__name_en"),
    "category": ("category",),
    "area": ("area_id", "area__name"),
}


def unmet_by(area_ids: list[int], period: Period, group: str) -> list[dict[str, Any]]:
    """Requests received in the period that are still unmet, counted by language, kind of help or area, most
    first (at most RANKED_ROWS). One query."""
    columns = UNMET_GROUPS[group]
    return list(
        HelpRequest.objects.in_areas(area_ids)
        .unmet()
        .filter(**period.during("created_at"))
        .values(*columns)
        .annotate(n=Count("pk"))
        .order_by("-n", columns[-1])[:RANKED_ROWS]
    )


def volunteers_active(user: Person, area_ids: list[int], period: Period) -> dict[date, int]:
    """Volunteers active each week, each counted once: they accepted a request of these areas, gave help, or had a
    shift at one of the organizer's events. One query (a UNION of distinct week-volunteer pairs); the pairs are
    counted here, at most one per volunteer and week."""
    matches = Match.objects.in_areas(area_ids).order_by()
    accepted = (
        matches.filter(status__in=[Match.Status.ACCEPTED, Match.Status.DONE], **period.during("answered_at"))
        .annotate(week=_week("answered_at"))
        .values_list("week", "volunteer_id")
    )
    helped = (
        matches.filter(status=Match.Status.DONE, **period.during("done_at"))
        .annotate(week=_week("done_at"))
        .values_list("week", "volunteer_id")
    )
    served = (
        ShiftSignup.objects.filter(
            shift__event__in=Event.objects.organized_by(user), **period.during("shift__starts_at")
        )
        .order_by()
        .annotate(week=_week("shift__starts_at"))
        .values_list("week", "volunteer_id")
    )
    pairs = accepted.union(helped, served).order_by()
    return dict(Counter(week for week, _volunteer in pairs))


def event_places(user: Person, period: Period) -> dict[str, dict[date, int]]:
    """Per week, at the organizer's events (published or held): events with shifts, volunteer places offered and
    places filled. Two queries."""
    events = Event.objects.organized_by(user).exclude(status__in=[Event.Status.DRAFT, Event.Status.CANCELLED])
    shifts = (
        Shift.objects.filter(event__in=events, **period.during("starts_at"))
        .annotate(week=_week("starts_at"))
        .values("week")
        .annotate(places=Sum("places"), events=Count("event", distinct=True))
        .order_by()
    )
    filled = (
        ShiftSignup.objects.filter(shift__event__in=events, **period.during("shift__starts_at"))
        .annotate(week=_week("shift__starts_at"))
        .values("week")
        .annotate(n=Count("pk"))
        .order_by()
    )
    shift_rows = list(shifts)
    return {
        "events": _per_week(shift_rows, "events"),
        "places": _per_week(shift_rows, "places"),
        "filled": _per_week(filled, "n"),
    }
