"""What the call-back line says, in which language and with which voice, as TwiML (twilio's VoiceResponse).

Each step says one or more prompts. A prompt is a script (a translated sentence below) and, where the network
uploaded one, a recording of it in that language (aidhub.phone.models.VoicePrompt), which the line plays.
Without a recording the provider's text-to-speech says the script with the language's voice (VOICES); languages
with no voice there (Persian, Haitian Creole and twelve more listed there) are said in the network's default
language until someone records them, and the organizers' page of recordings says which ones those are.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from twilio.twiml.voice_response import Gather, VoiceResponse

from aidhub.core.models import Area
from aidhub.core.translations import language_name
from aidhub.phone.language import menu_languages

# Interface language → the provider's <Say> `language` and `voice` (its text-to-speech list: Amazon Polly and
# Google voices). None: the provider has no voice for it.
VOICES: dict[str, tuple[str, str] | None] = {
    "en": ("en-US", "Polly.Joanna"),
    "es": ("es-US", "Polly.Lupe"),
    "zh-hans": ("cmn-CN", "Polly.Zhiyu"),
    "vi": ("vi-VN", "Google.vi-VN-Standard-A"),
    "tl": ("fil-PH", "Google.fil-PH-Standard-A"),
    "ar": ("arb", "Polly.Zeina"),
    "fa": None,
    "ht": None,
    "fr": ("fr-FR", "Polly.Celine"),
    "pt-br": ("pt-BR", "Polly.Camila"),
    "ru": ("ru-RU", "Polly.Tatyana"),
    "ko": ("ko-KR", "Polly.Seoyeon"),
    "zh-hant": ("cmn-TW", "Google.cmn-TW-Standard-A"),
    "uk": ("uk-UA", "Google.uk-UA-Standard-A"),
    "tr": ("tr-TR", "Polly.Filiz"),
    "hi": ("hi-IN", "Polly.Aditi"),
    "bn": ("bn-IN", "Google.bn-IN-Standard-A"),
    "pa": ("pa-IN", "Google.pa-IN-Standard-A"),
    # No voice known at the provider (said in the default language until someone records them): Urdu, Dari,
    # Pashto, Sorani, Somali, Amharic, Tigrinya, Swahili, Kinyarwanda, Nepali, Burmese, Hmong.
}

# What the line says, step by step. {placeholders} are filled when said; a recording says the whole sentence.
PROMPTS: dict[str, object] = {
    "welcome": _("Welcome to {network}."),
    "language_option": _("For {language}, press {digit}."),
    "more_languages": _("For more languages, press 9."),
    "area_menu": _("Which area are you calling about? {options}"),
    "main_menu": _("To ask us to call you back, press 1. To hear the latest verified alert for your area, press 2."),
    "callback_done": _(
        "Thank you. Someone from the network will call you back at this number. We also sent you a text message "
        "with your reference code. Goodbye."
    ),
    "no_number": _(
        "We cannot see your phone number, so we cannot call you back. Please call from a phone that shows its "
        "number, or ask for help on our website. Goodbye."
    ),
    "alert_intro": _("The latest verified alert for your area:"),
    "no_alert": _("There is no verified alert for your area right now."),
    "invalid": _("Sorry, that key is not one of the choices."),
    "goodbye": _("Thank you for calling. Goodbye."),
}
# What an organizer sees, to know what each recording is for.
PROMPT_PURPOSES: dict[str, object] = {
    "welcome": pgettext_lazy("phone line prompt", "Welcome, at the start of every call"),
    "language_option": pgettext_lazy("phone line prompt", "This language's key in the language menu"),
    "more_languages": pgettext_lazy("phone line prompt", "Key 9: the next languages"),
    "area_menu": pgettext_lazy("phone line prompt", "The menu of areas"),
    "main_menu": pgettext_lazy("phone line prompt", "The main menu: call-back or alert"),
    "callback_done": pgettext_lazy("phone line prompt", "After a call-back was asked"),
    "no_number": pgettext_lazy("phone line prompt", "When the caller's number is hidden"),
    "alert_intro": pgettext_lazy("phone line prompt", "Before the alert is read"),
    "no_alert": pgettext_lazy("phone line prompt", "When there is no alert"),
    "invalid": pgettext_lazy("phone line prompt", "After a key that is not a choice"),
    "goodbye": pgettext_lazy("phone line prompt", "At the end of a call"),
}
# Said before the caller chose a language: recorded in the network's default language only.
BEFORE_LANGUAGE = {"welcome", "more_languages"}
LANGUAGES_PER_PAGE = 8
MAX_AREAS = 9
# Recordings the line can play (the provider's supported formats), and how large one may be.
AUDIO_TYPES = {"audio/mpeg": "mp3", "audio/wav": "wav"}
MAX_AUDIO_BYTES = 2 * 1024 * 1024


def line_languages() -> list[str]:
    """The languages of the menu, in its order (key 1 is the first): the text line's, most spoken first."""
    return menu_languages()


def fallback_language() -> str:
    return settings.LANGUAGE_CODE


def prompts_for(language: str) -> list[str]:
    """The prompts a language has: all of them, but the ones said before choosing only in the default language."""
    if language == fallback_language():
        return list(PROMPTS)
    return [name for name in PROMPTS if name not in BEFORE_LANGUAGE]


def language_digit(language: str) -> tuple[int, int]:
    """(page of the language menu, key) of a language: eight a page, 9 for the next page."""
    index = line_languages().index(language)
    return index // LANGUAGES_PER_PAGE + 1, index % LANGUAGES_PER_PAGE + 1


