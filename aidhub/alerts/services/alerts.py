"""Writing, verifying, correcting and retracting alerts. The two-person rule is checked here and in the database."""

from django.db import transaction
from django.db.models import F

from aidhub.alerts.models import Alert, AlertStateError, AlertText, Delivery, Report
from aidhub.alerts.services.delivery import deliveries_queue
from aidhub.core.models import AuditEvent, audit


@transaction.atomic
def alert_save(*, form, editor):
    """Saves a new or changed alert from the organizer's form (texts included) and counts a new revision."""
    alert = form.save(commit=False)
    creating = alert.pk is None
    if creating:
        alert.author = editor
        alert.main_language = alert.organization.alert_language()
    else:
        alert = _locked(alert)
        if not alert.can_edit:
            raise AlertStateError(alert.status)
        alert.revision = F("revision") + 1
        # The form's own fields (severity, areas…) only change for the author; see AlertForm.
        for name in ("severity", "organization"):
            setattr(alert, name, form.cleaned_data.get(name, getattr(alert, name)))
    alert.save()
    if creating or "areas" in form.changed_data:
        alert.areas.set(form.cleaned_data["areas"])
    _save_texts(alert, form.texts(), editor)
    alert.refresh_from_db()
    return alert


def _save_texts(alert, texts, editor):
    existing = {text.language_id: text for text in alert.texts.all()}
    for language, value in texts:
        current = existing.get(language.pk)
        if not value:
            if current is not None and language.pk != alert.main_language_id:
                current.delete()
        elif current is None:
            AlertText.objects.create(alert=alert, language=language, text=value, written_by=editor)
        elif current.text != value:
            current.text, current.written_by = value, editor
            current.save(update_fields=["text", "written_by", "updated_at"])


@transaction.atomic
def alert_submit(*, alert):
    alert = _locked(alert)
    alert.submit()
    alert.save(update_fields=["status", "submitted_at", "updated_at"])
    return alert


@transaction.atomic
def alert_verify(*, alert, verifier, revision):
    """The second organizer's yes: the alert is published and queued to every confirmed subscriber it reaches."""
    alert = _locked(alert)
    alert.verify(verifier, revision)
    alert.save(update_fields=["status", "verified_by", "verified_at", "updated_at"])
    audit(actor=verifier, action=AuditEvent.Action.ALERT_VERIFIED, target=alert, organization=alert.organization)
    audit(actor=verifier, action=AuditEvent.Action.ALERT_SENT, target=alert, organization=alert.organization)
    kind = Delivery.Kind.CORRECTION if alert.is_correction else Delivery.Kind.ALERT
    return deliveries_queue(alert=alert, kind=kind)


@transaction.atomic
def alert_retract(*, alert, organizer):
    """Withdraws a sent alert and tells the same people. Speed matters more than a second pair of eyes here."""
    alert = _locked(alert)
    alert.retract(organizer)
    alert.save(update_fields=["status", "retracted_by", "retracted_at", "updated_at"])
    audit(actor=organizer, action=AuditEvent.Action.ALERT_RETRACTED, target=alert, organization=alert.organization)
    return deliveries_queue(alert=alert, kind=Delivery.Kind.RETRACTION)


@transaction.atomic
def alert_start_correction(*, alert, author):
    """A draft that corrects a sent alert: same areas and severity, its texts to start from. Verified like any alert."""
    alert = _locked(alert)
    if not alert.can_correct:
        raise AlertStateError(alert.status)
    correction = Alert.objects.create(
        organization=alert.organization,
        author=author,
        main_language=alert.main_language,
        severity=alert.severity,
        corrects=alert,
    )
    correction.areas.set(alert.areas.all())
    AlertText.objects.bulk_create(
        AlertText(alert=correction, language_id=text.language_id, text=text.text, written_by=author)
        for text in alert.texts.all()
    )
    return correction


@transaction.atomic
def alert_from_report(*, report, author, organization):
    """A draft alert for the area of a confirmed report. Its text is written fresh: reports may name people."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not report.can_become_alert:
        raise AlertStateError(report.status)
    alert = Alert.objects.create(
        organization=organization,
        author=author,
        main_language=organization.alert_language(),
        severity=Alert.Severity.INFORMATION,
        source_report=report,
    )
    alert.areas.set([report.area])
    return alert


def _locked(alert):
    return Alert.objects.select_for_update().select_related("main_language").get(pk=alert.pk)
