"""Renders an alert for each subscriber: their language's text (or the main one), by their channel.

Texts are rendered once per language and channel and reused for every subscriber who reads it; only the
unsubscribe link differs per email.
"""

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator

from aidhub.alerts.languages import interface_language
from aidhub.alerts.models import Alert, Delivery, Subscriber
from aidhub.alerts.services.subscribers import unsubscribe_url
from aidhub.messaging.segments import count_segments
from aidhub.messaging.services import deliver_email_now, deliver_sms_now, render_email, render_sms

TEMPLATES: dict[str, str] = {
    Delivery.Kind.ALERT: "alerts/alert",
    Delivery.Kind.CORRECTION: "alerts/correction",
    Delivery.Kind.RETRACTION: "alerts/retraction",
}
# Stands for the per-subscriber unsubscribe link inside an email rendered once per language.
UNSUBSCRIBE_PLACEHOLDER = "aidhub-unsubscribe-placeholder"


def message_context(alert: Alert, language_code: str) -> tuple[str, dict[str, Any]]:
    """What the templates need: the text for this reader and the language that frames it."""
    text = alert.text_for(language_code)
    frame = interface_language(language_code, text.language.code if text else "")
    with translation.override(frame):
        path = reverse("alerts:detail", kwargs={"pk": (alert.corrects or alert).pk})
    short = Truncator(text.text).chars(60, truncate="...") if text else ""
    return frame, {"alert": alert, "text": text, "short": short, "public_url": f"{settings.SITE_URL}{path}"}


def sms_body(alert: Alert, kind: str, language_code: str) -> str:
    frame, context = message_context(alert, language_code)
    return render_sms(template=TEMPLATES[kind], language=frame, context=context)


def sms_frame(language_code: str) -> str:
    """What a text message adds around an alert's text in this language (the longest severity), for counting."""
    frame = interface_language(language_code)
    frames = [
        render_sms(template=TEMPLATES[Delivery.Kind.ALERT], language=frame, context={"alert": Alert(severity=severity)})
        for severity in Alert.Severity.values
    ]
    # Never undercount: the organizer may still change the severity.
    return max(frames, key=lambda text: count_segments(text).units)


class AlertMessages:
    def __init__(self, alert: Alert, kind: str) -> None:
        self.alert = alert
        self.template = TEMPLATES[kind]
        self._sms: dict[str, str] = {}
        self._email: dict[str, tuple[str, tuple[str, str, str]]] = {}

    def send(self, subscriber: Subscriber) -> None:
        code = subscriber.language.code
        if subscriber.channel == Subscriber.Channel.SMS:
            if code not in self._sms:
                frame, context = message_context(self.alert, code)
                self._sms[code] = render_sms(template=self.template, language=frame, context=context)
            deliver_sms_now(to=subscriber.address, body=self._sms[code])
            return
        if code not in self._email:
            frame, context = message_context(self.alert, code)
            context["unsubscribe_url"] = UNSUBSCRIBE_PLACEHOLDER
            self._email[code] = (frame, render_email(template=self.template, language=frame, context=context))
        frame, (subject, body, html) = self._email[code]
        link = unsubscribe_url(subscriber, frame)
        deliver_email_now(
            to=subscriber.address,
            subject=subject,
            body=body.replace(UNSUBSCRIBE_PLACEHOLDER, link),
            html=html.replace(UNSUBSCRIBE_PLACEHOLDER, link),
            headers={"List-Unsubscribe": f"<{link}>"},
        )
