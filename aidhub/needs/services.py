"""What happens to a family's request, and what the family is told, in its language."""

import base64
import hashlib
import hmac
from datetime import datetime, timedelta
from typing import Any, TypedDict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from aidhub.accounts.models import User
from aidhub.core.models import Area, AuditEvent, Language, Organization, audit
from aidhub.core.selectors import organization_serving, organizers_for_area
from aidhub.lib import fragments, quiet
from aidhub.lib.crypto import keyed_hash
from aidhub.lib.languages import interface_language
from aidhub.lib.phones import normalise_phone
from aidhub.lib.tokens import hash_access_token, new_access_token
from aidhub.messaging.keywords import is_stop_word
from aidhub.messaging.services import send_email, send_email_to_user, send_sms
from aidhub.needs.models import HelpRequest, RequestLink, RequestMessage


def status_token_for_submission(submission_id: str) -> str:
    """The private-link token of a form submission: derived with a server key from the form's one-time id,
    so that the same form posted twice leads to the same link, and the token itself is never stored."""
    key = hashlib.sha256(f"aidhub.needs.status-token:{settings.SECRET_KEY}".encode()).digest()
    digest = hmac.new(key, submission_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode().rstrip("=")


def message_language_for(spoken_language: Language, fallback: str) -> str:
    """Messages go out in the language the person speaks when the interface has it, else in the fallback."""
    return interface_language(spoken_language.code, fallback)


def status_path(token: str, language: str) -> str:
    """The family's private status page, in its language. The token travels in the query string,
    which access logs leave out, rather than in the path."""
    with translation.override(language):
        return f"{reverse('needs:status')}?k={token}"


def already_submitted(submission_id: str | None) -> tuple[HelpRequest, str] | tuple[None, None]:
    """The request made by this form already, with its link's token: a second click is answered like the first
    (even though its anti-bot check was used up by the first)."""
    if not submission_id:
        return None, None
    submission_hash = hashlib.sha256(submission_id.encode()).hexdigest()
    help_request = HelpRequest.objects.filter(submission_hash=submission_hash).first()
    if help_request is None:
        return None, None
    return help_request, status_token_for_submission(submission_id)


class RequestDetails(TypedDict, total=False):
    """What a family tells (aidhub.needs.forms.RequestFieldsForm.details()). A change may leave some out."""

    category: str
    language: Language
    area: Area
    first_name: str
    contact_method: str
    contact_value: str
    partner_organization: Organization | None
    best_times: int
    urgency: str
    description: str


@transaction.atomic
def help_request_submit(
    *,
    details: RequestDetails,
    submission_id: str,
    language: str,
    entered_by: User | None = None,
    source: str = HelpRequest.Source.WEB,
    tell: bool = True,
) -> tuple[HelpRequest, str, bool]:
    """Creates the request a family (or an organizer taking its call: `entered_by`) sent with the help form whose
    one-time id is `submission_id`, once per form. `language` is the one messages to the family go out in.
    `source` says where it came from (aidhub.phone: a text message, or the call-back line); `tell=False` sends
    the family no "received" message, for a channel that gives the code and link in its own reply.
    Returns (request, token of its private link, created)."""
    submission_hash = hashlib.sha256(submission_id.encode()).hexdigest()
    token = status_token_for_submission(submission_id)
    existing = HelpRequest.objects.filter(submission_hash=submission_hash).first()
    if existing is not None:
        return existing, token, False
    help_request = HelpRequest(**details)
    help_request.submission_hash = submission_hash
    help_request.access_token_hash = hash_access_token(token)
    help_request.message_language = language
    help_request.source = source
    if entered_by is not None:
        help_request.source = HelpRequest.Source.HOTLINE
        help_request.entered_by = entered_by
    try:
        with transaction.atomic():
            help_request.create_with_code()
            fragments.bump("requests")
    except IntegrityError:
        # The same form, posted twice at the same moment: the other post made the request.
        existing = HelpRequest.objects.filter(submission_hash=submission_hash).first()
        if existing is None:
            raise
        return existing, token, False
    if tell:
        tell_family(help_request, "needs/received", {"token": token})
    return help_request, token, True


@transaction.atomic
def help_request_change(*, help_request: HelpRequest, details: RequestDetails) -> HelpRequest:
    """The family changes its request (through its private link): what it needs and where while no volunteer
    has accepted, how to reach it for longer (aidhub.needs.forms.FamilyChangeForm leaves out the rest)."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    for name, value in details.items():
        setattr(help_request, name, value)
    help_request.save()
    fragments.bump("requests")
    return help_request


@transaction.atomic
def help_request_withdraw(*, help_request: HelpRequest) -> HelpRequest:
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if help_request.can_withdraw:
        help_request.withdraw()
        help_request.save(update_fields=["status", "status_changed_at", "updated_at"])
        fragments.bump("requests")
    return help_request


@transaction.atomic
def help_request_delete(*, help_request: HelpRequest) -> None:
    """Deletes the request and everything attached to it at once: matches, check-ins, follow-ups.
    The contact-access log keeps only ids."""
    HelpRequest.objects.filter(pk=help_request.pk).delete()
    fragments.bump("requests")


@transaction.atomic
def help_request_send_new_link(*, help_request: HelpRequest) -> None:
    """A fresh private link for a family that lost its own, sent to the contact on the request (never shown on the
    page that asked for it). Every old link stops working but is remembered by a keyed hash of its hash, so that it
    can say "this link was replaced" (`find_family_request`). At most a few a day (aidhub.lib.quiet)."""

    def send() -> None:
        locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
        now = timezone.now()
        for link in RequestLink.objects.filter(help_request=locked, replaced_at__isnull=True):
            link.token_hash = keyed_hash(link.token_hash)
            link.replaced_at = now
            link.save(update_fields=["token_hash", "replaced_at"])
        RequestLink.objects.create(
            help_request=locked, token_hash=keyed_hash(locked.access_token_hash), replaced_at=now
        )
        token, token_hash = new_access_token()
        HelpRequest.objects.filter(pk=locked.pk).update(access_token_hash=token_hash)
        audit(actor=None, action=AuditEvent.Action.LINK_REPLACED, target=locked)
        tell_family(locked, "needs/new_link", {"token": token})

    quiet.send_again(help_request, send)


def find_family_request(token: str) -> tuple[HelpRequest | None, bool]:
    """The request a private link opens, and whether the link is one that was replaced by a newer one:
    (request, False) for a live link, (None, True) for a replaced one, (None, False) for anything else."""
    if not 20 <= len(token) <= 64:
        return None, False
    token_hash = hash_access_token(token)
    queryset = HelpRequest.objects.select_related("language", "area", "partner_organization")
    help_request = queryset.filter(access_token_hash=token_hash).first()
    if help_request is None:
        help_request = queryset.filter(links__token_hash=token_hash, links__replaced_at__isnull=True).first()
    if help_request is not None:
        return help_request, False
    replaced = RequestLink.objects.filter(token_hash=keyed_hash(token_hash), replaced_at__isnull=False).exists()
    return None, replaced


def status_url_with_new_link(*, help_request: HelpRequest) -> str:
    """The full address of the family's status page, through a new private link of its own (only its hash is kept):
    for a reply that carries it, as aidhub.phone's answer to STATUS."""
    return f"{settings.SITE_URL}{status_path(_new_link(help_request), help_request.message_language)}"


def _new_link(help_request: HelpRequest) -> str:
    """One more private link to the request, for a message that carries it; the family's other links keep working."""
    token, token_hash = new_access_token()
    RequestLink.objects.create(help_request=help_request, token_hash=token_hash)
    return token


def tell_family_with_link(help_request: HelpRequest, template: str, context: dict[str, Any] | None = None) -> None:
    """A message to the family that carries a private link to its status page (a new one: only hashes are kept)."""
    tell_family(help_request, template, {**(context or {}), "token": _new_link(help_request)})


def record_contact_shown(*, help_request: HelpRequest, user: User) -> None:
    """Every showing of a family's name, contact and description is audited: who, which request, when."""
    audit(
        actor=user,
        action=AuditEvent.Action.CONTACT_SHOWN,
        target=help_request,
        organization=organization_serving(help_request.area, user),
    )


def find_help_request(*, reference_code: str, contact: str) -> HelpRequest | None:
    """The request with this code, if the contact given matches the one on it (compared after decryption)."""
    help_request = HelpRequest.objects.filter(reference_code=reference_code).first()
    if help_request is None or not help_request.contact_value:
        return None
    typed = contact.strip().lower()
    if help_request.sends_sms:
        try:
            typed = normalise_phone(contact)
        except ValidationError:
            return None
    return help_request if hmac.compare_digest(typed, help_request.contact_value.lower()) else None


@transaction.atomic
def help_request_mark_reviewed(*, help_request: HelpRequest) -> HelpRequest:
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if help_request.can_mark_reviewed:
        help_request.set_status(HelpRequest.Status.REVIEWED)
        help_request.save(update_fields=["status", "status_changed_at", "updated_at"])
        fragments.bump("requests")
    return help_request


class Refusal(Exception):
    """A step the request's state does not allow now; the message is for the person (translated)."""


@transaction.atomic
def request_question_ask(*, actor: User, help_request: HelpRequest, text: str) -> RequestMessage:
    """An organizer asks the family a question. It goes to the family by its channel, in its language, with a
    private link to the status page, where the family reads the thread and answers. Until it does, the request
    "needs more information" (unless a volunteer is already on it)."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if not help_request.can_ask_for_info:
        raise Refusal(translation.gettext("This request is finished: the family can no longer be asked."))
    message = RequestMessage.objects.create(
        help_request=help_request, author=RequestMessage.Author.NETWORK, text=text, sent_by=actor
    )
    if help_request.status in (HelpRequest.Status.NEW, HelpRequest.Status.REVIEWED, HelpRequest.Status.ANSWERED):
        help_request.set_status(HelpRequest.Status.NEEDS_INFO)
        help_request.save(update_fields=["status", "status_changed_at", "updated_at"])
    audit(
        actor=actor,
        action=AuditEvent.Action.QUESTION_ASKED,
        target=help_request,
        organization=organization_serving(help_request.area, actor),
    )
    fragments.bump("requests")
    tell_family_with_link(help_request, "needs/question", {"question": text})
    return message


@transaction.atomic
def request_reply_add(*, help_request: HelpRequest, text: str) -> RequestMessage:
    """The family answers on its status page. The answer is encrypted like the rest of the request, lands in the
    organizers' queue ("answered by the family") and they are told by email, without any of the family's words."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if not help_request.can_reply:
        raise Refusal(translation.gettext("This request can no longer be answered here."))
    message = RequestMessage.objects.create(help_request=help_request, author=RequestMessage.Author.FAMILY, text=text)
    if help_request.status in (HelpRequest.Status.NEW, HelpRequest.Status.REVIEWED, HelpRequest.Status.NEEDS_INFO):
        help_request.set_status(HelpRequest.Status.ANSWERED)
        help_request.save(update_fields=["status", "status_changed_at", "updated_at"])
    audit(actor=None, action=AuditEvent.Action.FAMILY_REPLIED, target=help_request)
    fragments.bump("requests")
    for organizer in organizers_for_area(help_request.area):
        send_email_to_user(user=organizer, template="needs/family_replied", context={"help_request": help_request})
    return message


# A family's text reply finds the request it answers among the texts sent to its number in this many days.
TEXT_REPLY_DAYS = 30


@transaction.atomic
def request_text_send(*, actor: User, help_request: HelpRequest, text: str) -> RequestMessage:
    """An organizer of the request's area, or the volunteer who accepted it, texts the family through the network's
    number, in their own words (`HelpRequest.may_be_texted_by` decides who). The text joins the request's thread;
    the family's replies from that number join it too (`request_text_reply`). Audited, ids only."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if not help_request.may_be_texted_by(actor):
        raise Refusal(translation.gettext("You cannot text this family from here."))
    phone = help_request.contact_phone or ""
    message = RequestMessage.objects.create(
        help_request=help_request,
        author=RequestMessage.Author.NETWORK,
        channel=RequestMessage.Channel.SMS,
        phone_hash=keyed_hash(phone),
        text=text,
        sent_by=actor,
    )
    audit(
        actor=actor,
        action=AuditEvent.Action.TEXT_SENT,
        target=help_request,
        organization=organization_serving(help_request.area, actor),
    )
    fragments.bump("requests")
    send_sms(to=phone, language=help_request.message_language, template="needs/text", context={"text": text})
    return message


def request_text_reply(*, sender: str, body: str) -> bool:
    """A text to the network's number from a number that was texted from a request's page (found by the keyed hash
    of the number, newest first, open requests, last TEXT_REPLY_DAYS days): it joins that request's thread, the
    request is "answered by the family" and the people who can act are told by email, without the family's words.
    Returns False for anything else (one handler of the chain in aidhub.portal.hooks)."""
    text = body.strip()
    # A word that stops texts is the number's to obey (aidhub.messaging.keywords), never a message to the thread.
    if not sender or not text or is_stop_word(text):
        return False
    try:
        phone_hash = keyed_hash(normalise_phone(sender))
    except ValidationError:
        return False
    since = timezone.now() - timedelta(days=TEXT_REPLY_DAYS)
    sent = (
        RequestMessage.objects.filter(
            channel=RequestMessage.Channel.SMS,
            author=RequestMessage.Author.NETWORK,
            phone_hash=phone_hash,
            created_at__gte=since,
            help_request__status__in=HelpRequest.OPEN,
        )
        .order_by("-created_at", "-id")
        .first()
    )
    if sent is None:
        return False
    _text_reply_add(sent=sent, phone_hash=phone_hash, text=text[:1000])
    return True


@transaction.atomic
def _text_reply_add(*, sent: RequestMessage, phone_hash: str, text: str) -> None:
    help_request = HelpRequest.objects.select_for_update().get(pk=sent.help_request_id)
    RequestMessage.objects.create(
        help_request=help_request,
        author=RequestMessage.Author.FAMILY,
        channel=RequestMessage.Channel.SMS,
        phone_hash=phone_hash,
        text=text,
    )
    if help_request.status in (HelpRequest.Status.NEW, HelpRequest.Status.REVIEWED, HelpRequest.Status.NEEDS_INFO):
        help_request.set_status(HelpRequest.Status.ANSWERED)
        help_request.save(update_fields=["status", "status_changed_at", "updated_at"])
    audit(actor=None, action=AuditEvent.Action.FAMILY_REPLIED, target=help_request)
    fragments.bump("requests")
    told = set()
    for organizer in organizers_for_area(help_request.area):
        told.add(organizer.pk)
        send_email_to_user(user=organizer, template="needs/family_replied", context={"help_request": help_request})
    # The volunteer who sent the text reads the answer on their match's page.
    sender = sent.sent_by
    if sender is not None and sender.pk not in told and help_request.may_be_texted_by(sender):
        send_email_to_user(user=sender, template="needs/family_texted_volunteer", context={})


@transaction.atomic
def help_request_close(*, help_request: HelpRequest, reason: str) -> HelpRequest:
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if help_request.can_close:
        help_request.close(reason)
        help_request.save(update_fields=["status", "close_reason", "status_changed_at", "updated_at"])
        fragments.bump("requests")
    return help_request


def tell_family(help_request: HelpRequest, template: str, context: dict[str, Any] | None = None) -> None:
    """A message to the family, in the language it used, by email or text message, if it gave one.
    Templates get the reference code and the family's first name, never other personal data."""
    context = {"code": help_request.reference_code, "first_name": help_request.first_name, **(context or {})}
    if "token" in context:
        context["status_url"] = settings.SITE_URL + status_path(context["token"], help_request.message_language)
    else:
        context["find_url"] = settings.SITE_URL + _find_path(help_request.message_language)
    language = help_request.message_language
    if help_request.contact_email:
        send_email(to=help_request.contact_email, language=language, template=template, context=context)
    elif help_request.contact_phone:
        send_sms(to=help_request.contact_phone, language=language, template=template, context=context)


def _find_path(language: str) -> str:
    with translation.override(language):
        return reverse("needs:find")


@transaction.atomic
def purge_finished_requests(*, days: int, now: datetime | None = None) -> list[int]:
    """Deletes the name, contact, message and thread of requests finished more than `days` ago (check-in notes
    go in aidhub.matching). The rest stays for counts: category, language, area, dates."""
    purged = HelpRequest.objects.past_retention(days, now)
    ids = list(purged.values_list("pk", flat=True))
    HelpRequest.objects.filter(pk__in=ids).update(
        first_name=None,
        contact_value=None,
        description=None,
        partner_organization=None,
        personal_data_purged_at=now or timezone.now(),
    )
    RequestMessage.objects.filter(help_request_id__in=ids).update(text=None, phone_hash="")
    RequestLink.objects.filter(help_request_id__in=ids).delete()
    fragments.bump("requests")
    return ids


@transaction.atomic
def help_requests_delete_created_before(*, cutoff: datetime) -> int:
    """The emergency purge: deletes every request created before `cutoff`, whatever its state, with everything
    attached (matches, check-ins, follow-ups). Returns how many requests."""
    deleted = HelpRequest.objects.filter(created_at__lt=cutoff).delete()[1].get(HelpRequest._meta.label, 0)
    # Organizers' figures and filters are cached: after an emergency they must not show what was deleted.
    fragments.bump("requests")
    return deleted
