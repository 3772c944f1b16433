"""The organizers' vetting queue of community reports. Reports are never public."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from aidhub.alerts.filters import ReportFilter
from aidhub.alerts.forms import CheckInForm, ReportStatusForm
from aidhub.alerts.models import AlertStateError, Report
from aidhub.alerts.services import alerts as alert_services
from aidhub.alerts.services import reports as services
from aidhub.core.decorators import organizer_required
from aidhub.core.selectors import acting_organization


def _get_report_for_organizer(request, pk):
    """A report about an area this organizer curates; others answer 404."""
    return get_object_or_404(Report.objects.visible_to(request.user).select_related("area"), pk=pk)


@require_safe
@never_cache
@organizer_required
def report_queue(request):
    reports = Report.objects.visible_to(request.user).select_related("area").annotate(check_in_count=Count("check_ins"))
    report_filter = ReportFilter(request.GET, queryset=reports.order_by("created_at", "id"))
    page = Paginator(report_filter.qs, settings.REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "alerts/report_queue.html", {"filter": report_filter, "page": page})


@never_cache
@organizer_required
def report_detail(request, pk):
    report = _get_report_for_organizer(request, pk)
    others = Report.objects.visible_to(request.user).exclude(pk=report.pk).filter(area=report.area)
    form = ReportStatusForm(request.POST or None, reports=others, initial={"status": report.status})
    if request.method == "POST" and form.is_valid():
        services.report_set_status(
            report=report,
            status=form.cleaned_data["status"],
            duplicate_of=form.cleaned_data["duplicate_of"],
            organizer=request.user,
        )
        messages.success(request, _("The report's status is saved."))
        return redirect("alerts:report_detail", pk=report.pk)
    context = {
        "report": report,
        "form": form,
        "check_in_form": CheckInForm(),
        "check_ins": report.check_ins.select_related("organizer"),
        "alerts": report.alerts.all(),
    }
    return render(request, "alerts/report_detail.html", context)


@require_safe
@never_cache
@organizer_required
def report_photo(request, pk):
    report = _get_report_for_organizer(request, pk)
    if not report.photo:
        raise Http404
    response = FileResponse(report.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@organizer_required
def report_check_in(request, pk):
    report = _get_report_for_organizer(request, pk)
    form = CheckInForm(request.POST)
    if not report.contact:
        messages.warning(request, _("The person left no way to reach them."))
    elif form.is_valid():
        services.report_check_in(actor=request.user, report=report, **form.cleaned_data)
        messages.success(request, _("The check-in is recorded."))
    else:
        messages.error(request, _("Choose how the check-in went."))
    return redirect("alerts:report_detail", pk=report.pk)


@require_POST
@organizer_required
def report_to_alert(request, pk):
    report = _get_report_for_organizer(request, pk)
    organization = acting_organization(request.user, area=report.area)
    if organization is None:
        # Not reached: the report is in an area of one of the person's organizations, or it answered 404 above.
        raise Http404
    try:
        alert = alert_services.alert_from_report(report=report, author=request.user, organization=organization)
    except AlertStateError:
        messages.warning(request, _("Only a confirmed report can become an alert."))
        return redirect("alerts:report_detail", pk=report.pk)
    messages.info(request, _("Write the alert in your own words: describe the event and the place, never people."))
    return redirect("alerts:edit", pk=alert.pk)
