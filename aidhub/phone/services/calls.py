"""The call-back line's actions: a caller asks to be called back (a request in the organizers' queue), a caller
hears the latest verified alert, organizers record what the line says."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aidhub.accounts.models import User
from aidhub.alerts.models import Alert
from aidhub.core.models import Area, AuditEvent, Category, Language, audit
from aidhub.core.selectors import acting_organization
from aidhub.lib.crypto import keyed_hash
from aidhub.lib.languages import spoken_code
from aidhub.lib.phones import normalise_phone
from aidhub.needs.models import HelpRequest
from aidhub.needs.services import help_request_submit
from aidhub.phone.models import VoicePrompt
from aidhub.phone.voice import fallback_language, has_voice


def recordings() -> dict[tuple[str, str], str]:
    """(prompt, language) → digest of every recording, without reading the audio itself."""
    rows = VoicePrompt.objects.values_list("name", "language", "digest")
    return {(name, language): digest for name, language, digest in rows}


# What the provider passes as the caller's number when the caller hid it: never a number to call back.
HIDDEN_CALLER_IDS = {"+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253"}


def callback_request(*, caller: str, language: str, area_id: int) -> HelpRequest | None:
    """A caller pressed "call me back": a request in the queue of the area's organizers, as hotline intake makes
    it (aidhub.needs.services.help_request_submit), source "phone call", the caller's number encrypted like every
    family's contact, and the usual text with the reference code and private link. One a day per number: calling
    again the same day finds the same request. None when the number is hidden or not a phone number."""
    if caller.strip() in HIDDEN_CALLER_IDS:
        return None
    try:
        number = normalise_phone(caller)
    except ValidationError:
        return None
    area = Area.objects.active().filter(pk=area_id).first()
    if area is None:
        return None
    spoken = (
        Language.objects.filter(code=spoken_code(language)).first()
        or Language.objects.filter(code=spoken_code(fallback_language())).first()
        or Language.objects.active().first()
    )
    if spoken is None:
        return None
    # The same number on the same day gives the same submission id, hence the same request (never the number).
    submission_id = f"phone-callback:{keyed_hash(number)}:{timezone.localdate().isoformat()}"
    help_request, _token, _created = help_request_submit(
        details={
            "category": Category.OTHER,
            "language": spoken,
            "area": area,
            "contact_method": HelpRequest.ContactMethod.CALL,
            "contact_value": number,
            "urgency": HelpRequest.Urgency.WEEK,
        },
        submission_id=submission_id,
        language=language,
        source=HelpRequest.Source.PHONE,
    )
    return help_request


def latest_alert_text(*, area_id: int, language: str) -> tuple[str, str] | None:
    """The latest verified, sent alert for the area (or a place overlapping it), as (words, interface language):
    in the caller's language if it has a text there and a voice, else in the default language, else its main
    text. None when there is none."""
    area = Area.objects.filter(pk=area_id).first()
    if area is None:
        return None
    alert = (
        Alert.objects.filter(status=Alert.Status.SENT, areas__in=Area.objects.overlapping(area))
        .select_related("main_language")
        .prefetch_related("texts__language")
        .order_by("-verified_at", "-id")
        .first()
    )
    if alert is None:
        return None
    texts = alert.texts_by_code()
    default = fallback_language()
    for candidate in (language, default):
        text = texts.get(spoken_code(candidate))
        if text is not None and has_voice(candidate):
            return text.text, candidate
    main = alert.main_text
    return (main.text, default) if main is not None else None


@transaction.atomic
def voice_prompt_save(*, actor: User, name: str, language: str, audio: bytes, content_type: str) -> VoicePrompt:
    """Uploads or replaces the recording of one prompt in one language (checked by aidhub.phone.forms). Audited."""
    prompt, _created = VoicePrompt.objects.update_or_create(
        name=name,
        language=language,
        defaults={
            "audio": audio,
            "content_type": content_type,
            "digest": hashlib.sha256(audio + f"{name}:{language}".encode()).hexdigest(),
            "uploaded_by": actor,
            "uploaded_at": timezone.now(),
        },
    )
    _audit(actor, prompt, "uploaded")
    return prompt


@transaction.atomic
def voice_prompt_delete(*, actor: User, name: str, language: str) -> None:
    """Deletes a recording: the line says the script with a voice again (or in the default language). Audited."""
    prompt = VoicePrompt.objects.filter(name=name, language=language).first()
    if prompt is not None:
        _audit(actor, prompt, "deleted")
        prompt.delete()


def _audit(actor: User, prompt: VoicePrompt, change: str) -> None:
    audit(
        actor=actor,
        action=AuditEvent.Action.VOICE_PROMPT_CHANGED,
        target=prompt,
        organization=acting_organization(actor),
        details={"prompt": prompt.name, "language": prompt.language, "change": change},
    )
