"""Families who ask for help by text message or WhatsApp: keywords, the conversation kept between messages, and the
request it makes. Each function answers one incoming message and returns the reply to send back in the webhook's
response, or False when the message is not its to answer (aidhub.portal.hooks asks the next handler)."""

import json
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from aidhub.alerts.models import Subscriber
from aidhub.alerts.services.subscribers import subscriber_reply, subscriber_unsubscribe
from aidhub.lib.crypto import keyed_hash
from aidhub.lib.phones import normalise_phone
from aidhub.messaging import keywords
from aidhub.needs.models import HelpRequest
from aidhub.needs.services import (
    help_request_delete,
    help_request_submit,
    help_request_withdraw,
    status_path,
    status_url_with_new_link,
)
from aidhub.phone import conversation, limits, replies
from aidhub.phone.conversation import Turn
from aidhub.phone.language import guess_language
from aidhub.phone.models import IDLE_LIMIT, Conversation, TextedRequest
from aidhub.phone.replies import SMS, WHATSAPP

WHATSAPP_PREFIX = "whatsapp:"


class Sender:
    """Who texted: their number in E.164 (kept only in memory), its keyed hash, and the channel."""

    def __init__(self, raw: str) -> None:
        self.channel = WHATSAPP if raw.startswith(WHATSAPP_PREFIX) else SMS
        self.phone = normalise_phone(raw.removeprefix(WHATSAPP_PREFIX))
        self.hash = keyed_hash(f"phone-sender:{self.phone}")


def _sender(raw: str) -> Sender | None:
    try:
        return Sender(raw)
    except ValidationError:
        return None


def _load(conversation_row: Conversation) -> dict[str, Any]:
    state: dict[str, Any] = json.loads(conversation_row.state or "{}")
    return state


def _keep(sender: Sender, state: dict[str, Any]) -> None:
    Conversation.objects.update_or_create(
        sender_hash=sender.hash,
        defaults={"state": json.dumps(state), "channel": sender.channel, "updated_at": timezone.now()},
    )


def _forget(sender: Sender) -> None:
    Conversation.objects.filter(sender_hash=sender.hash).delete()


def _texted_requests(sender: Sender) -> list[HelpRequest]:
    ids = TextedRequest.objects.filter(sender_hash=sender.hash).values("help_request_id")
    return list(HelpRequest.objects.filter(pk__in=ids).order_by("-created_at"))


def _language_for(sender: Sender, body: str, kind: str, state: dict[str, Any] | None) -> str:
    """The language to answer a keyword in: the conversation's, the request's, else the keyword's own."""
    if state is not None:
        return str(state["language"])
    requests = _texted_requests(sender)
    if requests:
        return requests[0].message_language
    word = keywords.normalise_reply(body)
    for language, words in keywords.KEYWORDS[kind].items():
        if word in {keywords.normalise_reply(w) for w in words}:
            return language
    return settings.LANGUAGE_CODE


@transaction.atomic
def phone_keyword_reply(*, sender: str, body: str) -> str | bool:
    """STOP, START, HELP, STATUS, CANCEL and DELETE, in any interface language (aidhub.messaging.keywords)."""
    kind = keywords.keyword_of(body)
    who = _sender(sender)
    if kind is None or who is None:
        return False
    row = Conversation.objects.select_for_update().filter(sender_hash=who.hash).first()
    state = _load(row) if row is not None and not row.is_expired() else None
    reply_state = state or {"language": _language_for(who, body, kind, state), "channel": who.channel}
    carrier_word = keywords.normalise_reply(body) in keywords.CARRIER_STOP_WORDS
    if kind in (keywords.STOP, keywords.CANCEL):
        _forget(who)
        withdrawn = [help_request_withdraw(help_request=r) for r in _open(who)] if kind == keywords.CANCEL else []
        # Alerts by text stop too; alerts answers its own subscribers (and tells them alerts stopped).
        told_by_alerts = subscriber_reply(sender=who.phone, body=body)
        if withdrawn:
            codes = ", ".join(r.reference_code for r in withdrawn)
            return replies.keyword_text("withdrawn", reply_state, code=codes)
        # Twilio answers the carriers' words itself (and would not deliver ours).
        return True if carrier_word or told_by_alerts else replies.keyword_text("stopped", reply_state)
    if kind == keywords.START:
        return replies.keyword_text("started", reply_state)
    if kind == keywords.HELP:
        return replies.keyword_text("help", reply_state)
    if kind == keywords.STATUS:
        return _status(who, reply_state)
    turn = conversation.ask_to_delete(state, language=reply_state["language"], channel=who.channel)
    assert turn.state is not None
    _keep(who, turn.state)
    return turn.reply


def _open(sender: Sender) -> list[HelpRequest]:
    return [r for r in _texted_requests(sender) if r.can_withdraw]


def _status(sender: Sender, state: dict[str, Any]) -> str:
    requests = _texted_requests(sender)
    if not requests:
        return replies.keyword_text("no_request", state)
    help_request = next((r for r in requests if r.is_open), requests[0])
    with translation.override(state["language"]):
        status = str(HelpRequest.Status(help_request.status).label)
    url = status_url_with_new_link(help_request=help_request)
    return replies.keyword_text("status", state, code=help_request.reference_code, status=status, url=url)


