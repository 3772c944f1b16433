"""Deleting personal data on schedule, and at once in an emergency. Each app deletes its own part."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from aidhub.core.models import NetworkSettings, purge_old_audit_events
from aidhub.matching.services import purge_check_in_notes
from aidhub.needs.models import HelpRequest
from aidhub.needs.services import purge_finished_requests


@transaction.atomic
def purge_on_schedule(now=None):
    """The daily purge: finished requests past the retention period set in the admin, old audit rows."""
    now = now or timezone.now()
    network = NetworkSettings.load()
    request_ids = purge_finished_requests(days=network.request_retention_days, now=now)
    purge_check_in_notes(request_ids=request_ids)
    return {"requests": len(request_ids), "audit events": purge_old_audit_events(now)}


@transaction.atomic
def purge_everything_older_than(*, days, now=None):
    """The emergency purge: deletes every family's request created more than `days` ago, whatever its
    state, with everything attached (matches, check-ins, follow-ups)."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, _by_model = HelpRequest.objects.filter(created_at__lt=cutoff).delete()
    return {"requests": deleted}
