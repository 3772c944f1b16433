"""Community reports and subscriptions are not kept longer than the network needs them."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from aidhub.alerts.models import Report, Subscriber
from aidhub.lib import fragments


@transaction.atomic
def purge_old_reports(*, days: int, now: datetime | None = None) -> int:
    """Deletes reports (their text, photo, contact and check-ins) received more than `days` ago. Alerts made from
    them keep their own words."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    old = list(Report.objects.filter(created_at__lt=cutoff))
    for report in old:
        if report.photo:
            report.photo.delete(save=False)
    Report.objects.filter(pk__in=[report.pk for report in old]).delete()
    fragments.bump("alerts")
    return len(old)


@transaction.atomic
def purge_stale_subscribers(*, days: int, now: datetime | None = None) -> int:
    """Deletes subscriptions never confirmed, or ended, more than `days` ago: their address is of no more use."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    pending = Subscriber.objects.filter(status=Subscriber.Status.PENDING, created_at__lt=cutoff)
    ended = Subscriber.objects.filter(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at__lt=cutoff)
    count = 0
    for stale in (pending, ended):
        count += stale.delete()[1].get(Subscriber._meta.label, 0)
    return count
