"""Organizers' call-out pages (list, new with its count, one call-out with its answers) and the volunteer's side:
the private link that answers a call-out, and their call-out settings."""

from typing import cast
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from aidhub.callouts import services
from aidhub.callouts.forms import (
    AnswerForm,
    CalloutForm,
    CalloutSettingsForm,
    MatchForm,
    RequestChoiceField,
    requests_for_match,
)
from aidhub.callouts.models import CalloutRecipient, CalloutSettings
from aidhub.callouts.selectors import (
    callouts_for_organizer,
    open_callouts_for_volunteer,
    recipients_for_page,
    segment_for,
)
from aidhub.core.decorators import organizer_required
from aidhub.matching.services import MatchConflict, MatchRefused
from aidhub.messaging.keywords import START, keyword_word


def _get_callout_for_organizer(request, pk):
    """A call-out of one of this organizer's organizations; any other answers 404."""
    queryset = callouts_for_organizer(request.user).select_related("area", "language", "help_request", "organization")
    return get_object_or_404(queryset, pk=pk)


@require_safe
@organizer_required
def callout_list(request):
    callouts = callouts_for_organizer(request.user).select_related("area").order_by("-created_at", "-id")
    page = Paginator(callouts, settings.CALLOUTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "callouts/list.html", {"page": page})


@organizer_required
def callout_new(request):
    """The form; "Count" shows who it reaches and what its texts cost (also live, through htmx), "Send" sends."""
    form = CalloutForm(request.POST or None, user=request.user)
    segment = None
    if request.method == "POST" and form.is_valid():
        choice = form.segment_choice()
        if "send" in request.POST:
            try:
                callout = services.callout_send(
                    actor=request.user,
                    choice=choice,
                    text=form.cleaned_data["text"],
                    needed=form.cleaned_data["needed"],
                    help_request=form.cleaned_data["help_request"],
                )
            except services.CalloutRefused as refused:
                messages.error(request, str(refused))
            else:
                messages.success(request, _("The call-out is sent. Answers appear here as they arrive."))
                return redirect("callouts:detail", pk=callout.pk)
        segment = segment_for(choice, now=timezone.now(), text=form.cleaned_data["text"])
    return render(request, "callouts/new.html", {"form": form, "segment": segment})


@require_POST
@organizer_required
def callout_count(request):
    """The count alone, for the live preview (htmx posts the form here)."""
    form = CalloutForm(request.POST, user=request.user)
    segment = None
    if form.is_valid():
        segment = segment_for(form.segment_choice(), now=timezone.now(), text=form.cleaned_data["text"])
    return render(request, "callouts/new.html#count", {"form": form, "segment": segment})


@require_safe
@organizer_required
def callout_detail(request, pk):
    callout = _get_callout_for_organizer(request, pk)
    return render(request, "callouts/detail.html", _detail_context(request, callout))


@require_safe
@organizer_required
def callout_answers(request, pk):
    """The answers alone, which the page asks for every few seconds while the call-out is open."""
    callout = _get_callout_for_organizer(request, pk)
    return render(request, "callouts/detail.html#answers", _detail_context(request, callout))


def _detail_context(request, callout):
    """The answers, each with its "make the match" form while it may be used (one select per yes, each with its
    own id, the requests read once for all of them)."""
    answers = list(recipients_for_page(callout))
    requests = requests_for_match(request.user)
    choices = None
    rows = []
    for answer in answers:
        form = None
        if answer.answer == CalloutRecipient.Answer.YES and not answer.match_id and callout.is_open:
            form = MatchForm(
                requests=requests, initial={"help_request": callout.help_request_id}, auto_id=f"id_%s_{answer.pk}"
            )
            field = cast(RequestChoiceField, form.fields["help_request"])
            if choices is None:
                choices = list(field.iterator(field))
            field.choices = choices
        rows.append((answer, form))
    return {
        "callout": callout,
        "rows": rows,
        "answered": len(answers),
        "sent_to": callout.recipients.count(),
        "matched": sum(1 for answer in answers if answer.match_id),
    }


