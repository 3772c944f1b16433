"""Sending is idempotent: retried, repeated or restarted tasks never send a message twice."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from aidhub.alerts.models import Delivery
from aidhub.alerts.selectors import recipient_summary
from aidhub.alerts.services.alerts import alert_retract, alert_start_correction, alert_verify
from aidhub.alerts.tasks import send_deliveries
from aidhub.messaging import sms
from aidhub.messaging.sms import LocmemBackend, SmsError
from tests.factories import AlertFactory, SubscriberFactory, language


class WorkerKilled(BaseException):
    """Stands for the process dying (not an error the task could catch)."""


class DiesAfter(LocmemBackend):
    """Hands N messages to the provider, then the worker dies right after the provider took the next one."""

    limit = 3

    def send(self, to, body):
        message_id = super().send(to, body)
        if len(sms.outbox) > self.limit:
            raise WorkerKilled
        return message_id


class FailsFirst(LocmemBackend):
    """The provider refuses the first attempt for every number, then takes the message."""

    seen = set()

    def send(self, to, body):
        if to not in self.seen:
            self.seen.add(to)
            raise SmsError("provider unavailable")
        return super().send(to, body)


class AlwaysFails(LocmemBackend):
    def send(self, to, body):
        raise SmsError("number blocked")


@pytest.fixture
def ten_subscribers(eastside):
    return [SubscriberFactory(areas=[eastside], language=language("es")) for _ in range(10)]


@pytest.fixture
def verified_alert(organization, organizer, second_organizer, eastside, ten_subscribers, settings):
    # Rows are queued, not sent: each test runs the task itself.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    alert = AlertFactory(organization=organization, author=organizer, areas=[eastside], status="pending")
    alert_verify(alert=alert, verifier=second_organizer, revision=alert.revision, fallback_accepted=True)
    return alert


def _per_number():
    return Counter(message["to"] for message in sms.outbox)


def test_running_the_send_task_twice_sends_each_message_once(verified_alert, ten_subscribers):
    assert send_deliveries.call(alert_id=verified_alert.pk, kind="alert") == 10
    assert send_deliveries.call(alert_id=verified_alert.pk, kind="alert") == 0
    assert sorted(_per_number().values()) == [1] * 10
    assert set(verified_alert.deliveries.values_list("status", flat=True)) == {"sent"}


def test_queueing_twice_adds_no_rows(verified_alert):
    from aidhub.alerts.services.delivery import deliveries_queue

    sent = verified_alert.deliveries.order_by("pk").first()
    sent.status = "sent"
    sent.save()
    assert deliveries_queue(alert=verified_alert, kind="alert") == 0
    assert verified_alert.deliveries.count() == 10
    # Only whoever has no row yet gets one; existing rows stay as they are.
    missing = list(verified_alert.deliveries.exclude(pk=sent.pk).values_list("pk", flat=True)[:3])
    verified_alert.deliveries.filter(pk__in=missing).delete()
    assert deliveries_queue(alert=verified_alert, kind="alert") == 3
    assert verified_alert.deliveries.count() == 10
    assert verified_alert.deliveries.get(pk=sent.pk).status == "sent"


def test_rows_are_written_in_one_statement_with_the_values_of_a_new_row(verified_alert, ten_subscribers):
    from aidhub.alerts.services.delivery import deliveries_queue

    new = Delivery()
    rows = verified_alert.deliveries.order_by("subscriber_id")
    assert [row.subscriber_id for row in rows] == sorted(subscriber.pk for subscriber in ten_subscribers)
    assert {(row.kind, row.status, row.attempts, row.claimed_at, row.sent_at, row.error) for row in rows} == {
        ("alert", new.status, new.attempts, None, None, new.error)
    }
    assert all(abs(row.next_attempt_at - timezone.now()) < timedelta(minutes=1) for row in rows)
    with CaptureQueriesContext(connection) as queries:
        assert deliveries_queue(alert=verified_alert, kind="retraction") == 10
    # The subscribers' ids stay in the database: no SELECT of them, one INSERT whatever the audience.
    assert [query["sql"].split()[0] for query in queries.captured_queries] == ["INSERT"]
    assert set(verified_alert.deliveries.filter(kind="retraction").values_list("status", flat=True)) == {"queued"}


def test_a_subscriber_of_two_areas_in_reach_is_queued_and_counted_once(
    organization, organizer, second_organizer, city, eastside, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    both = SubscriberFactory(areas=[city, eastside], language=language("en"))
    alert = AlertFactory(organization=organization, author=organizer, areas=[eastside], status="pending")
    assert alert_verify(alert=alert, verifier=second_organizer, revision=alert.revision) == 1
    assert list(alert.deliveries.values_list("subscriber_id", flat=True)) == [both.pk]
    assert recipient_summary(alert).total == 1


def test_a_worker_killed_half_way_and_run_again_sends_exactly_one_message_to_each(
    verified_alert, ten_subscribers, settings
):
    settings.SMS_BACKEND = "tests.alerts.test_delivery.DiesAfter"
    with pytest.raises(WorkerKilled):
        send_deliveries.call(alert_id=verified_alert.pk, kind="alert")
    assert len(sms.outbox) == 4
    statuses = Counter(verified_alert.deliveries.values_list("status", flat=True))
    assert statuses == {"sent": 3, "sending": 1, "queued": 6}

    settings.SMS_BACKEND = "aidhub.messaging.sms.LocmemBackend"
    send_deliveries.call(alert_id=verified_alert.pk, kind="alert")
    assert sorted(_per_number().values()) == [1] * 10
    # The message in flight when the worker died is never sent again automatically; after the lease it
    # shows as interrupted, for an organizer to decide.
    assert Counter(verified_alert.deliveries.values_list("status", flat=True)) == {"sent": 9, "sending": 1}
    verified_alert.deliveries.filter(status="sending").update(claimed_at=timezone.now() - timedelta(hours=1))
    send_deliveries.call(alert_id=verified_alert.pk, kind="alert")
    assert verified_alert.deliveries.get(status="failed").error == "interrupted"
    assert sorted(_per_number().values()) == [1] * 10


def test_provider_errors_are_retried_later_with_a_growing_delay(verified_alert, settings):
    settings.SMS_BACKEND = "tests.alerts.test_delivery.FailsFirst"
    FailsFirst.seen = set()
    before = timezone.now()
    assert send_deliveries.call(alert_id=verified_alert.pk, kind="alert") == 0
    rows = verified_alert.deliveries.all()
    assert {(row.status, row.attempts, row.error) for row in rows} == {("queued", 1, "SmsError")}
    assert all(row.next_attempt_at >= before + timedelta(seconds=60) for row in rows)
    # Nothing is due yet: running again sends nothing.
    assert send_deliveries.call(alert_id=verified_alert.pk, kind="alert") == 0
    rows.update(next_attempt_at=timezone.now())  # time passes
    assert send_deliveries.call(alert_id=verified_alert.pk, kind="alert") == 10
    assert sorted(_per_number().values()) == [1] * 10


def test_after_the_last_attempt_a_message_is_failed_and_can_be_tried_again_by_an_organizer(
    verified_alert, settings, client_for, organizer, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = "tests.alerts.test_delivery.AlwaysFails"
    for attempt in range(1, settings.ALERTS_SEND_MAX_ATTEMPTS + 1):
        send_deliveries.call(alert_id=verified_alert.pk, kind="alert")
        verified_alert.deliveries.update(next_attempt_at=timezone.now())
        expected = "failed" if attempt == settings.ALERTS_SEND_MAX_ATTEMPTS else "queued"
        assert set(verified_alert.deliveries.values_list("status", flat=True)) == {expected}
    settings.SMS_BACKEND = "aidhub.messaging.sms.LocmemBackend"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(organizer).post(f"/en/organize/alerts/{verified_alert.pk}/retry/")
    assert response.status_code == 302
    assert sorted(_per_number().values()) == [1] * 10


def test_a_retry_is_scheduled_with_the_database_backend(verified_alert, settings):
    settings.SMS_BACKEND = "tests.alerts.test_delivery.AlwaysFails"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_deliveries.call(alert_id=verified_alert.pk, kind="alert")
    queued = DBTaskResult.objects.get()
    assert queued.run_after >= timezone.now() + timedelta(seconds=50)
    # The task's arguments hold ids only: no number, no text.
    assert queued.args_kwargs == {"args": [], "kwargs": {"alert_id": verified_alert.pk, "kind": "alert"}}


def test_a_correction_and_a_retraction_go_to_the_same_people(
    verified_alert, ten_subscribers, eastside, organizer, second_organizer
):
    send_deliveries.call(alert_id=verified_alert.pk, kind="alert")
    newcomer = SubscriberFactory(areas=[eastside])
    sms.outbox.clear()
    correction = alert_start_correction(alert=verified_alert, author=organizer)
    correction.texts.filter(language__code="en").update(text="Correction: the checkpoint was on Oak Street.")
    correction.submit()
    correction.save()
    assert (
        alert_verify(alert=correction, verifier=second_organizer, revision=correction.revision, fallback_accepted=True)
        == 10
    )
    send_deliveries.call(alert_id=correction.pk, kind="correction")
    assert sorted(_per_number().values()) == [1] * 10
    assert newcomer.phone not in _per_number()
    assert all("CORRECCIÓN" in message["body"] for message in sms.outbox)
    sms.outbox.clear()
    assert alert_retract(alert=verified_alert, organizer=organizer) == 10
    send_deliveries.call(alert_id=verified_alert.pk, kind="retraction")
    assert sorted(_per_number().values()) == [1] * 10
    assert all("RETIRADA" in message["body"] for message in sms.outbox)


def test_email_alerts_carry_a_working_unsubscribe_link(
    client, organization, organizer, second_organizer, eastside, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="amal@example.org", language=language("ar"), areas=[eastside])
    alert = AlertFactory(organization=organization, author=organizer, areas=[eastside], status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        alert_verify(alert=alert, verifier=second_organizer, revision=alert.revision, fallback_accepted=True)
    email = mail.outbox[0]
    link = email.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in email.body
    assert link.startswith("https://aidhub.test/ar/alerts/unsubscribe/")
    client.post(link.removeprefix("https://aidhub.test") + "confirm/")
    assert Delivery.objects.get().subscriber.status == "unsubscribed"


def test_the_alert_page_shows_progress_and_the_partial_updates_itself(client_for, organizer, verified_alert):
    client = client_for(organizer)
    page = client.get(f"/en/organize/alerts/{verified_alert.pk}/")
    assert 'hx-trigger="every 3s"' in page.text
    assert "vendor/htmx/htmx.min.js" in page.text
    partial = client.get(f"/en/organize/alerts/{verified_alert.pk}/progress/")
    assert "<html" not in partial.text
    assert 'hx-get="' in partial.text
    send_deliveries.call(alert_id=verified_alert.pk, kind="alert")
    done = client.get(f"/en/organize/alerts/{verified_alert.pk}/progress/")
    assert "hx-trigger" not in done.text  # polling stops when nothing is waiting
    assert 'value="10"' in done.text
