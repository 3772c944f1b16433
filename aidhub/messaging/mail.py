"""Email backends for development that print or write messages (EMAIL_URL=consolemail:// or filemail://):
Django's, with phone numbers, recipients' addresses and private links' tokens left out of what they show."""

import copy

from django.core.mail import EmailMessage
from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend
from django.core.mail.backends.filebased import EmailBackend as DjangoFileBackend

from aidhub.lib.redaction import mask_email, redact


def _shown(text: str) -> str:
    # allauth's sign-up and password links stay readable: in development they are the only way to finish.
    return redact(text, account_links=False)


def redacted_copy(message):
    """The message as it may be shown: its text redacted and its recipients masked; the original is unchanged."""
    shown = copy.copy(message)
    shown.subject = _shown(message.subject)
    shown.body = _shown(message.body)
    for field in ("to", "cc", "bcc", "reply_to"):
        setattr(shown, field, [mask_email(address) for address in getattr(message, field)])
    if getattr(message, "alternatives", None):
        shown.alternatives = [
            type(alternative)(
                _shown(alternative.content) if isinstance(alternative.content, str) else alternative.content,
                alternative.mimetype,
            )
            for alternative in message.alternatives
        ]
    return shown


class ConsoleEmailBackend(DjangoConsoleBackend):
    def write_message(self, message: EmailMessage) -> None:
        super().write_message(redacted_copy(message))


class FileEmailBackend(DjangoFileBackend):
    def write_message(self, message: EmailMessage) -> None:
        super().write_message(redacted_copy(message))
