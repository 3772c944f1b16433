"""Writing, verifying, correcting and retracting alerts. The two-person rule (Alert.may_be_verified_by) is checked
here and, for the author, in the database; every change to an alert is recorded here, whichever page made it."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import F

from aidhub.accounts.models import User
from aidhub.alerts.models import Alert, AlertEdit, AlertStateError, AlertText, Delivery, Report
from aidhub.alerts.selectors import RecipientSummary, recipient_summary
from aidhub.alerts.services.delivery import deliveries_queue
from aidhub.core.models import Area, AuditEvent, Language, Organization, audit
from aidhub.core.selectors import organizers_for_area
from aidhub.lib import fragments
from aidhub.messaging.services import send_email_to_user


@transaction.atomic
def alert_save(
    *,
    actor: User,
    alert: Alert | None = None,
    organization: Organization,
    severity: str,
    areas: Iterable[Area],
    texts: Iterable[tuple[Language, str]],
) -> Alert:
    """Saves a new alert of `organization`, or changes to `alert` (whose organization stays), with its texts as
    (language, text); an empty text removes a translation. Only the author changes the severity, the areas and the
    main language's text (Alert.is_written_by): from anyone else they are left as they are. A change counts as a
    new revision and makes its editor one of those who may not verify the alert; saving the same values is no
    change. AlertStateError when the alert was sent in the meantime."""
    # Its areas decide whose work counts show it while it waits for verification (aidhub.portal.selectors).
    fragments.bump("alerts")
    if alert is None:
        alert = Alert.objects.create(
            organization=organization, severity=severity, author=actor, main_language=organization.alert_language()
        )
        alert.areas.set(areas)
        _save_texts(alert, texts, actor)
        _record_edit(alert, actor, creating=True)
        return alert
    alert = _locked(alert)
    if not alert.can_edit:
        raise AlertStateError(alert.status)
    changed: list[str] = []
    if alert.is_written_by(actor):
        if severity != alert.severity:
            alert.severity = severity
            alert.save(update_fields=["severity", "updated_at"])
            changed.append("severity")
        areas = list(areas)
        if {area.pk for area in areas} != set(alert.areas.values_list("pk", flat=True)):
            alert.areas.set(areas)
            changed.append("areas")
    else:
        texts = [(language, text) for language, text in texts if language.pk != alert.main_language_id]
    if _save_texts(alert, texts, actor) or changed:
        _record_edit(alert, actor)
    alert.refresh_from_db()
    return alert


@transaction.atomic
def alert_record_edit(*, alert: Alert, editor: User) -> Alert:
    """For changes made elsewhere than the organizer's form (the admin): under the alert's lock, refuses a change
    to an alert that was already verified and sent, otherwise counts a revision and remembers the editor. Call it in
    the transaction that made the change, so that a refusal undoes it."""
    fragments.bump("alerts")
    alert = _locked(alert)
    if not alert.can_edit:
        raise AlertStateError(alert.status)
    _record_edit(alert, editor)
    return alert


def _record_edit(alert: Alert, editor: User, *, creating: bool = False) -> None:
    """A verifier confirms the revision they read (a new alert is revision 1); and nobody who wrote or changed the
    alert may verify it."""
    if not creating:
        Alert.objects.filter(pk=alert.pk).update(revision=F("revision") + 1)
    revision = Alert.objects.values_list("revision", flat=True).get(pk=alert.pk)
    AlertEdit.objects.create(alert=alert, editor=editor, revision=revision)


def _save_texts(alert: Alert, texts: Iterable[tuple[Language, str]], editor: User) -> bool:
    """Writes the texts that changed; True when any did."""
    existing = {text.language_id: text for text in alert.texts.all()}
    changed = False
    for language, value in texts:
        current = existing.get(language.pk)
        if not value:
            if current is not None and language.pk != alert.main_language_id:
                current.delete()
                changed = True
        elif current is None:
            AlertText.objects.create(alert=alert, language=language, text=value, written_by=editor)
            changed = True
        elif current.text != value:
            current.text, current.written_by = value, editor
            current.save(update_fields=["text", "written_by", "updated_at"])
            changed = True
    return changed


@transaction.atomic
def alert_submit(*, alert: Alert, actor: User, fallback_accepted: bool = False) -> Alert:
    """Asks for the second organizer's check. When some recipients would get the main language's text for want of
    a translation, the submitter must have chosen so (AlertStateError("fallback") otherwise); the recipient summary
    and that choice go into the audit log. The organizers who may verify it are told, each in their language."""
    fragments.bump("alerts")
    alert = _locked(alert)
    summary = _checked_summary(alert, fallback_accepted)
    alert.submit()
    alert.save(update_fields=["status", "submitted_at", "updated_at"])
    audit(
        actor=actor,
        action=AuditEvent.Action.ALERT_SUBMITTED,
        target=alert,
        organization=alert.organization,
        details=_audit_details(summary, fallback_accepted),
    )
    for verifier in possible_verifiers(alert):
        send_email_to_user(
            user=verifier,
            template="alerts/verify_request",
            context={"alert_id": alert.pk, "severity": alert.severity, "summary_total": summary.total},
        )
    return alert


def possible_verifiers(alert: Alert) -> list[User]:
    """The active organizers who see this alert (they organize for an area it reaches) and may verify it by the
    two-person rule (Alert.may_be_verified_by)."""
    people: dict[int, User] = {}
    for area in alert.areas.all():
        for person in organizers_for_area(area):
            people[person.pk] = person
    return [person for person in people.values() if alert.may_be_verified_by(person)]


@transaction.atomic
def alert_verify(*, alert: Alert, verifier: User, revision: int, fallback_accepted: bool = False) -> int:
    """The second organizer's yes: the alert is published and queued to every confirmed subscriber it reaches.
    Sending with a fallback language needs the verifier's own choice too (AlertStateError("fallback"))."""
    fragments.bump("alerts")
    alert = _locked(alert)
    alert.verify(verifier, revision)
    summary = _checked_summary(alert, fallback_accepted)
    alert.save(update_fields=["status", "verified_by", "verified_at", "updated_at"])
    audit(
        actor=verifier,
        action=AuditEvent.Action.ALERT_VERIFIED,
        target=alert,
        organization=alert.organization,
        details=_audit_details(summary, fallback_accepted),
    )
    audit(actor=verifier, action=AuditEvent.Action.ALERT_SENT, target=alert, organization=alert.organization)
    kind = Delivery.Kind.CORRECTION if alert.is_correction else Delivery.Kind.ALERT
    return deliveries_queue(alert=alert, kind=kind)