def phone_message_limit(*, sender: str, body: str) -> str | bool:
    """After the keywords, before anything else: a number over its messages an hour (aidhub.phone.limits) is
    told once to try later, then answered by nothing; nothing of its messages is kept."""
    who = _sender(sender)
    if who is None:
        return False
    limit = limits.message_limit_reached(sender_hash=who.hash)
    return False if limit is None else _over_limit(who, body, limit)


def _over_limit(sender: Sender, body: str, limit: str) -> str | bool:
    """The short notice, the first time in the limit's window; True (answered by nothing) after that."""
    if not limits.first_notice(sender_hash=sender.hash, limit=limit):
        return True
    row = Conversation.objects.filter(sender_hash=sender.hash).first()
    if row is not None and not row.is_expired():
        language = str(_load(row)["language"])
    else:
        requests = _texted_requests(sender)
        language = requests[0].message_language if requests else guess_language(body) or settings.LANGUAGE_CODE
    return replies.keyword_text("busy", {"language": language, "channel": sender.channel})


@transaction.atomic
def phone_conversation_reply(*, sender: str, body: str) -> str | bool:
    """The next message of a conversation in progress: the next question, the same one again, or the request."""
    who = _sender(sender)
    if who is None:
        return False
    row = Conversation.objects.select_for_update().filter(sender_hash=who.hash).first()
    if row is None:
        return False
    state = _load(row)
    if row.is_expired():
        row.delete()
        return replies.keyword_text("expired", state)
    return _after(who, conversation.advance(state, body))


@transaction.atomic
def phone_conversation_start(*, sender: str, body: str) -> str | bool:
    """A first message that no other handler answered: the start of a conversation."""
    who = _sender(sender)
    if who is None:
        return False
    # Counted before anything is worked out or kept: over a limit, nothing is.
    limit = limits.conversation_limit_reached(sender_hash=who.hash)
    if limit is not None:
        return _over_limit(who, body, limit)
    turn = conversation.begin(body, channel=who.channel)
    assert turn.state is not None
    try:
        with transaction.atomic():
            Conversation.objects.create(
                sender_hash=who.hash, channel=who.channel, state=json.dumps(turn.state), updated_at=timezone.now()
            )
    except IntegrityError:
        # Two first messages at once: the other one started it; this one answers its first question.
        return phone_conversation_reply(sender=sender, body=body)
    return turn.reply


def _after(sender: Sender, turn: Turn) -> str:
    if turn.erase:
        _erase(sender)
        return turn.reply
    if turn.details is not None:
        return _make_request(sender, turn)
    if turn.state is None:
        _forget(sender)
    else:
        _keep(sender, turn.state)
    return turn.reply


def _erase(sender: Sender) -> None:
    """DELETE, confirmed: the requests made from this number with all attached, the conversation, and the alerts
    subscription by text (ended now, removed by the daily purge)."""
    for help_request in _texted_requests(sender):
        help_request_delete(help_request=help_request)
    _forget(sender)
    for subscriber in Subscriber.objects.with_address(Subscriber.Channel.SMS, sender.phone):
        subscriber_unsubscribe(subscriber=subscriber, reply=False)


def _make_request(sender: Sender, turn: Turn) -> str:
    """The family confirmed: its request is made as the web form makes it, from the text message's number."""
    state, details = turn.state, turn.details
    assert state is not None and details is not None
    details["contact_value"] = sender.phone
    language = str(state["language"])
    help_request, token, created = help_request_submit(
        details=details,
        submission_id=state["submission_id"],
        language=language,
        source=HelpRequest.Source.TEXT,
        tell=False,
    )
    if created:
        TextedRequest.objects.create(sender_hash=sender.hash, help_request=help_request)
    _forget(sender)
    url = settings.SITE_URL + status_path(token, language)
    return replies.keyword_text("sent", state, code=help_request.reference_code, url=url)


def phone_trial_reply(*, state: dict[str, Any] | None, body: str) -> tuple[dict[str, Any] | None, str]:
    """ "Try the phone line": the same conversation and keywords, on a state the organizer's session keeps. It
    writes nothing: a confirmed request is not made (the page shows what it would be), STATUS finds no request,
    DELETE and STOP only end the trial."""
    kind = keywords.keyword_of(body)
    if kind is not None:
        reply_state = state or {"language": settings.LANGUAGE_CODE, "channel": SMS}
        if kind in (keywords.STOP, keywords.CANCEL):
            return None, replies.keyword_text("stopped", reply_state)
        if kind == keywords.START:
            return state, replies.keyword_text("started", reply_state)
        if kind == keywords.HELP:
            return state, replies.keyword_text("help", reply_state)
        if kind == keywords.STATUS:
            return state, replies.keyword_text("no_request", reply_state)
        turn = conversation.ask_to_delete(state, language=reply_state["language"], channel=SMS)
        return turn.state, turn.reply
    turn = conversation.begin(body, channel=SMS) if state is None else conversation.advance(state, body)
    if turn.details is not None:
        assert turn.state is not None
        return None, replies.keyword_text("trial_sent", turn.state)
    return turn.state, turn.reply


@transaction.atomic
def purge_idle_conversations(*, now: datetime | None = None) -> int:
    """Conversations left unanswered past the idle limit, with the answers they hold (the daily purge)."""
    cutoff = (now or timezone.now()) - IDLE_LIMIT
    return Conversation.objects.filter(updated_at__lt=cutoff).delete()[0]
