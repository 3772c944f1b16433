"""A family's request for help: the family's own pages (ask, status, change, withdraw, delete, find) and the
organizers' (the queue, one request, the family's details, hotline intake, status changes, export). What matching
adds to them (volunteers asked, check-ins, overdue proposals) is rendered by matching's template tags: needs never
imports matching."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from aidhub.core.decorators import organizer_required
from aidhub.core.models import AuditEvent, NetworkSettings, audit
from aidhub.core.security import require_recent_sign_in
from aidhub.core.selectors import organized_organizations, organizer_area_ids
from aidhub.lib import antibot, fragments, pagecache, quiet
from aidhub.lib.replica import reads_from_replica
from aidhub.needs import export, services
from aidhub.needs.access import family_page, request_for_family, request_for_organizer
from aidhub.needs.filters import RequestQueueFilter
from aidhub.needs.forms import (
    CloseForm,
    FamilyChangeForm,
    FindRequestForm,
    HelpRequestForm,
    HotlineIntakeForm,
    QuestionForm,
    ReplyForm,
    TextFamilyForm,
    new_submission_id,
)
from aidhub.needs.models import HelpRequest


def _status_redirect(token, language, **flags):
    query = "".join(f"&{name}=1" for name in flags)
    return redirect(services.status_path(token, language) + query)


@never_cache
def ask(request):
    """The help form: no account, the least we need, in the family's language."""
    if request.method == "POST":
        help_request, token = services.already_submitted(request.POST.get("submission_id"))
        if help_request is not None:
            return _status_redirect(token, help_request.message_language, new=True)
        form = HelpRequestForm(request.POST, request=request)
        if form.is_valid():
            help_request, token, _created = services.help_request_submit(
                details=form.details(),
                submission_id=form.cleaned_data["submission_id"],
                language=translation.get_language(),
            )
            return _status_redirect(token, help_request.message_language, new=True)
        context = {"form": form, "retention_days": NetworkSettings.load().request_retention_days}
        return render(request, "needs/ask.html", context, status=429 if form.rate_limited else 200)
    # The page is the same for every family reading in one language but for three values fresh on every visit:
    # the CSRF token, the one-time submission id and the anti-bot challenge. It is kept with holes where they go
    # (aidhub.lib.pagecache) and they are put in for each visitor.
    holes = {
        "csrf": lambda: get_token(request),
        "submission_id": new_submission_id,
        "antibot": lambda: str(antibot.challenge_widget()),
    }
    return pagecache.page(
        request,
        "help-form",
        versions=["reference", "network"],
        holes=holes,
        build=lambda: _blank_help_form(request),
    )


def _blank_help_form(request):
    """The help form with holes for the per-visit values (see `ask`)."""
    # The questions with their long lists (areas, languages, organizations) are the same for every family
    # reading in one language: a cached fragment, and a form is built only to make it.
    fields = fragments.cached(
        "help-form",
        [translation.get_language()],
        versions=["reference"],
        build=lambda: render_to_string(
            "needs/_request_fields.html",
            {"form": HelpRequestForm(request=request), "without_submission_id": True},
            request=request,
        ),
    )
    context = {
        "fields": mark_safe(fields),
        "csrf_token": pagecache.hole("csrf"),
        "submission_id": pagecache.hole("submission_id"),
        "antibot": pagecache.hole("antibot"),
        "retention_days": NetworkSettings.load().request_retention_days,
    }
    return render(request, "needs/ask.html", context)


@require_safe
@never_cache
@family_page
def status(request):
    """The family's private page: where its request stands, the questions asked and its answers, what it can do."""
    help_request, token = request_for_family(request)
    context = {
        "help_request": help_request,
        "token": token,
        "just_sent": request.GET.get("new") == "1",
        "reply_form": ReplyForm(),
    }
    return render(request, "needs/status.html", context)


@require_POST
@never_cache
@family_page
def reply(request):
    """The family answers the organizers' question; what it typed stays on the page when it must be corrected."""
    help_request, token = request_for_family(request)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.request_reply_add(help_request=help_request, text=form.cleaned_data["text"])
        except services.Refusal as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Thank you. Your answer is sent to the organizers."))
        return _status_redirect(token, help_request.message_language)
    context = {"help_request": help_request, "token": token, "reply_form": form}
    return render(request, "needs/status.html", context, status=400)


@never_cache
@family_page
def change(request):
    help_request, token = request_for_family(request)
    if not help_request.can_change_contact:
        raise Http404
    form = FamilyChangeForm(request.POST or None, instance=help_request)
    if request.method == "POST" and form.is_valid():
        services.help_request_change(help_request=help_request, details=form.details())
        messages.success(request, _("Your request is updated."))
        return _status_redirect(token, help_request.message_language)
    return render(request, "needs/change.html", {"form": form, "help_request": help_request, "token": token})


@require_POST
@never_cache
@family_page
def withdraw(request):
    help_request, token = request_for_family(request)
    services.help_request_withdraw(help_request=help_request)
    messages.success(request, _("Your request is withdrawn. Nobody will contact you about it."))
    return _status_redirect(token, help_request.message_language)


@never_cache
@family_page
def delete(request):
    """Asks once, then deletes the request and all its data for good."""
    help_request, token = request_for_family(request)
    if request.method == "POST":
        services.help_request_delete(help_request=help_request)
        return redirect("needs:deleted")
    return render(request, "needs/delete.html", {"help_request": help_request, "token": token})


@require_safe
def deleted(request):
    return render(request, "needs/deleted.html")


