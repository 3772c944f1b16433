"""The organizers' charts: one page with every chart and its table, and each chart's CSV."""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_bidi
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from aidhub.core.decorators import organizer_required
from aidhub.insights import charts, plot, services
from aidhub.insights.export import csv_text
from aidhub.insights.forms import PeriodForm
from aidhub.lib.replica import reads_from_replica


def _period_form(request):
    """The period of the query string; a wrong one shows its errors and the default period (never an error page)."""
    fields = {name: request.GET[name] for name in PeriodForm.base_fields if request.GET.get(name)}
    return PeriodForm(fields or None), fields


@require_safe
@organizer_required
@never_cache
@reads_from_replica
def page(request):
    """Every chart over the organizer's areas and organizations, each with its table and CSV link."""
    form, fields = _period_form(request)
    period = form.period()
    query = urlencode(fields) if form.is_bound and form.is_valid() else ""
    rtl = get_language_bidi()
    shown = [plot.lay_out(chart, rtl) for chart in charts.build(request.user, period)]
    context = {"form": form, "period": period, "charts": shown, "query": query}
    return render(request, "insights/page.html", context)


@require_safe
@organizer_required
@never_cache
@reads_from_replica
def chart_csv(request, chart):
    """One chart's table as CSV (small counts written "< 5", as on the page). Audited, as every export."""
    if chart not in charts.CHARTS:
        raise Http404
    form, _fields = _period_form(request)
    period = form.period()
    built = charts.build(request.user, period, [chart])[0]
    services.chart_export_record(actor=request.user, chart=chart, first_week=period.first_week, weeks=period.weeks)
    response = HttpResponse(csv_text(built), content_type="text/csv; charset=utf-8")
    filename = f"{chart}-{period.first_week.isoformat()}-{period.last_day.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
