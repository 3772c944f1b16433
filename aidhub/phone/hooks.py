"""The call-back line: the phone provider posts each step of a call here and reads TwiML back. Every post is
signed by the provider (aidhub.messaging.webhooks); the recordings it plays are public by design (not personal
data) and fetched by the hash of their content."""

from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from twilio.twiml.voice_response import VoiceResponse

from aidhub.messaging.webhooks import twilio_signature_is_valid
from aidhub.phone import voice
from aidhub.phone.models import VoicePrompt
from aidhub.phone.services import calls


def _twiml(response: VoiceResponse) -> HttpResponse:
    return HttpResponse(str(response), content_type="text/xml")


def _int(value: str, default: int) -> int:
    return int(value) if value.isdigit() else default


# The provider cannot send a CSRF token; its signature over the URL and the data stands in for it.
@csrf_exempt
@require_POST
def voice_call(request):
    """A call to the network's number: the language menu."""
    if not twilio_signature_is_valid(request):
        return HttpResponseForbidden()
    return _twiml(voice.language_menu(voice.Speaker(calls.recordings())))


@csrf_exempt
@require_POST
def voice_step(request):
    """The key the caller pressed at one step (`step`: language, area, main), with what they chose before."""
    if not twilio_signature_is_valid(request):
        return HttpResponseForbidden()
    speaker = voice.Speaker(calls.recordings())
    step, digits = request.GET.get("step", ""), request.POST.get("Digits", "")
    language = request.GET.get("lang", "")
    if step == "language":
        page = _int(request.GET.get("page", ""), 1)
        chosen, next_page = voice.language_chosen(page, digits)
        if next_page is not None:
            return _twiml(voice.language_menu(speaker, next_page))
        if chosen is None:
            return _twiml(voice.language_menu(speaker, page, retry=True))
        return _twiml(_after_language(speaker, chosen))
    if language not in voice.line_languages():
        return _twiml(voice.language_menu(speaker))
    if step == "area":
        areas = voice.menu_areas()
        index = _int(digits, 0) - 1
        if not 0 <= index < len(areas):
            return _twiml(voice.area_menu(speaker, language, areas, retry=True))
        return _twiml(voice.main_menu(speaker, language, areas[index].pk))
    if step == "main":
        area_id = _int(request.GET.get("area", ""), 0)
        if digits == "1":
            help_request = calls.callback_request(
                caller=request.POST.get("From", ""), language=language, area_id=area_id
            )
            return _twiml(voice.ending(speaker, language, "callback_done" if help_request else "no_number"))
        if digits == "2":
            text = calls.latest_alert_text(area_id=area_id, language=language)
            return _twiml(voice.alert_read(speaker, language, text))
        return _twiml(voice.main_menu(speaker, language, area_id, retry=True))
    return _twiml(voice.language_menu(speaker))


def _after_language(speaker: voice.Speaker, language: str) -> VoiceResponse:
    """The area menu, or straight to the main menu when the network serves one area."""
    areas = voice.menu_areas()
    if len(areas) == 1:
        return voice.main_menu(speaker, language, areas[0].pk)
    if not areas:
        return voice.ending(speaker, language, "goodbye")
    return voice.area_menu(speaker, language, areas)


@require_safe
@cache_control(public=True, max_age=86400)
def audio(request, digest):
    """A recording, for the provider to play. Its address changes when it is replaced."""
    if len(digest) != 64:
        raise Http404
    prompt = get_object_or_404(VoicePrompt, digest=digest)
    return HttpResponse(bytes(prompt.audio), content_type=prompt.content_type)
