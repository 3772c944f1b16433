"""The one place that sends email and text messages to a person.

Messages are rendered here, inside the recipient's language, then sealed and queued: the page that asked for
the message never waits for a mail server or an SMS provider.
"""

from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.exceptions import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from aidhub.lib.phones import display_phone, normalise_phone
from aidhub.messaging import sms
from aidhub.messaging.crypto import seal
from aidhub.messaging.tasks import deliver_email, deliver_sms


class Recipient(Protocol):
    """A signed-up person as messages need them (aidhub.accounts.models.User, which messaging may not import)."""

    @property
    def email(self) -> str: ...

    @property
    def language(self) -> str: ...


def render_email(*, template: str, language: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """Subject, text body and optional HTML body from templates/emails/<template>_{subject,body}.{txt,html}."""
    context = _with_site(context)
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        body = render_to_string(f"emails/{template}_body.txt", context)
        html: str
        try:
            html = render_to_string(f"emails/{template}_body.html", context)
        except TemplateDoesNotExist:
            html = ""
    return subject, body, html


def render_sms(*, template: str, language: str, context: dict[str, Any]) -> str:
    context = _with_site(context)
    with translation.override(language):
        return render_to_string(f"sms/{template}.txt", context).strip()


def send_email(*, to: str | None, language: str, template: str, context: dict[str, Any] | None = None) -> None:
    """Queues an email once the current transaction commits (nothing is sent for a change that rolled back)."""
    if not to:
        return
    subject, body, html = render_email(template=template, language=language, context=context or {})
    payload = seal({"to": to, "subject": subject, "body": body, "html": html, "template": template})
    transaction.on_commit(lambda: deliver_email.enqueue(payload=payload))


def send_sms(*, to: str | None, language: str, template: str, context: dict[str, Any] | None = None) -> None:
    if not to:
        return
    body = render_sms(template=template, language=language, context=context or {})
    payload = seal({"to": to, "body": body, "template": template})
    transaction.on_commit(lambda: deliver_sms.enqueue(payload=payload))


def send_email_to_user(*, user: Recipient, template: str, context: dict[str, Any] | None = None) -> None:
    """Email to a signed-up person, in the language they chose."""
    send_email(to=user.email, language=user.language, template=template, context={"user": user, **(context or {})})


def deliver_sms_now(*, to: str, body: str) -> str:
    """Sends at once and returns the provider's id, or raises: for background work that tracks delivery itself."""
    return sms.get_backend().send(to, body)


def deliver_email_now(
    *, to: str, subject: str, body: str, html: str = "", headers: dict[str, str] | None = None
) -> None:
    """Sends at once, or raises: for background work that tracks delivery itself."""
    email = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to], headers=headers or {}
    )
    if html:
        email.attach_alternative(html, "text/html")
    email.send()


def _network_phone() -> str:
    """The network's phone as people of the region write it; empty when none is set (messages then never say
    "call us", issue 16)."""
    if not settings.NETWORK_PHONE:
        return ""
    try:
        return display_phone(normalise_phone(settings.NETWORK_PHONE))
    except ValidationError:
        return str(settings.NETWORK_PHONE)


def _with_site(context: dict[str, Any]) -> dict[str, Any]:
    return {
        "SITE_URL": settings.SITE_URL,
        "SITE_NAME": settings.SITE_NAME,
        "NETWORK_PHONE": _network_phone(),
        **context,
    }