@transaction.atomic
def alert_retract(*, alert: Alert, organizer: User) -> int:
    """Withdraws a sent alert and tells the same people. Speed matters more than a second pair of eyes here."""
    fragments.bump("alerts")
    alert = _locked(alert)
    alert.retract(organizer)
    alert.save(update_fields=["status", "retracted_by", "retracted_at", "updated_at"])
    audit(actor=organizer, action=AuditEvent.Action.ALERT_RETRACTED, target=alert, organization=alert.organization)
    return deliveries_queue(alert=alert, kind=Delivery.Kind.RETRACTION)


@transaction.atomic
def alert_start_correction(*, alert: Alert, author: User) -> Alert:
    """A draft that corrects a sent alert: same areas and severity, its texts to start from. Verified like any alert."""
    fragments.bump("alerts")
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
    # The texts it starts from were verified with the alert they correct; what is new in the correction is checked
    # by someone who did not write or change the correction.
    _record_edit(correction, author, creating=True)
    return correction


@transaction.atomic
def alert_from_report(*, report: Report, author: User, organization: Organization) -> Alert:
    """A draft alert for the area of a confirmed report. Its text is written fresh: reports may name people."""
    fragments.bump("alerts")
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
    _record_edit(alert, author, creating=True)
    return alert


def _checked_summary(alert: Alert, fallback_accepted: bool) -> RecipientSummary:
    """The recipient summary as it stands now (its languages: what the check and the audit log read); a fallback
    nobody chose refuses the action."""
    summary = recipient_summary(alert, by_area=False)
    if summary.fallback_count and not fallback_accepted:
        raise AlertStateError("fallback")
    return summary


def _audit_details(summary: RecipientSummary, fallback_accepted: bool) -> dict[str, Any]:
    return {"recipients": summary.as_audit(), "fallback_accepted": fallback_accepted and bool(summary.fallback_count)}


def _locked(alert: Alert) -> Alert:
    return Alert.objects.select_for_update().select_related("main_language").get(pk=alert.pk)