@require_POST
@organizer_required
def callout_match(request, pk, recipient_pk):
    callout = _get_callout_for_organizer(request, pk)
    recipient = get_object_or_404(CalloutRecipient, callout=callout, pk=recipient_pk)
    form = MatchForm(request.POST, requests=requests_for_match(request.user))
    if not form.is_valid():
        messages.error(request, _("Choose the family's request this volunteer is asked for."))
        return redirect("callouts:detail", pk=callout.pk)
    try:
        services.callout_make_match(
            actor=request.user, recipient=recipient, help_request=form.cleaned_data["help_request"]
        )
    except services.CalloutRefused as refused:
        messages.error(request, str(refused))
    except MatchConflict:
        messages.warning(request, _("This request already has a volunteer, or this answer was already used."))
    except MatchRefused:
        messages.error(request, _("This volunteer cannot be asked for this request: see its suggestions."))
    else:
        messages.success(request, _("The volunteer is asked. They see the family's details once they accept."))
    return redirect("callouts:detail", pk=callout.pk)


@require_POST
@organizer_required
def callout_close(request, pk):
    callout = _get_callout_for_organizer(request, pk)
    try:
        services.callout_close(actor=request.user, callout=callout)
    except services.CalloutRefused as refused:
        messages.warning(request, str(refused))
    else:
        messages.success(request, _("The call-out is closed and the volunteers are told."))
    return redirect("callouts:detail", pk=callout.pk)


@require_http_methods(["GET", "HEAD", "POST"])
def callout_answer(request):
    """The volunteer's private link (?k=…). Opening it answers nothing (link previews and mail scanners open links
    too): the volunteer answers with a button, which posts."""
    token = request.POST.get("k") or request.GET.get("k") or ""
    recipient = services.recipient_for_token(token)
    if recipient is None:
        raise Http404
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                services.callout_answer(
                    recipient=recipient, answer=form.cleaned_data["answer"], via=CalloutRecipient.Via.LINK
                )
            except services.CalloutRefused as refused:
                messages.info(request, str(refused))
            else:
                _thank(request, form.cleaned_data["answer"])
        return redirect(f"{reverse('callouts:answer')}?{urlencode({'k': token})}")
    return render(request, "callouts/answer.html", {"recipient": recipient, "token": token})


def _thank(request, answer):
    if answer == CalloutRecipient.Answer.YES:
        messages.success(request, _("Thank you! An organizer will write to you if they ask you to help."))
    else:
        messages.success(request, _("Thank you for answering. Maybe next time."))


@require_POST
@login_required
def callout_answer_signed_in(request, pk):
    """A signed-in volunteer answers a call-out sent to them, from their call-outs page; anyone else's: 404."""
    recipient = get_object_or_404(CalloutRecipient, pk=pk, volunteer=request.user)
    form = AnswerForm(request.POST)
    if form.is_valid():
        answer = form.cleaned_data["answer"]
        try:
            services.callout_answer(recipient=recipient, answer=answer, via=CalloutRecipient.Via.ACCOUNT)
        except services.CalloutRefused as refused:
            messages.info(request, str(refused))
        else:
            _thank(request, answer)
    return redirect("callouts:settings")


@login_required
def callout_settings(request):
    current = CalloutSettings.objects.filter(user=request.user).first()
    initial = {"accepts_callouts": True, "phone": ""}
    if current is not None:
        initial = {"accepts_callouts": current.accepts_callouts, "phone": current.phone or ""}
    form = CalloutSettingsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.callout_settings_save(
            user=request.user, accepts_callouts=form.cleaned_data["accepts_callouts"], phone=form.cleaned_data["phone"]
        )
        messages.success(request, _("Your call-out settings are saved."))
        return redirect("callouts:settings")
    context = {
        "form": form,
        "open_callouts": open_callouts_for_volunteer(request.user),
        # The word to text to get call-outs by text again (START), in the page's language; empty while they come.
        "texts_stopped": keyword_word(START, get_language())
        if current is not None and current.texts_stopped_at is not None and current.phone
        else "",
    }
    return render(request, "callouts/settings.html", context)
