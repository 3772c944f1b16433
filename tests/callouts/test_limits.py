"""What a call-out respects: quiet hours, a weekly limit per volunteer, and a volunteer's "no call-outs"."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from aidhub.callouts.models import Callout, CalloutRecipient, CalloutSettings
from aidhub.callouts.tasks import send_waiting_texts
from aidhub.messaging import sms
from tests.callouts.conftest import PHONES, callout_form
from tests.factories import VolunteerProfileFactory


def _send(client, area, capture, **changes):
    with capture(execute=True):
        response = client.post("/en/organize/callouts/new/", {**callout_form(area, **changes), "send": "1"})
    return response


@pytest.fixture
def quiet_now(settings):
    """Quiet hours that hold now (the network's local hour until the next one), whatever time the test runs."""
    hour = timezone.localtime().hour
    settings.CALLOUT_QUIET_HOURS_START = hour
    settings.CALLOUT_QUIET_HOURS_END = (hour + 1) % 24
    return settings


def test_in_quiet_hours_emails_go_and_texts_wait_for_the_morning(
    client_for, organizer, drivers, eastside, quiet_now, django_capture_on_commit_callbacks
):
    quiet_now.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = _send(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    callout = Callout.objects.get()
    assert sms.outbox == []
    # Emails are queued as tasks too with this backend: three of them, and one task for the waiting texts.
    queued = DBTaskResult.objects.filter(task_path__endswith="send_waiting_texts").get()
    morning = timezone.localtime().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    assert queued.run_after == morning
    assert queued.args_kwargs == {"args": [], "kwargs": {"callout_id": callout.pk}}
    assert CalloutRecipient.objects.filter(text_waits_until=morning).count() == 2

    # In the morning the task texts the volunteers who still want call-outs.
    CalloutSettings.objects.filter(user=drivers["ar"]).update(accepts_callouts=False)
    quiet_now.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        assert send_waiting_texts.call(callout_id=callout.pk) == 1
    assert [message["to"] for message in sms.outbox] == [PHONES["es"]]


def test_in_quiet_hours_without_a_task_queue_that_can_wait_the_callout_goes_by_email_only(
    client_for, organizer, drivers, eastside, quiet_now, django_capture_on_commit_callbacks
):
    _send(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    assert sms.outbox == []
    assert len(mail.outbox) == 3
    # No email promises a text that will not come.
    assert not any("reply YES or NO to our text message" in message.body for message in mail.outbox)
    assert not CalloutRecipient.objects.filter(text_waits_until__isnull=False).exists()


def test_waiting_texts_of_a_closed_callout_are_not_sent(
    client_for, organizer, drivers, eastside, quiet_now, django_capture_on_commit_callbacks
):
    quiet_now.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _send(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    callout = Callout.objects.get()
    Callout.objects.update(status="closed")
    quiet_now.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    assert send_waiting_texts.call(callout_id=callout.pk) == 0
    assert sms.outbox == []


def test_a_volunteer_gets_at_most_the_weekly_number_of_callouts(
    settings, client_for, organizer, drivers, eastside, django_capture_on_commit_callbacks
):
    settings.CALLOUTS_PER_VOLUNTEER_PER_WEEK = 2
    client = client_for(organizer)
    for _ in range(2):
        assert _send(client, eastside, django_capture_on_commit_callbacks).status_code == 302
    response = client.post("/en/organize/callouts/new/count/", callout_form(eastside))
    assert "3 left out: already asked enough this week." in response.text
    response = _send(client, eastside, django_capture_on_commit_callbacks)
    assert "reaches no volunteer" in response.text
    assert Callout.objects.count() == 2
    # A week later they may be asked again.
    CalloutRecipient.objects.update(created_at=timezone.now() - timedelta(days=8))
    assert _send(client, eastside, django_capture_on_commit_callbacks).status_code == 302
    assert Callout.objects.count() == 3


def test_a_volunteer_who_wants_no_callouts_gets_none(
    client, client_for, organizer, drivers, eastside, django_capture_on_commit_callbacks
):
    response = client_for(drivers["es"]).post("/es/my/callouts/", {"phone": PHONES["es"]})
    assert response.status_code == 302
    assert CalloutSettings.objects.get(user=drivers["es"]).accepts_callouts is False
    client.logout()
    _send(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    assert {message.to[0] for message in mail.outbox} == {"amina@example.org", "tom@example.org"}
    assert [message["to"] for message in sms.outbox] == [PHONES["ar"]]
    response = client_for(organizer).post("/en/organize/callouts/new/count/", callout_form(eastside))
    assert "1 left out: asked for no call-outs." in response.text


def test_the_settings_page_keeps_a_phone_encrypted_and_refuses_a_wrong_one(client_for, eastside):
    volunteer = VolunteerProfileFactory(user__email="nadia@example.org").user
    client = client_for(volunteer)
    response = client.post("/en/my/callouts/", {"accepts_callouts": "on", "phone": "12"})
    assert response.status_code == 200 and "does not look like a phone number" in response.text
    assert not CalloutSettings.objects.exists()
    client.post("/en/my/callouts/", {"accepts_callouts": "on", "phone": "(202) 555-0177"})
    row = CalloutSettings.objects.get(user=volunteer)
    assert row.phone == "+12025550177" and row.accepts_callouts
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM callouts_calloutsettings")
        assert "555" not in cursor.fetchone()[0]
    assert (
        "+1 202-555-0177" in client.get("/en/my/callouts/").text or "2025550177" in client.get("/en/my/callouts/").text
    )
