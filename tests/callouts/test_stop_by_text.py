"""A volunteer who texts STOP (in any language) to the network's number gets call-outs by email only, as their
settings say, until they text START; and the hash of the number a call-out was texted to is emptied by the daily
purge once a text can no longer answer it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from aidhub.callouts.models import Callout, CalloutRecipient, CalloutSettings
from aidhub.callouts.tasks import send_waiting_texts
from aidhub.messaging import sms
from aidhub.portal.retention import purge_on_schedule
from tests.callouts.conftest import PHONES
from tests.callouts.test_callout_flow import AUTH_TOKEN, send_callout, signed_text
from tests.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def signed_webhook(settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.SITE_URL = "https://aidhub.test"


@pytest.fixture
def quiet_now(settings):
    """Quiet hours that hold now, whatever time the test runs: texts wait for the task."""
    hour = timezone.localtime().hour
    settings.CALLOUT_QUIET_HOURS_START = hour
    settings.CALLOUT_QUIET_HOURS_END = (hour + 1) % 24
    return settings


def stopped(user):
    return CalloutSettings.objects.get(user=user).texts_stopped_at is not None


def close_all():
    Callout.objects.update(status=Callout.Status.CLOSED)


def test_stop_in_spanish_after_a_callout_stops_its_texts_and_start_brings_them_back(
    client, client_for, organizer, drivers, eastside, django_capture_on_commit_callbacks
):
    send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    close_all()
    client.logout()
    reply = signed_text(client, PHONES["es"], "Para")
    assert reply.status_code == 200
    # The keyword's own answer still goes back (the phone line's), and the call-out settings record it.
    assert b"<Message>" in reply.content
    assert stopped(drivers["es"]) and not stopped(drivers["ar"])
    settings_row = CalloutSettings.objects.get(user=drivers["es"])
    assert settings_row.accepts_callouts and settings_row.phone == PHONES["es"]

    # The next call-out: email to all three, a text only to Amina.
    sms.outbox.clear()
    mail.outbox = []
    Callout.objects.all().delete()
    send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "amina@example.org",
        "lucía@example.org",
        "tom@example.org",
    ]
    assert [message["to"] for message in sms.outbox] == [PHONES["ar"]]
    lucia = CalloutRecipient.objects.get(volunteer=drivers["es"])
    assert lucia.texted_at is None and lucia.phone_hash == ""

    # START (in Spanish) gives the texts back.
    close_all()
    client.logout()
    signed_text(client, PHONES["es"], "INICIAR")
    assert not stopped(drivers["es"])
    sms.outbox.clear()
    Callout.objects.all().delete()
    send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    assert sorted(message["to"] for message in sms.outbox) == sorted(PHONES.values())


@pytest.mark.parametrize("word", ["STOP", "توقف", "CANCEL"])
def test_every_stop_word_stops_callout_texts(client, drivers, word):
    signed_text(client, PHONES["ar"], word)
    assert stopped(drivers["ar"]) and not stopped(drivers["es"])


def test_other_messages_and_other_numbers_change_nothing(client, drivers):
    signed_text(client, PHONES["es"], "HELP")
    signed_text(client, "+12025550999", "STOP")
    signed_text(client, f"whatsapp:{PHONES['es']}", "STOP")
    assert not CalloutSettings.objects.filter(texts_stopped_at__isnull=False).exists()


def test_waiting_texts_skip_a_volunteer_who_stopped_them(
    client,
    client_for,
    organizer,
    drivers,
    eastside,
    quiet_now,
    django_capture_on_commit_callbacks,
):
    quiet_now.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    callout = send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    client.logout()
    signed_text(client, PHONES["ar"], "STOP")
    quiet_now.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        assert send_waiting_texts.call(callout_id=callout.pk) == 1
    assert [message["to"] for message in sms.outbox] == [PHONES["es"]]


def test_the_settings_page_says_texts_are_stopped_and_how_to_restart_them(client, drivers):
    signed_text(client, PHONES["es"], "PARA")
    sign_in(client, drivers["es"])
    page = client.get("/es/my/callouts/")
    assert page.status_code == 200
    assert "Envíe INICIAR" in page.text
    english = client.get("/en/my/callouts/")
    assert "Text START to it" in english.text
    client.logout()
    signed_text(client, PHONES["es"], "START")
    sign_in(client, drivers["es"])
    assert "Text START to it" not in client.get("/en/my/callouts/").text


def test_the_daily_purge_empties_the_phone_hash_after_the_reply_window(
    client, client_for, organizer, drivers, eastside, settings, django_capture_on_commit_callbacks
):
    send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    texted = CalloutRecipient.objects.exclude(phone_hash="")
    assert texted.count() == 2
    now = timezone.now()
    # Within the window the hashes stay (a YES by text may still answer).
    assert (
        purge_on_schedule(now=now + timedelta(days=settings.CALLOUT_REPLY_DAYS) - timedelta(minutes=1))[
            "call-out phone hashes"
        ]
        == 0
    )
    assert texted.count() == 2
    result = purge_on_schedule(now=now + timedelta(days=settings.CALLOUT_REPLY_DAYS, minutes=1))
    assert result["call-out phone hashes"] == 2
    assert not CalloutRecipient.objects.exclude(phone_hash="").exists()
    # What they answered and when they were texted stay (the weekly limit and the organizers' page use them).
    assert CalloutRecipient.objects.filter(texted_at__isnull=False).count() == 2
