"""Time travel: personal data of finished requests is deleted after the retention period set in the admin,
from io import StringIO
audit rows after 180 days; the emergency purge deletes at once."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from aidhub.core.models import AuditEvent, NetworkSettings, audit
from aidhub.matching.models import CheckIn, FamilyCheckIn
from aidhub.needs.models import HelpRequest, RequestLink, RequestMessage
from aidhub.portal.retention import purge_on_schedule
from tests.factories import HelpRequestFactory
from tests.helpers import sign_in


def _finished(area, status, days_ago):
    return HelpRequestFactory(
        area=area, status=status, close_reason="helped" if status == "closed" else "",
        status_changed_at=timezone.now() - timedelta(days=days_ago),
    )  # fmt: skip


def test_finished_requests_lose_their_personal_data_after_the_retention_period(eastside, done_match):
    network = NetworkSettings.load()
    network.request_retention_days = 30
    network.save()
    old_closed = _finished(eastside, "closed", 31)
    old_withdrawn = _finished(eastside, "withdrawn", 45)
    recent = _finished(eastside, "closed", 29)
    still_open = HelpRequestFactory(area=eastside, status="reviewed", created_at=timezone.now() - timedelta(days=90))
    done = done_match.help_request
    HelpRequest.objects.filter(pk=done.pk).update(status_changed_at=timezone.now() - timedelta(days=40))
    CheckIn.objects.create(match=done_match, outcome="helped", note="Canary note")
    RequestMessage.objects.create(help_request=done, author="family", text="Canary answer")
    RequestLink.objects.create(help_request=done, token_hash="f" * 64)
    FamilyCheckIn.objects.create(match=done_match, phone_hash="a" * 64)

    assert purge_on_schedule()["requests"] == 3
    for request in (old_closed, old_withdrawn, done):
        request.refresh_from_db()
        assert request.first_name is None
        assert request.contact_value is None
        assert request.description is None
        assert request.personal_data_purged_at is not None
        assert (request.category, request.area) == ("food", request.area)  # counts survive
    assert CheckIn.objects.get().note is None
    # The thread's words, the extra links and the hash of the family's number go too (issue 16).
    assert RequestMessage.objects.get().text is None
    assert not RequestLink.objects.exists()
    assert FamilyCheckIn.objects.get().phone_hash == ""
    for request in (recent, still_open):
        request.refresh_from_db()
        assert request.first_name == "Rosa"
    # A second run finds nothing more.
    assert purge_on_schedule()["requests"] == 0


def test_audit_rows_are_deleted_after_180_days(organizer):
    old = audit(actor=organizer, action="exported")
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=181))
    recent = audit(actor=organizer, action="exported")
    call_command("purge_personal_data", stdout=StringIO())
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [recent.pk]


def test_emergency_purge_needs_recent_sign_in_and_the_typed_words(client, admin_user, eastside):
    old = HelpRequestFactory(area=eastside, created_at=timezone.now() - timedelta(days=10))
    new = HelpRequestFactory(area=eastside)
    sign_in(client, admin_user)
    # Signing in is not a fresh sign-in five minutes later: allauth asks for the password first.
    response = client.post("/admin/emergency-purge/", {"days": "7", "confirmation": "delete family data"})
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response["Location"]
    client.post("/en/accounts/reauthenticate/", {"password": "a-good-long-test-password"})
    response = client.post("/admin/emergency-purge/", {"days": "7", "confirmation": "delete everything"})
    assert response.status_code == 200
    assert HelpRequest.objects.count() == 2
    response = client.post("/admin/emergency-purge/", {"days": "7", "confirmation": " Delete  family data "})
    assert response.status_code == 302
    assert list(HelpRequest.objects.values_list("pk", flat=True)) == [new.pk]
    assert not HelpRequest.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(action="data_purged", actor=admin_user).exists()


def test_past_events_old_reports_and_stale_subscriptions_are_purged(slot, eastside):
    from aidhub.alerts.models import Report, Subscriber
    from tests.factories import ReportFactory, SubscriberFactory, make_booking

    booking, _token = make_booking(slot)
    event = slot.event
    event.starts_at = timezone.now() - timedelta(days=40, hours=3)
    event.ends_at = timezone.now() - timedelta(days=40)
    event.save()
    old_report = ReportFactory(area=eastside)
    Report.objects.filter(pk=old_report.pk).update(created_at=timezone.now() - timedelta(days=61))
    fresh_report = ReportFactory(area=eastside)
    stale = SubscriberFactory(phone="+12025550160", status="pending", areas=[eastside])
    Subscriber.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=8))
    confirmed = SubscriberFactory(phone="+12025550161", areas=[eastside])

    counts = purge_on_schedule()
    assert (counts["event sign-ups"], counts["reports"], counts["subscriptions"]) == (1, 1, 1)
    booking.refresh_from_db()
    assert not booking.first_name and not booking.contact
    assert list(Report.objects.values_list("pk", flat=True)) == [fresh_report.pk]
    assert list(Subscriber.objects.values_list("pk", flat=True)) == [confirmed.pk]
