"""Sending a call-out, its answers, the match made from a yes, and closing it. Every message goes to each
volunteer in their own language (aidhub.messaging), once the change is saved.

Quiet hours: no network setting holds them, so they are Django settings (CALLOUT_QUIET_HOURS_START/END, in the
network's TIME_ZONE). A call-out sent in them emails at once (an email wakes nobody) and its texts wait for the
morning: a task queued with `run_after` (aidhub.callouts.tasks.send_waiting_texts), which texts only volunteers
who still want call-outs, and only while the call-out is open. A task backend that cannot wait (the immediate
one) sends no text then: the call-out goes by email only."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aidhub.accounts.models import User
from aidhub.callouts.models import Callout, CalloutRecipient, CalloutSettings
from aidhub.callouts.selectors import SMS_TEMPLATE, SegmentChoice, organization_for_area, segment_for, sms_context
from aidhub.callouts.tasks import send_waiting_texts
from aidhub.core.models import AuditEvent, audit
from aidhub.lib.crypto import keyed_hash
from aidhub.lib.phones import normalise_phone
from aidhub.lib.tokens import hash_access_token, new_access_token
from aidhub.matching.models import Match
from aidhub.matching.services import MatchConflict, match_propose
from aidhub.messaging.keywords import CANCEL, START, STOP, keyword_of, normalise_reply
from aidhub.messaging.services import send_email_to_user, send_sms
from aidhub.needs.models import HelpRequest

# "Yes" and "no" in every interface language (compared as aidhub.messaging.keywords compares replies: no case,
# accents or punctuation). "OK" counts as yes; STOP and the other keywords never reach this code.
YES_WORDS = {
    "YES", "Y", "OK", "SI", "SÍ", "OUI", "WI", "SIM", "CÓ", "CO", "OO", "OPO", "ДА", "نعم", "بله", "آره", "是", "是的",
    "好", "可以", "네", "예",
    "হ্যাঁ", "হাঁ", "জি", "ဟုတ်", "ဟုတ်ကဲ့", "ရ",
    "بەڵێ", "EVET", "TAMAM", "ТАК",
    "HAA", "NDIYO", "YEGO",
}  # fmt: skip
NO_WORDS = {
    "NO", "N", "NON", "NAN", "NÃO", "KHÔNG", "HINDI", "НЕТ", "لا", "نه", "不", "不行", "不能", "아니요", "아니오",
    "না", "မဟုတ်", "မရ",
    "نەخێر", "HAYIR", "НІ",
    "MAYA", "HAPANA", "OYA",
}  # fmt: skip
# Amharic, Tigrinya and Hmong texts ask for YES or NO; people may answer in their own language too.
YES_WORDS |= {"አዎ", "አዎን", "እሺ", "እወ", "ሕራይ", "YOG", "TAU"}
NO_WORDS |= {"አይ", "አይደለም", "አልችልም", "ኣይፋል", "ኣይኮነን", "ኣይክእልን", "TSIS", "TSIS TAU", "TSIS YOG"}
_YES = {normalise_reply(word) for word in YES_WORDS}
_NO = {normalise_reply(word) for word in NO_WORDS}


class CalloutRefused(Exception):
    """The action cannot be done; the message says why, in the organizer's language."""


def quiet_hours_end(now: datetime) -> datetime | None:
    """When the quiet hours that `now` falls in end (the network's morning), or None outside them."""
    local = timezone.localtime(now)
    start, end = settings.CALLOUT_QUIET_HOURS_START, settings.CALLOUT_QUIET_HOURS_END
    hour = local.hour
    quiet = (hour >= start or hour < end) if start > end else (start <= hour < end)
    if not quiet:
        return None
    morning = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if morning <= local:
        morning += timedelta(days=1)
    return morning