def menu_areas() -> list[Area]:
    """The areas a caller chooses from: the active top-level ones (a region or a city), at most nine keys."""
    return list(Area.objects.active().filter(parent__isnull=True).order_by("name")[:MAX_AREAS])


def script(name: str, language: str, areas: Iterable[Area] = (), about: str | None = None) -> str:
    """The words of a prompt in a language, placeholders filled. A language's menu option is `about` that language:
    named in itself, or by its English name when the default language says it for want of a voice."""
    about = about or language
    with translation.override(language):
        if name == "language_option":
            named = language_name(about) if about == language else translation.get_language_info(about)["name"]
            return str(PROMPTS[name]).format(language=named, digit=language_digit(about)[1])
        if name == "area_menu":
            options = " ".join(
                gettext("For {area}, press {digit}.").format(area=area.name, digit=digit)
                for digit, area in enumerate(areas, start=1)
            )
            return str(PROMPTS[name]).format(options=options)
        if name == "welcome":
            return str(PROMPTS[name]).format(network=settings.SITE_NAME)
        return str(PROMPTS[name])


def has_voice(language: str) -> bool:
    return VOICES.get(language) is not None


@dataclass
class Speaker:
    """Says prompts into a response (or a <Gather>): the recording where there is one, else the script."""

    recordings: dict[tuple[str, str], str]  # (prompt, language) → digest of its recording

    def prompt(self, verb: VoiceResponse | Gather, name: str, language: str, areas: Iterable[Area] = ()) -> None:
        digest = self.recordings.get((name, language))
        if digest is not None:
            verb.play(settings.SITE_URL + reverse("phone_hooks:audio", args=[digest]))
            return
        about = language
        if not has_voice(language):
            # No recording and no voice: the default language, whose voice the caller may understand.
            language = fallback_language()
            digest = self.recordings.get((name, language))
            if digest is not None and name != "language_option":
                verb.play(settings.SITE_URL + reverse("phone_hooks:audio", args=[digest]))
                return
        self.say(verb, script(name, language, areas, about), language)

    def say(self, verb: VoiceResponse | Gather, text: str, language: str) -> None:
        voice = VOICES.get(language) or VOICES[fallback_language()]
        assert voice is not None
        verb.say(text, language=voice[0], voice=voice[1])


def step_url(step: str, **params: object) -> str:
    """The address the provider posts a key press to, with what the caller chose so far (no personal data)."""
    query = "&".join(f"{key}={value}" for key, value in {"step": step, **params}.items())
    return f"{reverse('phone_hooks:voice_step')}?{query}"


def language_menu(speaker: Speaker, page: int = 1, retry: bool = False) -> VoiceResponse:
    """The first thing a caller hears: each language's key, said in that language."""
    response = VoiceResponse()
    default = fallback_language()
    languages = line_languages()
    shown = languages[(page - 1) * LANGUAGES_PER_PAGE : page * LANGUAGES_PER_PAGE]
    gather = response.gather(num_digits=1, action=step_url("language", page=page), method="POST", timeout=6)
    if retry:
        speaker.prompt(gather, "invalid", default)
    elif page == 1:
        speaker.prompt(gather, "welcome", default)
    for language in shown:
        speaker.prompt(gather, "language_option", language)
    if len(languages) > LANGUAGES_PER_PAGE:
        # Thirty languages are four pages: 9 goes on to the next one, and from the last back to the first.
        speaker.prompt(gather, "more_languages", default)
    speaker.prompt(response, "goodbye", default)
    response.hangup()
    return response


def language_chosen(page: int, digits: str) -> tuple[str | None, int | None]:
    """(language, None) for a language's key, (None, next page) for 9 (after the last page, the first),
    (None, None) otherwise."""
    languages = line_languages()
    pages = -(-len(languages) // LANGUAGES_PER_PAGE)
    if digits == "9" and pages > 1:
        return None, page % pages + 1
    if not digits.isdigit() or digits == "0" or int(digits) > LANGUAGES_PER_PAGE:
        return None, None
    index = (page - 1) * LANGUAGES_PER_PAGE + int(digits) - 1
    return (languages[index], None) if 0 <= index < len(languages) else (None, None)


def area_menu(speaker: Speaker, language: str, areas: list[Area], retry: bool = False) -> VoiceResponse:
    response = VoiceResponse()
    gather = response.gather(num_digits=1, action=step_url("area", lang=language), method="POST", timeout=6)
    if retry:
        speaker.prompt(gather, "invalid", language)
    speaker.prompt(gather, "area_menu", language, areas)
    speaker.prompt(response, "goodbye", language)
    response.hangup()
    return response


def main_menu(speaker: Speaker, language: str, area_id: int, retry: bool = False) -> VoiceResponse:
    response = VoiceResponse()
    gather = response.gather(
        num_digits=1, action=step_url("main", lang=language, area=area_id), method="POST", timeout=6
    )
    if retry:
        speaker.prompt(gather, "invalid", language)
    speaker.prompt(gather, "main_menu", language)
    speaker.prompt(response, "goodbye", language)
    response.hangup()
    return response


def ending(speaker: Speaker, language: str, name: str) -> VoiceResponse:
    response = VoiceResponse()
    speaker.prompt(response, name, language)
    response.hangup()
    return response


def alert_read(speaker: Speaker, language: str, text: tuple[str, str] | None) -> VoiceResponse:
    """The latest alert's text, (words, language they are in), said with that language's voice; then goodbye."""
    response = VoiceResponse()
    if text is None:
        speaker.prompt(response, "no_alert", language)
    else:
        speaker.prompt(response, "alert_intro", language)
        speaker.say(response, text[0], text[1])
    speaker.prompt(response, "goodbye", language)
    response.hangup()
    return response
