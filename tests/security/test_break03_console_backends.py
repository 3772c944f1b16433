"""Break 3: production could print families' phone numbers and private links.

`check --deploy` (run in a fresh process with production settings, as a deployment would) refuses every SMS and
email backend that prints, writes or keeps messages instead of sending them, naming the setting; the example
environment file passes it. The development backends that print or write messages mask phone numbers and
private links' tokens, while a confirmation code stays readable; nothing logged carries a phone number.
"""

import io
import logging
import os
import subprocess
import sys
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from aidhub.lib import redaction
from aidhub.messaging import sms
from aidhub.messaging.mail import ConsoleEmailBackend, FileEmailBackend
from tests.security.test_production_settings import PRODUCTION_ENV, TEST_ONLY

pytestmark = pytest.mark.slow

ROOT = Path(settings.BASE_DIR)
PHONE = "+12025550143"
TOKEN = "Kq3v9XbN2rT5wYz8AcDfGhJkLmNpQsUv"
BOOKING_TEXT = (
    f"AidHub: appointment booked for Tue 9, 6:00 PM. Code K7P-4QX. https://aid.example.org/es/events/bookings/{TOKEN}/"
)
CODE_TEXT = "AidHub: your code is 482913. Type it on the page or reply with it to get alerts."


def _manage(*args, env_changes, drop=()):
    env = {key: value for key, value in os.environ.items() if key not in TEST_ONLY}
    env.update(PRODUCTION_ENV)
    env.update(env_changes)
    for name in drop:
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def _check_deploy(env_changes=None, drop=()):
    return _manage("check", "--deploy", "--fail-level", "WARNING", env_changes=env_changes or {}, drop=drop)


@pytest.mark.parametrize("backend", ["console", "file", "locmem"])
def test_deploy_check_refuses_an_sms_backend_that_does_not_send(backend):
    result = _check_deploy({"SMS_BACKEND": backend})
    assert result.returncode != 0
    assert f"(aidhub.E101) SMS_BACKEND={backend} is for development" in result.stderr
    assert "SMS_BACKEND=twilio" in result.stderr


@pytest.mark.parametrize("url", ["consolemail://", "filemail:///tmp/aidhub-mail", "memorymail://", "dummymail://"])
def test_deploy_check_refuses_an_email_backend_that_does_not_send(url):
    result = _check_deploy({"EMAIL_URL": url})
    assert result.returncode != 0
    assert "(aidhub.E102) EMAIL_URL=" in result.stderr
    assert "smtp+tls://" in result.stderr


def test_deploy_check_asks_for_an_sms_choice_when_none_is_set():
    result = _check_deploy(drop=["SMS_BACKEND"])
    assert result.returncode != 0
    assert "(aidhub.W101) SMS_BACKEND is not set" in result.stderr


@pytest.mark.parametrize("choice", [{}, {"SMS_BACKEND": "disabled"}], ids=["twilio", "disabled"])
def test_deploy_check_passes_with_messages_that_leave_the_server(choice):
    result = _check_deploy(choice)
    assert result.returncode == 0, result.stdout + result.stderr


