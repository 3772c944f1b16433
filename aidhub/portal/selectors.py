"""What waits for an organizer, counted over their organizer scope: the landing dashboard and the badges of the
menu read it on every organizer page (one function, a few aggregate queries, kept in the cache per scope and renewed
by every change a service makes to what it counts: organizer_work_counts).

Each count is the same query as the list it links to, so a number never promises rows the list does not show:
offers of `offers:review_queue`, requests of `needs:queue?status=…`, alerts of `alerts:manage_list` waiting for
verification, reports of `alerts:report_queue` (open ones), and done matches whose check-in is overdue.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from aidhub.alerts.models import Alert, Report
from aidhub.core.selectors import organized_organization_ids, organizer_area_ids
from aidhub.lib import fragments
from aidhub.matching.models import CheckIn, Match, MatchQuerySet
from aidhub.needs.models import HelpRequest
from aidhub.offers.models import Offer

# A check-in is asked a few days after the help was given; past this it is overdue. Help given longer ago than
# CHECK_IN_ASKED_FOR is past asking about: it no longer waits for anyone (and the count stays an index read
# over recent help, not a scan of every match the network ever made).
CHECK_IN_OVERDUE_AFTER = timedelta(days=3)
CHECK_IN_ASKED_FOR = timedelta(days=60)

# What the counts are kept under in the cache, each version bumped by the services that change what they count:
# "offers" (an offer's status or areas, a volunteer accepting their invitation), "requests" (requests, matches and
# their check-ins), "alerts" (alerts and community reports).
WORK_COUNT_VERSIONS = ("offers", "requests", "alerts")
# Overdue check-ins depend on the time as well (CHECK_IN_OVERDUE_AFTER, CHECK_IN_ASKED_FOR): help given 3 days ago
# becomes overdue without any change to bump a version. Kept counts are so at most a minute behind the clock, and as
# long behind a change made outside the services (the admin).
WORK_COUNTS_TIMEOUT = 60

# The request statuses the dashboard counts, each one a link to the queue filtered on it.
REQUEST_STATUSES: tuple[tuple[str, str], ...] = (
    ("new", HelpRequest.Status.NEW),
    ("needs_info", HelpRequest.Status.NEEDS_INFO),
    ("answered", HelpRequest.Status.ANSWERED),
    ("waiting", HelpRequest.Status.REVIEWED),
)


@dataclass(frozen=True)
class WorkCounts:
    offers_to_review: int
    requests: dict[str, int]
    check_ins_overdue: int
    alerts_to_verify: int
    reports_to_vet: int

    @property
    def total(self) -> int:
        return (
            self.offers_to_review
            + sum(self.requests.values())
            + self.check_ins_overdue
            + self.alerts_to_verify
            + self.reports_to_vet
        )


def overdue_check_ins(area_ids: list[int]) -> MatchQuerySet:
    """Help given in these areas between CHECK_IN_ASKED_FOR and CHECK_IN_OVERDUE_AFTER ago, with no check-in."""
    now = timezone.now()
    return (
        Match.objects.in_areas(area_ids)
        .filter(
            status=Match.Status.DONE,
            done_at__lt=now - CHECK_IN_OVERDUE_AFTER,
            done_at__gte=now - CHECK_IN_ASKED_FOR,
        )
        .exclude(Exists(CheckIn.objects.filter(match=OuterRef("pk"))))
    )


def organizer_work_counts(user: AbstractBaseUser | AnonymousUser) -> WorkCounts:
    """Counts of what waits for this organizer, over their areas: kept in the cache for everyone with the same scope
    (the same organizations and areas), counted afresh after a change to any of them (WORK_COUNT_VERSIONS)."""
    # Every count below reads the person only through their organizer scope (organizer_areas(user), which their
    # organizations determine): both are in the key, so people whose scopes differ in any way never share counts.
    scope = [organized_organization_ids(user), sorted(organizer_area_ids(user))]
    return fragments.cached(
        "work-counts",
        scope,
        versions=WORK_COUNT_VERSIONS,
        build=lambda: count_work(user),
        timeout=WORK_COUNTS_TIMEOUT,
    )


def count_work(user: AbstractBaseUser | AnonymousUser) -> WorkCounts:
    """Counts of what waits for this organizer, over their areas, read from the database (six queries, whatever
    the numbers)."""
    area_ids = organizer_area_ids(user)
    statuses = dict(REQUEST_STATUSES)
    # Only the counted statuses are read: an index-only scan of (area, status), not every request ever made.
    request_counts = (
        HelpRequest.objects.in_areas(area_ids)
        .filter(status__in=statuses.values())
        .aggregate(**{key: Count("pk", filter=Q(status=status)) for key, status in statuses.items()})
    )
    return WorkCounts(
        offers_to_review=Offer.objects.awaiting_review_by(user).count(),
        requests={key: request_counts[key] for key in statuses},
        check_ins_overdue=overdue_check_ins(area_ids).count(),
        alerts_to_verify=Alert.objects.visible_to(user).filter(status=Alert.Status.PENDING).count(),
        reports_to_vet=Report.objects.visible_to(user).open().count(),
    )
