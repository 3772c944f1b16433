"""Community reports: received from anyone, vetted by the organizers of the area, never published as such."""

from django.db import transaction

from aidhub.accounts.models import User
from aidhub.alerts.forms import CheckInForm, ReportForm
from aidhub.alerts.models import CheckIn, Report


@transaction.atomic
def report_create(*, form: ReportForm) -> Report:
    return form.save()


@transaction.atomic
def report_set_status(*, report: Report, status: str, organizer: User, duplicate_of: Report | None = None) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    report.status = status
    report.duplicate_of = duplicate_of if status == Report.Status.DUPLICATE else None
    report.handled_by = organizer
    report.save(update_fields=["status", "duplicate_of", "handled_by", "updated_at"])
    return report


@transaction.atomic
def report_check_in(*, report: Report, form: CheckInForm, organizer: User) -> CheckIn:
    check_in = form.save(commit=False)
    check_in.report = report
    check_in.organizer = organizer
    check_in.save()
    return check_in
