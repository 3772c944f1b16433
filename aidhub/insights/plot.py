"""Where each bar, tick and label of a chart's SVG goes, in the units of its viewBox. Coordinates are written as
plain strings here ("12.5"), never through the template's number formatting, which would write "12,5" on a French
page. Colours are presentation attributes (fill=, stroke=) set in the template: the CSP forbids style attributes.

Weekly charts keep time running left to right on every page, as a calendar does; ranked charts (most first) are
mirrored on right-to-left pages, labels on the right.
"""

import math
from datetime import date
from typing import Any

from django.utils import formats

from aidhub.insights.charts import HIDDEN, Chart

WIDTH = 400
WEEKLY_HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 26, 34
# At most this many week labels under the axis; the table has every week.
X_LABELS = 5
# Bars narrower than this get a marker instead of the "< 5" text (the legend says what the marker means).
TEXT_MIN_WIDTH = 9
RANKED_ROW = 44
RANKED_BAR = 16
RANKED_VALUE_ROOM = 44


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50… at or above `value` (at least 5: hidden counts reach 4)."""
    if value <= 5:
        return 5
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def weekly(chart: Chart) -> dict[str, Any]:
    plot_width, plot_height = WIDTH - LEFT - RIGHT, WEEKLY_HEIGHT - TOP - BOTTOM
    baseline = TOP + plot_height
    values = [row.cells[i].value or 0 for row in chart.rows for i in chart.plotted]
    top = nice_ceiling(max(values, default=0))
    weeks = len(chart.rows) or 1
    slot = plot_width / weeks
    bar_width = slot * 0.8 / len(chart.plotted)
    bars, hidden, markers = [], [], []
    for week, row in enumerate(chart.rows):
        for series, index in enumerate(chart.plotted):
            cell = row.cells[index]
            x = LEFT + week * slot + slot * 0.1 + series * bar_width
            centre = x + bar_width / 2
            if cell.hidden:
                if bar_width >= TEXT_MIN_WIDTH:
                    rotate = bar_width < 22
                    hidden.append({"x": _n(centre), "y": _n(baseline - 4), "rotate": rotate, "text": HIDDEN})
                else:
                    markers.append(
                        {
                            "points": f"{_n(centre)},{_n(baseline - 6)} {_n(x)},{_n(baseline)} "
                            f"{_n(x + bar_width)},{_n(baseline)}"
                        }
                    )
            elif cell.value:
                height = cell.value / top * plot_height
                bars.append(
                    {
                        "series": series,
                        "x": _n(x),
                        "y": _n(baseline - height),
                        "width": _n(max(bar_width - 0.5, 0.5)),
                        "height": _n(height),
                        "title": f"{row.label}: {chart.header[index + 1]} {cell.text}",
                    }
                )
    every = math.ceil(weeks / X_LABELS)
    x_labels = [
        {"x": _n(LEFT + week * slot + slot / 2), "text": formats.date_format(_week_of(chart, week), "MONTH_DAY_FORMAT")}
        for week in range(0, len(chart.rows), every)
    ]
    y_ticks = [
        {
            "y": _n(baseline - fraction * plot_height),
            "text": formats.number_format(top * fraction, decimal_pos=_decimals(top * fraction), force_grouping=True),
        }
        for fraction in (0, 0.5, 1)
    ]
    return {
        "width": WIDTH,
        "height": WEEKLY_HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "baseline": baseline,
        "bars": bars,
        "hidden": hidden,
        "markers": markers,
        "x_labels": x_labels,
        "x_label_y": baseline + 16,
        "y_ticks": y_ticks,
        "y_label_x": LEFT - 4,
        "unit": chart.unit,
    }


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1


def _week_of(chart: Chart, index: int) -> date:
    return date.fromisoformat(chart.rows[index].csv_label)


def ranked(chart: Chart, rtl: bool) -> dict[str, Any]:
    values = [row.cells[0].value or 0 for row in chart.rows]
    top = max(values, default=0) or 1
    room = WIDTH - 4 - RANKED_VALUE_ROOM
    start = WIDTH - 2 if rtl else 2
    rows = []
    for position, row in enumerate(chart.rows):
        cell = row.cells[0]
        length = (cell.value or 0) / top * room
        y = position * RANKED_ROW
        bar_x = start - length if rtl else start
        value_x = bar_x - 4 if rtl else start + length + 4
        rows.append(
            {
                "label": row.label,
                "lang": row.label_lang,
                "note": row.label_note,
                "label_x": _n(start),
                "label_y": _n(y + 15),
                "bar_x": _n(bar_x),
                "bar_y": _n(y + 21),
                "bar_width": _n(length),
                "has_bar": length > 0,
                "value": cell.text,
                "value_x": _n(value_x),
                "value_y": _n(y + 21 + RANKED_BAR - 3),
                "value_anchor": "end" if rtl else "start",
            }
        )
    return {"width": WIDTH, "height": max(len(rows), 1) * RANKED_ROW + 4, "rows": rows, "bar_height": RANKED_BAR}


def lay_out(chart: Chart, rtl: bool) -> Chart:
    chart.geometry = weekly(chart) if chart.kind == "weekly" else ranked(chart, rtl)
    return chart
