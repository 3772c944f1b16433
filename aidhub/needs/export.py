"""A CSV of finished requests for an organizer's reports: what was asked, where, in which language, and how it
ended. Never a name, a contact or a description: those stay encrypted in the database and out of the file.

The file is streamed: rows are read from the database in chunks (a server-side cursor on PostgreSQL) and
written out a chunk at a time, so memory stays flat whether an organizer's areas hold a hundred requests or
a hundred thousand.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from aidhub.core.models import Area, Category, Language
from aidhub.needs.models import HelpRequest, HelpRequestQuerySet

CHUNK_SIZE = 2000
FINISHED = [HelpRequest.Status.DONE, HelpRequest.Status.CLOSED, HelpRequest.Status.WITHDRAWN]
# Only these columns ever leave the database: no first name, contact or description.
FIELDS = ["reference_code", "category", "language_id", "area_id", "status", "close_reason", "created_at"]
FIELDS += ["status_changed_at"]


def header() -> list[str]:
    return [
        _("Reference code"),
        _("Kind of help"),
        _("Language"),
        _("Area"),
        _("Status"),
        pgettext("why a request was closed", "Reason"),
        _("Asked on"),
        _("Finished on"),
    ]


def finished_requests(requests: HelpRequestQuerySet) -> Any:
    return requests.filter(status__in=FINISHED).order_by("created_at", "id").values_list(*FIELDS)


def _cell(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: an admin-typed area name must not."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _local_date(moment: datetime | None) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def csv_chunks(rows: Iterable[tuple[Any, ...]]) -> Iterator[str]:
    """The CSV text, a chunk of rows at a time, in the language active now (for labels and the header)."""
    # Labels are looked up once, not once per row: the reference tables are small.
    categories = {value: str(label) for value, label in Category.choices}
    statuses = {value: str(label) for value, label in HelpRequest.Status.choices}
    reasons = {value: str(label) for value, label in HelpRequest.CloseReason.choices}
    languages = {pk: _cell(name) for pk, name in Language.objects.values_list("pk", "name_en")}
    areas = {pk: _cell(name) for pk, name in Area.objects.values_list("pk", "name")}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # A byte-order mark, so that spreadsheet programs read Arabic and accented letters right.
    buffer.write("\ufeff")
    writer.writerow(header())
    for count, (code, category, language_id, area_id, status, reason, created, changed) in enumerate(rows, 1):
        writer.writerow(
            [
                code,
                categories.get(category, category),
                languages.get(language_id, ""),
                areas.get(area_id, ""),
                statuses.get(status, status),
                reasons.get(reason, ""),
                _local_date(created),
                _local_date(changed),
            ]
        )
        if count % CHUNK_SIZE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
