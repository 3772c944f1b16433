"""Each chart as its page, its table and its CSV show it: the same cells for all three, so that a count of fewer
than five people reads "< 5" everywhere and nothing smaller is ever written out.

`CHARTS` maps a chart's slug (its CSV URL) to the function that builds it from the organizer's scope and the
period; the page builds them all, a CSV only its own. Geometry of the SVG is in `aidhub.insights.plot`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import formats
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from aidhub.core.models import Category
from aidhub.core.selectors import organized_organizations, organizer_area_ids
from aidhub.insights import selectors
from aidhub.insights.selectors import Period, Person, WeeklyMedian
from aidhub.lib import fragments

# No chart, table or file shows a count of fewer than this many people (or requests of families) in a cell.
SMALL_COUNT = 5
HIDDEN = "< 5"


@dataclass(frozen=True)
class Cell:
    """One figure: `value` is what the chart draws (None: nothing drawn), `text` what the page shows (in the page's
    language), `csv` what the file holds."""

    value: float | None
    text: str
    csv: str
    hidden: bool = False


def count_cell(number: int) -> Cell:
    """A count of people: 1 to 4 are hidden as "< 5"; 0 says nobody."""
    if 0 < number < SMALL_COUNT:
        return Cell(None, HIDDEN, HIDDEN, hidden=True)
    return Cell(number, formats.number_format(number, force_grouping=True), str(number))


def plain_cell(number: int) -> Cell:
    """A count of events or places (not people): shown as it is."""
    return Cell(number, formats.number_format(number, force_grouping=True), str(number))


def median_cell(median: WeeklyMedian | None) -> Cell:
    """Median hours, shown only over five requests or more (their count is the cell beside it)."""
    if median is None or median.count < SMALL_COUNT or median.median_hours is None:
        return Cell(None, "—", "")
    hours = median.median_hours
    return Cell(hours, formats.number_format(hours, decimal_pos=1), f"{hours:.1f}")


def median_count_cell(median: WeeklyMedian | None) -> Cell:
    return count_cell(median.count if median else 0)


@dataclass(frozen=True)
class Row:
    label: str  # in the page's language
    csv_label: str
    cells: list[Cell]
    # A language's own name is written in that language (`label_lang`), followed by its English name (`label_note`).
    label_lang: str = ""
    label_note: str = ""


@dataclass
class Chart:
    slug: str
    title: str
    description: str  # what the chart shows, for screen readers (<desc>) and under the title
    kind: str  # "weekly" (bars per week) or "ranked" (horizontal bars, most first)
    header: list[str]  # the table's and the CSV's columns, the first one naming the rows
    rows: list[Row]
    plotted: list[int]  # which cells of a row the chart draws, one series each
    unit: str = ""  # what the vertical axis counts
    note: str = ""
    geometry: dict[str, Any] = field(default_factory=dict)

    @property
    def series(self) -> list[str]:
        return [self.header[index + 1] for index in self.plotted]

    @property
    def is_empty(self) -> bool:
        return all(cell.value in (None, 0) and not cell.hidden for row in self.rows for cell in row.cells)


def _week_rows(period: Period, columns: list[Callable[[date], Cell]]) -> list[Row]:
    return [
        Row(formats.date_format(week, "DATE_FORMAT"), week.isoformat(), [column(week) for column in columns])
        for week in period.week_starts
    ]


def requests_chart(user: Person, area_ids: list[int], period: Period) -> Chart:
    figures = selectors.requests_received_and_met(area_ids, period)
    return Chart(
        slug="requests",
        title=_("Requests received and met"),
        description=_("Requests received each week, and requests where help was given that week."),
        kind="weekly",
        header=[_("Week starting"), _("Requests received"), _("Requests met")],
        rows=_week_rows(
            period,
            [
                lambda week: count_cell(figures["received"].get(week, 0)),
                lambda week: count_cell(figures["met"].get(week, 0)),
            ],
        ),
        plotted=[0, 1],
        unit=_("Requests"),
    )


def times_chart(user: Person, area_ids: list[int], period: Period) -> Chart:
    figures = selectors.time_to_contact_and_done(area_ids, period)
    contact, done = figures["contact"], figures["done"]
    return Chart(
        slug="response-times",
        title=_("Time to first contact and to help given"),
        description=_(
            "For the requests received each week: the median number of hours until the first contact (a question "
            "from the organizers or a volunteer accepting), and until help was given."
        ),
        kind="weekly",
        header=[
            _("Week starting"),
            _("Median hours to first contact"),
            _("Median hours to help given"),
            _("Requests contacted"),
            _("Requests helped"),
        ],
        rows=_week_rows(
            period,
            [
                lambda week: median_cell(contact.get(week)),
                lambda week: median_cell(done.get(week)),
                lambda week: median_count_cell(contact.get(week)),
                lambda week: median_count_cell(done.get(week)),
            ],
        ),
        plotted=[0, 1],
        unit=_("Hours"),
        note=_("A week with fewer than 5 requests contacted or helped shows no median."),
    )


def _language_row(row: dict[str, Any]) -> Row:
    native, english = row["language__native_name"] or row["language__name_en"], row["language__name_en"]
    note = english if native != english else ""
    csv_label = f"{native} ({english})" if note else native
    return Row(native, csv_label, [count_cell(row["n"])], label_lang=row["language__code"], label_note=note)


def _ranked_row(group: str, row: dict[str, Any]) -> Row:
    if group == "language":
        return _language_row(row)
    if group == "category":
        label = str(Category(row["category"]).label) if row["category"] in Category.values else row["category"]
    else:
        label = row["area__name"]
    return Row(label, label, [count_cell(row["n"])])


UNMET_TITLES = {
    "language": gettext_lazy("Unmet requests by language"),
    "category": gettext_lazy("Unmet requests by kind of help"),
    "area": gettext_lazy("Unmet requests by area"),
}


def unmet_chart(group: str) -> Callable[[Person, list[int], Period], Chart]:
    def build(user: Person, area_ids: list[int], period: Period) -> Chart:
        first_column = {"language": _("Language"), "category": _("Kind of help"), "area": _("Area")}[group]
        rows = [_ranked_row(group, row) for row in selectors.unmet_by(area_ids, period, group)]
        # Small groups go last in the order of their names: their order among themselves would tell their sizes.
        rows = [row for row in rows if not row.cells[0].hidden] + sorted(
            (row for row in rows if row.cells[0].hidden), key=lambda row: row.label
        )
        note = ""
        if len(rows) == selectors.RANKED_ROWS:
            note = _("Only the %(count)s largest groups are shown.") % {"count": selectors.RANKED_ROWS}
        return Chart(
            slug=f"unmet-{group}",
            title=str(UNMET_TITLES[group]),
            description=_("Requests received in this period that are still waiting for help, most first."),
            kind="ranked",
            header=[first_column, pgettext("a number of requests", "Unmet requests")],
            rows=rows,
            plotted=[0],
            note=note,
        )

    return build


def volunteers_chart(user: Person, area_ids: list[int], period: Period) -> Chart:
    active = selectors.volunteers_active(user, area_ids, period)
    return Chart(
        slug="volunteers",
        title=_("Volunteers active each week"),
        description=_(
            "Volunteers who accepted a request, gave help or had a shift at one of your events that week, each "
            "counted once."
        ),
        kind="weekly",
        header=[_("Week starting"), _("Active volunteers")],
        rows=_week_rows(period, [lambda week: count_cell(active.get(week, 0))]),
        plotted=[0],
        unit=_("Volunteers"),
    )


def events_chart(user: Person, area_ids: list[int], period: Period) -> Chart:
    figures = selectors.event_places(user, period)
    return Chart(
        slug="events",
        title=_("Volunteer places at events"),
        description=_("Volunteer places offered in the shifts of your events each week, and places filled."),
        kind="weekly",
        header=[_("Week starting"), _("Places offered"), _("Places filled"), _("Events")],
        rows=_week_rows(
            period,
            [
                lambda week: plain_cell(figures["places"].get(week, 0)),
                lambda week: count_cell(figures["filled"].get(week, 0)),
                lambda week: plain_cell(figures["events"].get(week, 0)),
            ],
        ),
        plotted=[0, 1],
        unit=_("Places"),
    )


CHARTS: dict[str, Callable[[Person, list[int], Period], Chart]] = {
    "requests": requests_chart,
    "response-times": times_chart,
    "unmet-language": unmet_chart("language"),
    "unmet-category": unmet_chart("category"),
    "unmet-area": unmet_chart("area"),
    "volunteers": volunteers_chart,
    "events": events_chart,
}


def build(user: Person, period: Period, slugs: list[str] | None = None) -> list[Chart]:
    """The charts named (all by default) over this organizer's scope and the period.

    Kept in the cache (aidhub.lib.fragments) under the scope itself: the areas and the organizations the figures
    are read over, with the period, the charts and the language. Organizers of the same scope share them; any
    other scope has another key, so no one is shown another organization's figures. Built again when requests,
    matches or events change (versions "requests" and "events", bumped by their services), or after the
    fragments' timeout, for the weeks that simply pass."""
    area_ids = organizer_area_ids(user)
    organization_ids = sorted(organized_organizations(user).values_list("pk", flat=True))
    names = slugs or list(CHARTS)
    scope = [get_language(), sorted(area_ids), organization_ids, period.first_week, period.weeks, names]
    return fragments.cached(
        "insights",
        scope,
        versions=["requests", "events"],
        build=lambda: [CHARTS[slug](user, area_ids, period) for slug in names],
    )
