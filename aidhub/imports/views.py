"""The organizer's import page: upload a spreadsheet, read the preview (each row's outcome and errors, nothing
saved), then import. The upload waits server-side, bound to the organizer and their session."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from aidhub.core.decorators import organizer_required
from aidhub.imports import services
from aidhub.imports.checks import ERROR, check_rows, counts
from aidhub.imports.files import COLUMNS, MAX_ROWS, template_csv, template_xlsx
from aidhub.imports.forms import UploadForm
from aidhub.imports.models import ImportBatch

ROWS_PER_PAGE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def get_batch_for_organizer(request, pk):
    """An upload waiting for its import: only for the organizer who made it, in the session they made it in."""
    session_key = request.session.session_key or ""
    batch = (
        ImportBatch.objects.waiting()
        .filter(pk=pk, organizer=request.user, session_hash=services.session_hash(session_key))
        .first()
    )
    if batch is None:
        raise Http404
    return batch


@never_cache
@organizer_required
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        # A signed-in person's session always has its key: the upload is bound to it.
        batch = services.import_upload(actor=request.user, session_key=request.session.session_key, rows=form.rows)
        return redirect("imports:preview", batch.pk)
    return render(request, "imports/upload.html", {"form": form, "columns": COLUMNS, "max_rows": MAX_ROWS})


@require_safe
@never_cache
@organizer_required
def preview(request, pk):
    """What importing would do, row by row: a dry run, nothing is saved."""
    batch = get_batch_for_organizer(request, pk)
    checked = check_rows(actor=request.user, organization=batch.organization, rows=services.batch_rows(batch))
    # Rows with errors first: those are the ones to fix in the spreadsheet.
    ordered = sorted(checked, key=lambda row: (row.outcome != ERROR, row.line))
    page = Paginator(ordered, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    totals = counts(checked)
    return render(
        request,
        "imports/preview.html",
        {"batch": batch, "page": page, "totals": totals, "importable": totals["new"] + totals["updated"]},
    )


@require_POST
@organizer_required
def confirm(request, pk):
    batch = get_batch_for_organizer(request, pk)
    try:
        totals = services.import_confirm(actor=request.user, batch=batch)
    except services.BatchGone:
        raise Http404 from None
    messages.success(
        request,
        _(
            "Imported. New volunteers: %(new)s (each invited by email); updated: %(updated)s; unchanged: "
            "%(unchanged)s; rows left out for errors: %(error)s. Their offers wait for your review."
        )
        % totals,
    )
    return redirect("imports:upload")


@require_safe
@organizer_required
def template_file(request, file_format):
    """The template to fill in: the columns and an example row."""
    if file_format == "csv":
        response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    elif file_format == "xlsx":
        response = HttpResponse(template_xlsx(), content_type=XLSX)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="volunteers-template.{file_format}"'
    return response
