"""Guessing which interface language a first text message is written in, to offer it first."""

import re
from functools import lru_cache

from django.conf import settings
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The detector knows every interface language but Haitian Creole; Creole is still offered in the menu, and a few
# words that only Creole uses ("mwen", "bezwen"…) are enough to guess it.
DETECTED = {
    "en": Language.ENGLISH,
    "es": Language.SPANISH,
    "zh-hans": Language.CHINESE,
    "vi": Language.VIETNAMESE,
    "tl": Language.TAGALOG,
    "ar": Language.ARABIC,
    "fa": Language.PERSIAN,
    "fr": Language.FRENCH,
    "pt-br": Language.PORTUGUESE,
    "ru": Language.RUSSIAN,
    "ko": Language.KOREAN,
}
CREOLE_WORDS = {"mwen", "bezwen", "bonjou", "mesi", "mèsi", "tanpri", "kijan", "ede", "manje", "pitit", "fanmi"}
# Enough text to tell languages apart; a long message is not read further.
READ_AT_MOST = 300


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Built once per process; each language's model is loaded when first needed.
    return LanguageDetectorBuilder.from_languages(*DETECTED.values()).with_minimum_relative_distance(0.1).build()


def guess_language(text: str) -> str | None:
    """The interface language the text seems to be in, or None when it cannot be told (an emoji, a number)."""
    text = text[:READ_AT_MOST]
    words = set(re.findall(r"\w+", text.lower()))
    if not any(ch.isalpha() for ch in text):
        return None
    if words & CREOLE_WORDS:
        return "ht"
    detected = _detector().detect_language_of(text)
    codes = {code for code, _name in settings.LANGUAGES}
    return next((code for code, language in DETECTED.items() if language == detected and code in codes), None)
