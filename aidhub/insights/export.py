"""A chart's table as CSV: the same cells as the page ("< 5" for small counts), plain numbers and ISO dates."""

import csv
import io

from aidhub.insights.charts import Chart

# Spreadsheet programs run cells that start with these as formulas: an admin-typed area name must not.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_text(chart: Chart) -> str:
    buffer = io.StringIO()
    # A byte-order mark, so that spreadsheet programs read Arabic and accented letters right.
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([_safe(name) for name in chart.header])
    for row in chart.rows:
        writer.writerow([_safe(row.csv_label), *(cell.csv for cell in row.cells)])
    return buffer.getvalue()
