"""Deleting personal data on schedule, and at once in an emergency. Each app deletes its own part."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from aidhub.alerts.services.retention import purge_old_reports, purge_stale_subscribers
from aidhub.callouts.services import purge_callout_phone_hashes
from aidhub.core.models import NetworkSettings, purge_old_audit_events
from aidhub.events.models import Booking, Registration
from aidhub.events.services.reminders import purge_personal_data as purge_event_people
from aidhub.imports.services import import_uploads_purge
from aidhub.matching.services import purge_check_in_notes
from aidhub.messaging.inbound import purge_inbound_messages
from aidhub.needs.services import help_requests_delete_created_before, purge_finished_requests
from aidhub.phone.services.texts import purge_idle_conversations


@transaction.atomic
def purge_on_schedule(now: datetime | None = None) -> dict[str, int]:
    """The daily purge, with the periods set in the admin: finished requests, past events' sign-ups, old reports,
    unconfirmed or ended subscriptions, audit rows older than 180 days, call-outs' phone hashes after their reply
    window, and imported spreadsheets after their hour."""
    now = now or timezone.now()
    network = NetworkSettings.load()
    request_ids = purge_finished_requests(days=network.request_retention_days, now=now)
    purge_check_in_notes(request_ids=request_ids)
    return {
        "requests": len(request_ids),
        "event sign-ups": purge_event_people(days=network.booking_retention_days, now=now),
        "reports": purge_old_reports(days=network.report_retention_days, now=now),
        "subscriptions": purge_stale_subscribers(days=network.unconfirmed_subscriber_days, now=now),
        "audit events": purge_old_audit_events(now),
        "text conversations": purge_idle_conversations(now=now),
        "text message ids": purge_inbound_messages(now=now),
        "call-out phone hashes": purge_callout_phone_hashes(now=now),
        "spreadsheet uploads": import_uploads_purge(now=now),
    }


@transaction.atomic
def purge_everything_older_than(*, days: int, now: datetime | None = None) -> dict[str, int]:
    """The emergency purge: deletes every family's request, booking and registration created more than `days`
    ago, whatever its state, with everything attached (matches, check-ins, follow-ups), and old reports."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    requests = help_requests_delete_created_before(cutoff=cutoff)
    bookings = Booking.objects.filter(created_at__lt=cutoff).delete()[1].get(Booking._meta.label, 0)
    registrations = Registration.objects.filter(created_at__lt=cutoff).delete()[1].get(Registration._meta.label, 0)
    reports = purge_old_reports(days=days, now=now)
    return {"requests": requests, "bookings": bookings + registrations, "reports": reports}
