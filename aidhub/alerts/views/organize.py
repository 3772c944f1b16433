"""Organizers' pages for alerts: write, translate, verify (a second person), follow the sending, correct, retract."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from aidhub.alerts.forms import AlertForm, SubmitForm, VerifyForm
from aidhub.alerts.messages import sms_body
from aidhub.alerts.models import Alert, AlertStateError, Delivery
from aidhub.alerts.selectors import recipient_summary
from aidhub.alerts.services import alerts as services
from aidhub.alerts.services.delivery import deliveries_retry_failed, progress
from aidhub.core.decorators import organizer_required
from aidhub.core.security import require_recent_sign_in
from aidhub.messaging.segments import count_segments

FALLBACK_NOT_CHOSEN = gettext_lazy(
    "Some subscribers have no text in their language. Add the translations, or tick the box to send the main "
    "language's text to them, then try again."
)


def _get_alert_for_organizer(request, pk):
    """An alert for the areas this organizer curates; others answer 404."""
    alert_queryset = Alert.objects.visible_to(request.user).for_listing().select_related("author", "verified_by")
    return get_object_or_404(alert_queryset, pk=pk)


@require_safe
@organizer_required
def manage_list(request):
    alerts = (
        Alert.objects.visible_to(request.user)
        .for_listing()
        .select_related("author__volunteer_profile")
        .order_by("-created_at", "-id")
    )
    page = Paginator(alerts, settings.ALERTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "alerts/manage_list.html", {"page": page})


@organizer_required
def alert_create(request):
    form = AlertForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        alert = services.alert_save(actor=request.user, texts=form.texts(), **_alert_fields(form))
        messages.success(
            request, _("The draft is saved. Submit it when it is ready, so a second organizer verifies it.")
        )
        return redirect("alerts:manage_detail", pk=alert.pk)
    return render(request, "alerts/alert_form.html", {"form": form})


@organizer_required
def alert_edit(request, pk):
    alert = _get_alert_for_organizer(request, pk)
    if not alert.can_edit:
        messages.warning(request, _("A sent alert cannot be changed. Write a correction or retract it."))
        return redirect("alerts:manage_detail", pk=alert.pk)
    form = AlertForm(request.POST or None, instance=alert, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.alert_save(actor=request.user, alert=alert, texts=form.texts(), **_alert_fields(form))
        except AlertStateError:
            messages.warning(request, _("This alert was sent in the meantime; nothing was changed."))
        else:
            messages.success(request, _("Your changes are saved."))
        return redirect("alerts:manage_detail", pk=alert.pk)
    return render(request, "alerts/alert_form.html", {"form": form, "alert": alert})


def _alert_fields(form: AlertForm) -> dict[str, Any]:
    """What the alert form says besides its texts, as plain data for alert_save."""
    return {name: form.cleaned_data[name] for name in ("organization", "severity", "areas")}


@require_safe
@organizer_required
def manage_detail(request, pk):
    alert = _get_alert_for_organizer(request, pk)
    texts = [
        {"text": text, "segments": count_segments(sms_body(alert, Delivery.Kind.ALERT, text.language.code))}
        for text in alert.texts.all()
    ]
    summary = recipient_summary(alert) if alert.can_edit else None
    context = {
        "alert": alert,
        "texts": texts,
        "progress": progress(alert),
        "summary": summary,
        "can_verify": alert.may_be_verified_by(request.user),
        "submit_form": SubmitForm(summary=summary),
        "verify_form": VerifyForm(initial={"revision": alert.revision}, summary=summary),
    }
    return render(request, "alerts/manage_detail.html", context)


@require_safe
@organizer_required
def alert_progress(request, pk):
    alert = _get_alert_for_organizer(request, pk)
    return render(request, "alerts/_progress.html", {"alert": alert, "progress": progress(alert)})


@require_POST
@organizer_required
def alert_submit(request, pk):
    alert = _get_alert_for_organizer(request, pk)
    form = SubmitForm(request.POST, summary=recipient_summary(alert))
    try:
        services.alert_submit(
            alert=alert, actor=request.user, fallback_accepted=form.is_valid() and form.fallback_accepted
        )
    except AlertStateError as error:
        if str(error) == "fallback":
            messages.warning(request, FALLBACK_NOT_CHOSEN)
        else:
            messages.warning(request, _("Only a draft with a text in the main language can be submitted."))
    else:
        messages.success(request, _("Submitted. Another organizer must now verify it before it is sent."))
    return redirect("alerts:manage_detail", pk=alert.pk)


@require_POST
@organizer_required
def alert_verify(request, pk):
    alert = _get_alert_for_organizer(request, pk)
    form = VerifyForm(request.POST, summary=recipient_summary(alert))
    if "revision" in form.errors:
        messages.warning(request, _("Please open the alert again and verify it from its page."))
    elif alert.status == Alert.Status.PENDING and not alert.may_be_verified_by(request.user):
        messages.error(
            request,
            _("You wrote or changed this alert, so you cannot verify it. Ask an organizer who did neither."),
        )
    else:
        require_recent_sign_in(request)
        try:
            count = services.alert_verify(
                alert=alert,
                verifier=request.user,
                revision=form.cleaned_data["revision"],
                fallback_accepted=form.is_valid() and form.fallback_accepted,
            )
        except AlertStateError as error:
            if str(error) == "fallback":
                messages.warning(request, FALLBACK_NOT_CHOSEN)
            elif str(error) == "changed":
                messages.warning(request, _("The alert was changed after you opened it. Read it again, then verify."))
            else:
                messages.warning(request, _("This alert is not waiting for verification; nothing was sent."))
        else:
            messages.success(
                request, _("Verified. The alert is being sent to %(count)s subscribers.") % {"count": count}
            )
    return redirect("alerts:manage_detail", pk=alert.pk)


@require_POST
@organizer_required
def alert_retract(request, pk):
    alert = _get_alert_for_organizer(request, pk)
    require_recent_sign_in(request)
    try:
        count = services.alert_retract(alert=alert, organizer=request.user)
    except AlertStateError:
        messages.warning(request, _("Only a sent alert can be retracted."))
    else:
        messages.success(request, _("Retracted. %(count)s subscribers are being told.") % {"count": count})
    return redirect("alerts:manage_detail", pk=alert.pk)


@require_POST
@organizer_required
def alert_correct(request, pk):
    alert = _get_alert_for_organizer(request, pk)
    try:
        correction = services.alert_start_correction(alert=alert, author=request.user)
    except AlertStateError:
        messages.warning(request, _("Only a sent alert can be corrected."))
        return redirect("alerts:manage_detail", pk=alert.pk)
    messages.info(request, _("Change the text, then submit the correction for verification."))
    return redirect("alerts:edit", pk=correction.pk)


@require_POST
@organizer_required
def alert_retry(request, pk):
    alert = _get_alert_for_organizer(request, pk)
    if deliveries_retry_failed(alert=alert):
        messages.success(request, _("Failed messages are being tried again."))
    return redirect("alerts:manage_detail", pk=alert.pk)
