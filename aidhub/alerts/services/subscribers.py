"""Subscribing, confirming and unsubscribing. Nothing here tells a stranger whether an address is subscribed."""

import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from aidhub.alerts.languages import interface_language
from aidhub.alerts.models import Delivery, Subscriber
from aidhub.alerts.models.subscribers import code_hash
from aidhub.core.models import Area, Language
from aidhub.lib.phones import normalise_phone
from aidhub.lib.tokens import new_access_token
from aidhub.messaging.keywords import CARRIER_STOP_WORDS, is_stop_word, normalise_reply
from aidhub.messaging.services import send_email, send_sms

UNSUBSCRIBE_SALT = "aidhub.alerts.unsubscribe"
# Carriers and Twilio answer these themselves (and block further texts); we answer the others.


@transaction.atomic
def subscriber_subscribe(*, channel: str, address: str, language: Language, areas: Iterable[Area]) -> str:
    """Starts (or restarts) a subscription and sends a code. Returns the token of the private confirmation page.

    The answer is the same whether or not the address was known: a confirmed subscription is never changed from
    this public form (anyone may type anyone's number), its owner only gets a note on how to change it.
    """
    token, token_hash = new_access_token()
    subscriber = Subscriber.objects.select_for_update().with_address(channel, address).first()
    if subscriber is None:
        subscriber = Subscriber(channel=channel, language=language, token_hash=token_hash)
        subscriber.set_address(address)
        subscriber.save()
        subscriber.areas.set(areas)
    elif subscriber.is_confirmed:
        subscriber.token_hash = token_hash
        subscriber.code_hash = ""
        subscriber.save(update_fields=["token_hash", "code_hash"])
        if _may_send_code(subscriber):
            _message(subscriber, "alerts/already_subscribed")
        return token
    else:
        subscriber.status = Subscriber.Status.PENDING
        subscriber.language = language
        subscriber.token_hash = token_hash
        subscriber.unsubscribed_at = None
        subscriber.save()
        subscriber.areas.set(areas)
    if _may_send_code(subscriber):
        _send_code(subscriber, token)
    return token


def _may_send_code(subscriber: Subscriber) -> bool:
    """At most a few messages a day to one address, so that the form cannot be used to flood someone."""
    now = timezone.now()
    if subscriber.codes_sent_since is None or subscriber.codes_sent_since < now - timedelta(days=1):
        subscriber.codes_sent, subscriber.codes_sent_since = 0, now
    if subscriber.codes_sent >= settings.ALERTS_CONFIRM_MAX_SENDS:
        return False
    subscriber.codes_sent += 1
    subscriber.save(update_fields=["codes_sent", "codes_sent_since"])
    return True


def _send_code(subscriber: Subscriber, token: str) -> None:
    # A short code to type (or reply) for phones; a long one inside a link for email.
    code = (
        f"{secrets.randbelow(10**6):06d}" if subscriber.channel == Subscriber.Channel.SMS else secrets.token_urlsafe(18)
    )
    subscriber.code_hash = code_hash(subscriber.token_hash, code)
    subscriber.code_expires_at = timezone.now() + timedelta(minutes=settings.ALERTS_CONFIRM_MINUTES)
    subscriber.code_tries = 0
    subscriber.save(update_fields=["code_hash", "code_expires_at", "code_tries"])
    language = interface_language(subscriber.language.code)
    with translation.override(language):
        link = f"{settings.SITE_URL}{reverse('alerts:confirm', kwargs={'token': token})}?code={code}"
    _message(subscriber, "alerts/confirm", {"code": code, "link": link, "minutes": settings.ALERTS_CONFIRM_MINUTES})


@transaction.atomic
def subscriber_confirm(*, subscriber: Subscriber, code: str) -> bool:
    """True when the code is right, fresh, and tried no more than a few times."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if (
        subscriber.status != Subscriber.Status.PENDING
        or subscriber.code_expires_at is None
        or subscriber.code_expires_at < timezone.now()
        or subscriber.code_tries >= settings.ALERTS_CONFIRM_MAX_TRIES
    ):
        return False
    if not subscriber.code_matches(code):
        subscriber.code_tries += 1
        subscriber.save(update_fields=["code_tries"])
        return False
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.code_hash = ""
    subscriber.save(update_fields=["status", "confirmed_at", "code_hash"])
    _message(subscriber, "alerts/welcome")
    return True


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber, reply: bool = True) -> bool:
    """Stops every alert at once, messages already queued included."""
    updated = Subscriber.objects.filter(pk=subscriber.pk).exclude(status=Subscriber.Status.UNSUBSCRIBED)
    if not updated.update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now(), code_hash=""):
        return False
    Delivery.objects.filter(subscriber=subscriber, status=Delivery.Status.QUEUED).update(status=Delivery.Status.SKIPPED)
    if reply:
        _message(subscriber, "alerts/unsubscribed")
    return True


def subscriber_reply(*, sender: str, body: str) -> bool:
    """A text message sent to our number: a stop word unsubscribes, a code confirms. Anything else is not ours:
    False (aidhub.portal.hooks passes it on)."""
    try:
        phone = normalise_phone(sender)
    except ValidationError:
        return False
    subscriber = Subscriber.objects.with_address(Subscriber.Channel.SMS, phone).select_related("language").first()
    if subscriber is None:
        return False
    if is_stop_word(body):
        subscriber_unsubscribe(subscriber=subscriber, reply=normalise_reply(body) not in CARRIER_STOP_WORDS)
        return True
    if subscriber.status == Subscriber.Status.PENDING:
        code = "".join(ch for ch in body if ch.isdigit())
        if code:
            subscriber_confirm(subscriber=subscriber, code=code)
            return True
    return False


def unsubscribe_token(subscriber: Subscriber) -> str:
    """A link token that stays valid as long as the subscription: signed, nothing stored."""
    return signing.dumps(subscriber.pk, salt=UNSUBSCRIBE_SALT)


def subscriber_from_unsubscribe_token(token: str) -> Subscriber | None:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(pk=pk).select_related("language").first()


def unsubscribe_url(subscriber: Subscriber, language: str) -> str:
    with translation.override(language):
        path = reverse("alerts:unsubscribe", kwargs={"token": unsubscribe_token(subscriber)})
    return f"{settings.SITE_URL}{path}"


def _message(subscriber: Subscriber, template: str, context: dict[str, Any] | None = None) -> None:
    """Sends a short note about the subscription itself, by the subscriber's own channel and in their language."""
    language = interface_language(subscriber.language.code)
    context = {"subscriber": subscriber, **(context or {})}
    if subscriber.channel == Subscriber.Channel.SMS:
        send_sms(to=subscriber.phone, language=language, template=template, context=context)
    else:
        context["unsubscribe_url"] = unsubscribe_url(subscriber, language)
        send_email(to=subscriber.email, language=language, template=template, context=context)
