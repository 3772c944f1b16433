"""What organizers take away: a printable attendance list and a CSV of shifts (no family data in either file)."""

import csv

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from aidhub.core.decorators import organizer_required
from aidhub.core.models import AuditEvent, audit
from aidhub.core.security import require_recent_sign_in
from aidhub.events.models import Booking, ShiftSignup
from aidhub.events.views.access import get_event_for_organizer
from aidhub.lib.replica import reads_from_replica

# Spreadsheet programs run cells that start with these as formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@require_safe
@organizer_required
@reads_from_replica
def attendance(request, pk):
    """A list to print and tick on the day: volunteers by name; families and attendees by reference code only."""
    event = get_event_for_organizer(request, pk)
    signups = ShiftSignup.objects.select_related("volunteer__volunteer_profile").order_by("created_at")
    shifts = event.shifts.select_related("language").prefetch_related(Prefetch("signups", signups))
    slots = event.slots.select_related("shift").prefetch_related(
        Prefetch("bookings", Booking.objects.active().select_related("language").order_by("created_at"))
    )
    registrations = event.registrations.confirmed().select_related("language").order_by("reference_code")
    return render(
        request,
        "events/organize/attendance.html",
        {"event": event, "shifts": shifts, "slots": slots, "registrations": registrations},
    )


class _Echo:
    """A file-like object that hands each written line straight back, for streaming."""

    def write(self, value):
        return value


def _safe(value):
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _moment(value):
    return formats.date_format(timezone.localtime(value), "Y-m-d H:i")


@require_safe
@organizer_required
@reads_from_replica
def shifts_csv(request, pk):
    """Volunteers' display names and roles, streamed row by row. Asks for the password again first."""
    event = get_event_for_organizer(request, pk)
    require_recent_sign_in(request)
    audit(actor=request.user, action=AuditEvent.Action.EXPORTED, target=event, organization=event.organization)
    signups = (
        ShiftSignup.objects.filter(shift__event=event)
        .select_related("shift__language", "volunteer__volunteer_profile")
        .order_by("shift__starts_at", "shift__role", "created_at")
    )
    writer = csv.writer(_Echo())
    header = [_("Role"), _("Language"), _("Starts"), _("Ends"), _("Volunteer")]

    def rows():
        yield writer.writerow(header)
        for signup in signups.iterator(chunk_size=500):
            shift = signup.shift
            language = shift.language.name_en if shift.language is not None else ""
            yield writer.writerow(
                [
                    _safe(shift.get_role_display()),
                    _safe(language),
                    _moment(shift.starts_at),
                    _moment(shift.ends_at),
                    _safe(signup.volunteer.display_name),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-shifts.csv"'
    return response
