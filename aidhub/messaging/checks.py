"""`manage.py check --deploy`: with DEBUG off, messages must leave the server, not be printed or kept on it.

A console, file or in-memory backend writes people's phone numbers, addresses and private links to the journal
or a disk (or drops the messages): each is an error naming the setting and what to set instead. The messages
are for the operator who runs the check and stay in English, like Django's own.
"""

from django.conf import settings
from django.core import checks
from django.core.mail.backends.console import EmailBackend as ConsoleEmailBackend
from django.core.mail.backends.dummy import EmailBackend as DummyEmailBackend
from django.core.mail.backends.filebased import EmailBackend as FileEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemEmailBackend
from django.utils.module_loading import import_string

from aidhub.messaging import sms

# Text-message backends that do not send, with their SMS_BACKEND name.
KEPT_SMS = [
    (sms.ConsoleBackend, "console", "prints text messages to the log"),
    (sms.FileBackend, "file", "writes text messages to files"),
    (sms.LocmemBackend, "locmem", "keeps text messages in memory"),
]
# Email backends that do not send, with the EMAIL_URL scheme that picks each (the file one first: it is a console).
KEPT_EMAIL = [
    (FileEmailBackend, "filemail://", "writes emails to files"),
    (ConsoleEmailBackend, "consolemail://", "prints emails to the log"),
    (LocmemEmailBackend, "memorymail://", "keeps emails in memory"),
    (DummyEmailBackend, "dummymail://", "drops every email"),
]


@checks.register(checks.Tags.security, deploy=True)
def check_messages_leave_the_server(app_configs: object, **kwargs: object) -> list[checks.CheckMessage]:
    if settings.DEBUG:
        return []
    return [*_sms_problems(), *_email_problems()]


def _sms_problems() -> list[checks.CheckMessage]:
    backend = import_string(settings.SMS_BACKEND)
    if issubclass(backend, sms.NotConfiguredBackend):
        return [
            checks.Warning(
                "SMS_BACKEND is not set: every text message is refused, so people who chose texts get none.",
                hint="Set SMS_BACKEND=twilio with TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER, "
                "or SMS_BACKEND=disabled to say that the network sends no text messages.",
                id="aidhub.W101",
            )
        ]
    for kind, name, what in KEPT_SMS:
        if issubclass(backend, kind):
            return [
                checks.Error(
                    f"SMS_BACKEND={name} is for development: it {what} instead of sending them (with phone numbers "
                    "and private links).",
                    hint="Set SMS_BACKEND=twilio with TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER, "
                    "or SMS_BACKEND=disabled if the network sends no text messages.",
                    id="aidhub.E101",
                )
            ]
    return []


def _email_problems() -> list[checks.CheckMessage]:
    mailer = getattr(settings, "MAILERS", {}).get("default", {})
    backend = import_string(mailer.get("BACKEND") or settings.EMAIL_BACKEND)
    for kind, scheme, what in KEPT_EMAIL:
        if issubclass(backend, kind):
            return [
                checks.Error(
                    f"EMAIL_URL={scheme} is for development: it {what} instead of sending them (with people's "
                    "addresses and private links).",
                    hint="Set EMAIL_URL to the network's mail server, e.g. "
                    "smtp+tls://user:password@mail.example.org:587.",
                    id="aidhub.E102",
                )
            ]
    return []
