"""What the insights pages write: one audit line per organization when an organizer downloads a chart's CSV."""

from datetime import date

from django.db import transaction

from aidhub.accounts.models import User
from aidhub.core.models import AuditEvent, audit
from aidhub.core.selectors import organized_organizations


def chart_export_record(*, actor: User, chart: str, first_week: date, weeks: int) -> None:
    """Exports are audited (as the requests' and shifts' CSV files are): which chart and which weeks, in the trail
    of each organization whose figures the file holds. Counts and dates only: the file holds nothing personal."""
    details = {"chart": chart, "first_week": first_week.isoformat(), "weeks": weeks}
    with transaction.atomic():
        for organization in organized_organizations(actor):
            audit(actor=actor, action=AuditEvent.Action.EXPORTED, organization=organization, details=details)
