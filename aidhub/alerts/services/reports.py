"""Community reports: received from anyone, vetted by the organizers of the area, never published as such."""

from datetime import datetime

from django.core.files import File
from django.db import transaction

from aidhub.accounts.models import User
from aidhub.alerts.models import CheckIn, Report
from aidhub.core.models import Area
from aidhub.lib import fragments


@transaction.atomic
def report_create(*, what: str, area: Area, happened_at: datetime, photo: File[bytes] | None, contact: str) -> Report:
    """Receives a community report from anyone. `photo` is already stripped of its location and camera details
    (aidhub.alerts.photos)."""
    report = Report(what=what, area=area, happened_at=happened_at, contact=contact)
    if photo is not None:
        report.photo = photo
    report.save()
    # Open reports are counted in the organizers' work counts (aidhub.portal.selectors).
    fragments.bump("alerts")
    return report


@transaction.atomic
def report_set_status(*, report: Report, status: str, organizer: User, duplicate_of: Report | None = None) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    report.status = status
    report.duplicate_of = duplicate_of if status == Report.Status.DUPLICATE else None
    report.handled_by = organizer
    report.save(update_fields=["status", "duplicate_of", "handled_by", "updated_at"])
    fragments.bump("alerts")
    return report


@transaction.atomic
def report_check_in(*, actor: User, report: Report, outcome: str, note: str) -> CheckIn:
    """An organizer records how the person who reported is doing, after reaching them."""
    return CheckIn.objects.create(report=report, organizer=actor, outcome=outcome, note=note)