@transaction.atomic
def callout_send(
    *,
    actor: User,
    choice: SegmentChoice,
    text: str,
    needed: int,
    help_request: HelpRequest | None,
    now: datetime | None = None,
) -> Callout:
    """Sends the call-out to the segment: one email per volunteer with their private link, and one text to each
    who gave a number (at once, or in the morning when sent in quiet hours)."""
    now = now or timezone.now()
    organization = organization_for_area(actor, choice.area)
    if organization is None:
        raise CalloutRefused(_("Choose an area your organization serves."))
    segment = segment_for(choice, now=now)
    if not segment.count:
        raise CalloutRefused(_("This call-out reaches no volunteer. Widen the choice and count again."))
    callout = Callout.objects.create(
        organization=organization,
        text=text,
        category=choice.category,
        area=choice.area,
        language=choice.language,
        availability=choice.availability,
        confirmed_only=choice.confirmed_only,
        needed=needed,
        help_request=help_request,
        created_by=actor,
        created_at=now,
    )
    waits_until = quiet_hours_end(now)
    can_wait = send_waiting_texts.get_backend().supports_defer
    users = User.objects.in_bulk(list(segment.offers))
    rows: list[tuple[CalloutRecipient, str]] = []
    texted = waiting = 0
    for user_id, offer_id in segment.offers.items():
        token, token_hash = new_access_token()
        recipient = CalloutRecipient(
            callout=callout, volunteer_id=user_id, offer_id=offer_id, access_token_hash=token_hash, created_at=now
        )
        phone = segment.phones.get(user_id)
        if phone and waits_until is None:
            recipient.phone_hash = keyed_hash(phone)
            recipient.texted_at = now
            send_sms(to=phone, language=users[user_id].language, template=SMS_TEMPLATE, context=sms_context(text))
            texted += 1
        elif phone and can_wait:
            recipient.text_waits_until = waits_until
            waiting += 1
        rows.append((recipient, token))
    CalloutRecipient.objects.bulk_create([recipient for recipient, _token in rows])
    for recipient, token in rows:
        send_email_to_user(
            user=users[recipient.volunteer_id],
            template="callouts/callout",
            context={
                "callout": callout,
                "token": token,
                "texted": bool(recipient.texted_at or recipient.text_waits_until),
            },
        )
    if waiting:
        transaction.on_commit(lambda: send_waiting_texts.using(run_after=waits_until).enqueue(callout_id=callout.pk))
    audit(
        actor=actor,
        action=AuditEvent.Action.CALLOUT_SENT,
        target=callout,
        organization=organization,
        details={
            "recipients": segment.count,
            "texted": texted,
            "texts_waiting": waiting,
            "opted_out": segment.opted_out,
            "over_weekly_limit": segment.over_weekly_limit,
        },
    )
    return callout


def recipient_for_token(token: str) -> CalloutRecipient | None:
    """The call-out sent to an active volunteer whose private link this is, or None."""
    if not token:
        return None
    return (
        CalloutRecipient.objects.select_related("callout__area", "volunteer")
        .filter(access_token_hash=hash_access_token(token), volunteer__is_active=True)
        .first()
    )


@transaction.atomic
def callout_answer(*, recipient: CalloutRecipient, answer: str, via: str) -> CalloutRecipient:
    """A volunteer says yes or no (and may change their mind while no match was made with them). Only while the
    call-out is open."""
    recipient = CalloutRecipient.objects.select_for_update(of=("self",)).select_related("callout").get(pk=recipient.pk)
    if not recipient.callout.is_open:
        raise CalloutRefused(_("This call-out is closed: enough volunteers were found. Thank you!"))
    if recipient.match_id is not None:
        raise CalloutRefused(_("An organizer already asked you to help with this; see your matches."))
    recipient.answer = answer
    recipient.answered_via = via
    recipient.answered_at = timezone.now()
    recipient.save(update_fields=["answer", "answered_via", "answered_at"])
    return recipient


def callout_reply_by_sms(*, sender: str, body: str) -> bool:
    """A YES or NO (in any interface language) from a number a call-out was texted to in the last days, while that
    call-out is open: recorded as the volunteer's answer to the newest one, and thanked in their language.
    Returns False for anything else, which the next handler of the webhook's chain takes."""
    reply = normalise_reply(body)
    answer = CalloutRecipient.Answer.YES if reply in _YES else CalloutRecipient.Answer.NO if reply in _NO else None
    if answer is None or not sender:
        return False
    try:
        phone = normalise_phone(sender)
    except ValidationError:
        return False
    since = timezone.now() - timedelta(days=settings.CALLOUT_REPLY_DAYS)
    recipient = (
        CalloutRecipient.objects.filter(
            phone_hash=keyed_hash(phone),
            texted_at__gte=since,
            callout__status=Callout.Status.OPEN,
            match__isnull=True,
            volunteer__is_active=True,
        )
        .select_related("volunteer")
        .order_by("-texted_at", "-id")
        .first()
    )
    if recipient is None:
        return False
    try:
        callout_answer(recipient=recipient, answer=answer, via=CalloutRecipient.Via.SMS)
    except CalloutRefused:
        return False
    template = "callouts/thanks_yes" if answer == CalloutRecipient.Answer.YES else "callouts/thanks_no"
    send_sms(to=phone, language=recipient.volunteer.language, template=template)
    return True