def test_example_environment_names_twilio_and_passes_the_deploy_check():
    lines = (ROOT / "deploy" / "aidhub.env.example").read_text().splitlines()
    example = dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))
    assert example["SMS_BACKEND"] == "twilio"
    assert all(example[name] for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER"))
    assert example["EMAIL_URL"].startswith("smtp")
    # Its keys are placeholders to replace, and its database need not exist for the check.
    keys = {name: PRODUCTION_ENV[name] for name in ("SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "DATABASE_URL")}
    result = _check_deploy({**example, **keys})
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_without_an_sms_backend_refuses_texts_and_prints_nothing(settings, capfd):
    settings.SMS_BACKEND = "aidhub.messaging.sms.NotConfiguredBackend"
    with pytest.raises(sms.SmsError):
        sms.get_backend().send(PHONE, BOOKING_TEXT)
    output = capfd.readouterr()
    assert PHONE not in output.out + output.err
    assert TOKEN not in output.out + output.err


def test_console_sms_masks_the_number_and_the_link_but_shows_the_code(capsys):
    sms.ConsoleBackend().send(PHONE, BOOKING_TEXT)
    sms.ConsoleBackend().send(PHONE, CODE_TEXT)
    printed = capsys.readouterr().out
    assert PHONE not in printed
    assert "2025550143" not in printed
    assert "[phone ending 43]" in printed
    assert TOKEN not in printed
    assert "/es/events/bookings/[redacted]/" in printed
    assert "Code K7P-4QX" in printed
    assert "your code is 482913" in printed


@pytest.mark.parametrize(
    "number", ["+12025550143", "+1 202 555 0143", "+44 20 7946 0958", "(202) 555-0143", "202.555.0143", "2025550143"]
)
def test_phone_numbers_are_masked_however_they_are_written(number):
    assert redaction.redact(f"call {number} today") == f"call [phone ending {number[-2:]}] today"


def test_dates_times_codes_and_ids_are_not_taken_for_phone_numbers():
    text = "2026-12-02 18:00, code 482913, ref K7P-4QX, delivery 1234567, task 3f2a9c0123456789ab"
    assert redaction.redact(text) == text


def test_file_sms_masks_the_number_and_the_link(settings, tmp_path):
    settings.SMS_FILE_PATH = tmp_path
    sms.FileBackend().send(PHONE, BOOKING_TEXT)
    [written] = tmp_path.iterdir()
    text = written.read_text()
    assert PHONE not in text
    assert TOKEN not in text
    assert text.startswith("To: [phone ending 43]\n")


def _email():
    status_link = f"https://aid.example.org/es/help/status/?k={TOKEN}"
    message = EmailMultiAlternatives(
        subject="We received your request K7P-4QX",
        body=f"Your private link: {status_link}\nWe will call you at {PHONE}.",
        to=["rosa.family@example.net"],
    )
    message.attach_alternative(f'<a href="{status_link}">{status_link}</a>', "text/html")
    return message


def test_console_email_masks_the_address_the_phone_and_the_link():
    stream = io.StringIO()
    ConsoleEmailBackend(stream=stream).send_messages([_email()])
    printed = stream.getvalue()
    assert TOKEN not in printed
    assert PHONE not in printed
    assert "rosa.family@" not in printed
    assert "r***@example.net" in printed
    assert "We received your request K7P-4QX" in printed


def test_file_email_masks_the_address_the_phone_and_the_link(tmp_path):
    FileEmailBackend(file_path=tmp_path).send_messages([_email()])
    [written] = tmp_path.iterdir()
    text = written.read_bytes().decode("utf-8", errors="replace")
    assert "rosa.family@" not in text
    assert "r***@example.net" in text
    # The body may be encoded (quoted-printable or base64): the check is on the message as a mail reader sees it.
    parsed = message_from_bytes(written.read_bytes().split(b"\n" + b"-" * 79)[0], policy=policy.default)
    shown = "".join(part.get_content() for part in parsed.walk() if part.get_content_maintype() == "text")
    assert TOKEN not in shown
    assert PHONE not in shown
    assert "/es/help/status/?k=[redacted]" in shown


def test_make_run_prints_messages_without_numbers_or_links_but_with_the_code():
    """The development defaults (DEBUG on, no SMS_BACKEND, no EMAIL_URL) print through the redacting backends."""
    script = (
        "from aidhub.messaging.services import deliver_email_now, deliver_sms_now;"
        f"deliver_sms_now(to={PHONE!r}, body={BOOKING_TEXT!r});"
        f"deliver_sms_now(to={PHONE!r}, body={CODE_TEXT!r});"
        f"deliver_email_now(to='rosa@example.net', subject='Your link', body={BOOKING_TEXT!r})"
    )
    result = _manage("shell", "-c", script, env_changes={"DEBUG": "true"}, drop=["SMS_BACKEND", "EMAIL_URL"])
    assert result.returncode == 0, result.stderr
    assert PHONE not in result.stdout
    assert TOKEN not in result.stdout
    assert "rosa@example.net" not in result.stdout
    assert "your code is 482913" in result.stdout
    assert "[phone ending 43]" in result.stdout


def test_nothing_logged_carries_a_phone_number():
    """The handlers of settings.LOGGING mask numbers in any record, whoever logs it."""
    root = logging.getLogger()
    [handler] = [handler for handler in root.handlers if type(handler) is logging.StreamHandler]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        logging.getLogger("aidhub.anything").warning("text to %s failed", PHONE)
    finally:
        handler.setStream(previous)
    assert PHONE not in stream.getvalue()
    assert "text to [phone ending 43] failed" in stream.getvalue()
