"""Reading an uploaded spreadsheet (CSV or XLSX) into rows of text, and writing the template file.

CSV is read with the standard library, XLSX with openpyxl (read-only, values only; defusedxml parses its XML).
django-import-export was considered: its 4.x releases declare support up to Django 5.2 (6.0 only in the unreleased
5.0 line), and its resources save one model per row with their own `save()`, where a row here makes an account,
a profile, an offer and an invitation through the accounts and offers services. So the rows are read here and
checked in aidhub.imports.checks."""

import csv
import io
import itertools
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    help: StrPromise
    example: str


# The columns of the template, in order. Headers are matched without regard to case or spaces around them.
COLUMNS = [
    Column("email", True, gettext_lazy("The volunteer's email address. One row per volunteer."), "ana@example.org"),
    Column(
        "name",
        False,
        gettext_lazy("A first name or nickname, shown to families and the public. Empty: the volunteer chooses."),
        "Ana",
    ),
    Column(
        "language",
        False,
        gettext_lazy("The language of the volunteer's pages and emails, as a code (en, es, ar…). Empty: English."),
        "es",
    ),
    Column(
        "languages",
        False,
        gettext_lazy("Languages the volunteer speaks, as codes separated by semicolons (es;en)."),
        "es;en",
    ),
    Column(
        "areas",
        True,
        gettext_lazy(
            "The areas the volunteer can reach, as the area codes of your organization, separated by semicolons."
        ),
        "eastside",
    ),
    Column(
        "category",
        False,
        gettext_lazy(
            "The kind of help offered, as a code (food, childcare, rides…). Empty: no offer, only the account."
        ),
        "food",
    ),
    Column("title", False, gettext_lazy("The offer's title (needed with a kind of help)."), "Hot meals on weekends"),
    Column(
        "description",
        False,
        gettext_lazy("What the volunteer offers, in a few sentences (needed with a kind of help)."),
        "I cook for up to two families on Saturdays.",
    ),
    Column(
        "availability",
        False,
        gettext_lazy(
            "When the volunteer is free: any, or day-part pairs separated by semicolons (sat-morning;weekdays-evening)."
        ),
        "sat-morning;sat-afternoon",
    ),
    Column("capacity", False, gettext_lazy("How many families at a time, 1 to 50. Empty: 1."), "2"),
]
COLUMN_NAMES = [column.name for column in COLUMNS]
REQUIRED_COLUMNS = [column.name for column in COLUMNS if column.required]

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
# An XLSX file is a zip: what it may unpack to, so that a small file cannot fill the memory.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024

Row = dict[str, str]


class FileProblem(Exception):
    """The file cannot be read as a whole: the message, translated, says why and what to do."""


def read_rows(content: bytes, file_name: str) -> list[Row]:
    """The rows of the file, each a dict of column name to text, with "line" (its line in the file, the header
    being line 1). FileProblem when the file is not a readable CSV or XLSX with the needed columns."""
    if file_name.lower().endswith(".xlsx"):
        table = _xlsx_table(content)
    elif file_name.lower().endswith(".csv"):
        table = _csv_table(content)
    else:
        raise FileProblem(_("Upload a CSV or XLSX file."))
    if not table:
        raise FileProblem(_("The file is empty."))
    headers = [header.strip().lower() for header in table[0]]
    missing = [name for name in REQUIRED_COLUMNS if name not in headers]
    if missing:
        raise FileProblem(
            _("The file has no column %(columns)s. Start from the template file.") % {"columns": ", ".join(missing)}
        )
    unknown = [header for header in headers if header and header not in COLUMN_NAMES]
    if unknown:
        raise FileProblem(
            _("These columns are not known: %(columns)s. Use the column names of the template file.")
            % {"columns": ", ".join(unknown)}
        )
    rows = []
    for line, values in enumerate(table[1:], start=2):
        if not any(value.strip() for value in values):
            continue
        row = dict.fromkeys(COLUMN_NAMES, "")
        for header, value in zip(headers, values, strict=False):
            if header:
                row[header] = value.strip()
        row["line"] = str(line)
        rows.append(row)
    if not rows:
        raise FileProblem(_("The file has a header but no rows."))
    if len(rows) > MAX_ROWS:
        raise FileProblem(
            _("The file has more than %(count)s rows. Split it into smaller files.") % {"count": MAX_ROWS}
        )
    return rows


def _csv_table(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(_("The file is not in UTF-8. Save it as “CSV UTF-8” and upload it again.")) from None
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in many languages save CSV with semicolons.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return list(itertools.islice(csv.reader(io.StringIO(text), delimiter=delimiter), MAX_ROWS + 2))
    except csv.Error:
        raise FileProblem(_("The file could not be read as CSV.")) from None


def _xlsx_table(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise FileProblem(_("The file is too big once unpacked. Split it into smaller files."))
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except FileProblem:
        raise
    except Exception:  # openpyxl raises many kinds of errors for a damaged file
        raise FileProblem(_("The file could not be read as XLSX.")) from None
    try:
        sheet = workbook.worksheets[0]
        table = []
        for values in sheet.iter_rows(values_only=True):
            table.append(["" if value is None else _cell_text(value) for value in values])
            if len(table) > MAX_ROWS + 1:
                break
        return table
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    # Numbers typed in a sheet come back as floats (2.0): the capacity column wants "2".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def template_csv() -> bytes:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(COLUMN_NAMES)
    writer.writerow([column.example for column in COLUMNS])
    return output.getvalue().encode("utf-8")


def template_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "volunteers"
    sheet.append(COLUMN_NAMES)
    sheet.append([column.example for column in COLUMNS])
    help_sheet = workbook.create_sheet("columns")
    for column in COLUMNS:
        help_sheet.append([column.name, str(column.help)])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