@transaction.atomic
def callout_texts_by_keyword(*, sender: str, body: str) -> bool:
    """STOP or CANCEL (in any language) from a number a volunteer gave for call-outs: no more call-outs by text to
    them (their emails go on as their settings say); START gives the texts back. Answers nothing: it returns
    False, and the keyword's own handler (aidhub.phone) answers the message."""
    kind = keyword_of(body)
    # Call-outs go by SMS only: a WhatsApp STOP stops WhatsApp messages, not them.
    if kind not in (STOP, CANCEL, START) or not sender or sender.startswith("whatsapp:"):
        return False
    try:
        phone = normalise_phone(sender)
    except ValidationError:
        return False
    rows = CalloutSettings.objects.filter(phone_hash=keyed_hash(phone))
    if kind == START:
        rows.filter(texts_stopped_at__isnull=False).update(texts_stopped_at=None, updated_at=timezone.now())
    else:
        now = timezone.now()
        rows.filter(texts_stopped_at__isnull=True).update(texts_stopped_at=now, updated_at=now)
    return False


def purge_callout_phone_hashes(*, now: datetime | None = None) -> int:
    """The hash of the number a call-out was texted to is needed only while a YES or NO by text may answer it
    (CALLOUT_REPLY_DAYS); the daily purge empties it after that. Returns how many were emptied."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.CALLOUT_REPLY_DAYS)
    return CalloutRecipient.objects.exclude(phone_hash="").filter(texted_at__lt=cutoff).update(phone_hash="")


@transaction.atomic
def callout_make_match(*, actor: User, recipient: CalloutRecipient, help_request: HelpRequest) -> Match:
    """Asks a volunteer who said yes to help with the family's request, through matching's own service and rules
    (match_propose: vetting, capacity, earlier "no" to this family, one live match per request). When the call-out
    has as many matches as it needed, it closes and the others are told."""
    callout = Callout.objects.select_for_update().get(pk=recipient.callout_id)
    recipient = CalloutRecipient.objects.select_for_update(of=("self",)).select_related("offer").get(pk=recipient.pk)
    if not callout.is_open:
        raise CalloutRefused(_("This call-out is closed."))
    if recipient.answer != CalloutRecipient.Answer.YES or recipient.match_id is not None:
        raise MatchConflict
    if recipient.offer is None:
        raise CalloutRefused(_("This volunteer's offer is gone; ask them from the request's suggestions."))
    match = match_propose(help_request=help_request, offer=recipient.offer, proposed_by=actor)
    recipient.match = match
    recipient.save(update_fields=["match"])
    if CalloutRecipient.objects.filter(callout=callout, match__isnull=False).count() >= callout.needed:
        _close(callout, actor=actor, status=Callout.Status.FILLED)
    return match


@transaction.atomic
def callout_close(*, actor: User, callout: Callout) -> Callout:
    """An organizer closes the call-out before it is filled (found someone another way, or it is too late)."""
    callout = Callout.objects.select_for_update().get(pk=callout.pk)
    if not callout.is_open:
        raise CalloutRefused(_("This call-out is already closed."))
    _close(callout, actor=actor, status=Callout.Status.CLOSED)
    return callout


def _close(callout: Callout, *, actor: User, status: str) -> None:
    """Closes and tells every volunteer not chosen, in their language: by email, and by text too those who said
    yes by text (they may be waiting by their phone)."""
    callout.status = status
    callout.closed_at = timezone.now()
    callout.save(update_fields=["status", "closed_at"])
    others = list(callout.recipients.filter(match__isnull=True).select_related("volunteer"))
    phones = {
        row.user_id: row.phone
        for row in CalloutSettings.objects.filter(
            user_id__in=[r.volunteer_id for r in others], texts_stopped_at__isnull=True
        ).exclude(phone_hash="")
    }
    context = {"callout": callout}
    for recipient in others:
        send_email_to_user(user=recipient.volunteer, template="callouts/closed", context=context)
        phone = phones.get(recipient.volunteer_id)
        said_yes_by_text = recipient.answer == CalloutRecipient.Answer.YES and recipient.answered_via == "sms"
        if said_yes_by_text and phone:
            send_sms(to=phone, language=recipient.volunteer.language, template="callouts/closed")
    CalloutRecipient.objects.filter(callout=callout, text_waits_until__isnull=False).update(text_waits_until=None)
    audit(
        actor=actor,
        action=AuditEvent.Action.CALLOUT_CLOSED,
        target=callout,
        organization=callout.organization,
        details={"status": status, "told": len(others)},
    )


@transaction.atomic
def callout_settings_save(*, user: User, accepts_callouts: bool, phone: str) -> CalloutSettings:
    """A volunteer's choice: call-outs or none, and the number to text them at (empty: by email only)."""
    row, _created = CalloutSettings.objects.select_for_update().get_or_create(user=user)
    row.accepts_callouts = accepts_callouts
    row.phone = phone or None
    row.phone_hash = keyed_hash(phone) if phone else ""
    row.save()
    return row