@never_cache
def find(request):
    """For a family that lost its link: the code and the contact it gave send a new private link to that contact.
    The page answers the same whether or not they matched a request (aidhub.lib.quiet)."""
    form = FindRequestForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        help_request = services.find_help_request(
            reference_code=form.cleaned_data["reference_code"], contact=form.cleaned_data["contact"]
        )
        if help_request is not None:
            services.help_request_send_new_link(help_request=help_request)
        # The same words whether or not they matched, and not the number: whoever holds that phone or mailbox
        # gets the link; the page tells nothing about it.
        text = _(
            "If this reference code and this phone number or email belong to a request, we sent a new private "
            "link to the phone or email on the request. The old link no longer works."
        )
        return quiet.sent(request, text)
    return render(request, "needs/find.html", {"form": form}, status=429 if form.rate_limited else 200)


@require_safe
@organizer_required
def queue(request):
    """Unmet requests of the organizer's areas, most urgent first, with filters."""
    area_ids = organizer_area_ids(request.user)
    requests = HelpRequest.objects.in_areas(area_ids).by_priority().select_related("language", "area")
    queue_filter = RequestQueueFilter(request.GET, queryset=requests.without_personal_data(), user=request.user)
    page = Paginator(queue_filter.qs, settings.REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    # The filter form, with its lists of languages and areas, is the same for organizers of the same areas
    # with the same filters: a cached fragment. The requests themselves are always read afresh.
    query = sorted(request.GET.lists())
    filters = fragments.cached(
        "queue-filters",
        [translation.get_language(), area_ids, query],
        versions=["reference"],
        build=lambda: render_to_string("needs/_queue_filters.html", {"filter": queue_filter}, request=request),
    )
    return render(request, "needs/queue.html", {"filters": mark_safe(filters), "page": page})


@require_safe
@organizer_required
@never_cache
def request_detail(request, pk):
    """One request: what the family needs, its status and (from matching) the volunteers asked."""
    help_request = request_for_organizer(request, pk)
    return render(request, "needs/request_detail.html", _detail_context(request, help_request))


def _detail_context(request, help_request, text_form=None):
    may_text = help_request.may_be_texted_by(request.user)
    return {
        "help_request": help_request,
        "close_form": CloseForm(),
        "text_form": (text_form or TextFamilyForm()) if may_text else None,
    }


@require_POST
@organizer_required
def text_family(request, pk):
    """An organizer texts the family through the network's number, in their own words; replies join the thread."""
    help_request = request_for_organizer(request, pk)
    form = TextFamilyForm(request.POST)
    if not form.is_valid():
        return render(request, "needs/request_detail.html", _detail_context(request, help_request, form), status=400)
    try:
        services.request_text_send(actor=request.user, help_request=help_request, text=form.cleaned_data["text"])
    except services.Refusal as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The text message is sent to the family."))
    return redirect("needs:request_detail", pk=help_request.pk)


@require_safe
@organizer_required
@never_cache
def request_contact(request, pk):
    """Shows the family's name, contact and description; every showing is audited (ids only)."""
    help_request = request_for_organizer(request, pk)
    services.record_contact_shown(help_request=help_request, user=request.user)
    return render(request, "needs/request_contact.html", {"help_request": help_request})


@organizer_required
@never_cache
def intake(request):
    """An organizer enters a request for a caller; the caller gets the code (read aloud) and the link."""
    form = HotlineIntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        language = services.message_language_for(form.cleaned_data["language"], translation.get_language())
        help_request, token, _created = services.help_request_submit(
            details=form.details(),
            submission_id=form.cleaned_data["submission_id"],
            language=language,
            entered_by=request.user,
        )
        return render(request, "needs/intake_done.html", {"help_request": help_request, "token": token})
    retention_days = NetworkSettings.load().request_retention_days
    return render(request, "needs/intake.html", {"form": form, "retention_days": retention_days})


@require_POST
@organizer_required
def mark_reviewed(request, pk):
    help_request = request_for_organizer(request, pk)
    services.help_request_mark_reviewed(help_request=help_request)
    messages.success(request, _("Marked as reviewed."))
    return redirect("needs:request_detail", pk=help_request.pk)


@organizer_required
@never_cache
def ask_question(request, pk):
    """An organizer asks the family a question (their own words, or a ready one sent in the family's language)."""
    help_request = request_for_organizer(request, pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_question_ask(
                actor=request.user,
                help_request=help_request,
                text=form.question(help_request.message_language),
            )
        except services.Refusal as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("The question is sent to the family, in its language, with its private link."))
        return redirect("needs:request_detail", pk=help_request.pk)
    return render(request, "needs/ask_question.html", {"help_request": help_request, "form": form})


@require_POST
@organizer_required
def close(request, pk):
    help_request = request_for_organizer(request, pk)
    form = CloseForm(request.POST)
    if form.is_valid():
        services.help_request_close(help_request=help_request, reason=form.cleaned_data["reason"])
        messages.success(request, _("The request is closed."))
    else:
        messages.error(request, _("Choose why the request is closed."))
    return redirect("needs:request_detail", pk=help_request.pk)


@require_safe
@organizer_required
@never_cache
@reads_from_replica
def export_csv(request):
    """Finished requests of this organizer's areas as CSV, streamed; no names, contacts or descriptions.
    Asks for the password again first, and leaves a line in the audit trail of each of their organizations."""
    require_recent_sign_in(request)
    for organization in organized_organizations(request.user):
        audit(actor=request.user, action=AuditEvent.Action.EXPORTED, organization=organization)
    requests = HelpRequest.objects.visible_to_organizer(request.user)
    rows = export.finished_requests(requests).iterator(chunk_size=export.CHUNK_SIZE)
    response = StreamingHttpResponse(export.csv_chunks(rows), content_type="text/csv; charset=utf-8")
    filename = f"requests-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
