"""Text-message backends, chosen by settings.SMS_BACKEND the way Django chooses email backends.

Each backend has `send(to, body)` that returns the provider's message id, or raises SmsError. Production sends
through Twilio or sends nothing (disabled); the development backends that print or write messages mask the
phone number and private links' tokens (a confirmation code stays readable: it is what a developer types next).
"""

import sys
import threading
import uuid
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from aidhub.lib.redaction import redact


class SmsError(Exception):
    """The provider refused or could not take the message."""


class BaseSmsBackend:
    def send(self, to: str, body: str) -> str:
        raise NotImplementedError


def _printable(to: str, body: str) -> tuple[str, str]:
    """The number and the text as development backends show them: without the number or private links' tokens."""
    return redact(to), redact(body, account_links=False)


class DisabledBackend(BaseSmsBackend):
    """SMS_BACKEND=disabled: the network sends no text messages. Each one is refused, so it counts as failed."""

    reason = "text messages are turned off (SMS_BACKEND=disabled)"

    def send(self, to: str, body: str) -> str:
        raise SmsError(self.reason)


class NotConfiguredBackend(DisabledBackend):
    """DEBUG off and no SMS_BACKEND: refuses like disabled (never prints), and `check --deploy` warns."""

    reason = "no SMS_BACKEND is set"


class ConsoleBackend(BaseSmsBackend):
    """Prints messages to standard output: for development."""

    def send(self, to: str, body: str) -> str:
        message_id = uuid.uuid4().hex
        to, body = _printable(to, body)
        sys.stdout.write(f"--- SMS to {to} ({message_id}) ---\n{body}\n---\n")
        sys.stdout.flush()
        return message_id


# Messages sent with the locmem backend, for tests to inspect (like django.core.mail.outbox).
outbox: list[dict[str, str]] = []
_outbox_lock = threading.Lock()


class LocmemBackend(BaseSmsBackend):
    """Keeps messages, whole, in `outbox`: for tests, which read their links."""

    def send(self, to: str, body: str) -> str:
        message_id = uuid.uuid4().hex
        with _outbox_lock:
            outbox.append({"to": to, "body": body, "id": message_id})
        return message_id


class FileBackend(BaseSmsBackend):
    """Writes each message to a file in settings.SMS_FILE_PATH: for development."""

    def send(self, to: str, body: str) -> str:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        message_id = uuid.uuid4().hex
        name = f"{timezone.now():%Y%m%d-%H%M%S}-{message_id}.txt"
        to, body = _printable(to, body)
        (folder / name).write_text(f"To: {to}\n\n{body}\n", encoding="utf-8")
        return message_id


class TwilioBackend(BaseSmsBackend):
    """Sends through Twilio's Messaging API (settings TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER)."""

    def __init__(self) -> None:
        from twilio.rest import Client

        self.client = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)

    def send(self, to: str, body: str) -> str:
        from twilio.base.exceptions import TwilioException

        try:
            message = self.client.messages.create(to=to, from_=settings.TWILIO_FROM_NUMBER, body=body)
        except TwilioException as error:
            # The provider's text may quote the number: pass on only the kind of error and its code.
            raise SmsError(f"{type(error).__name__} {getattr(error, 'code', '') or ''}".strip()) from None
        sid: str = message.sid
        return sid


def get_backend() -> BaseSmsBackend:
    backend: BaseSmsBackend = import_string(settings.SMS_BACKEND)()
    return backend
