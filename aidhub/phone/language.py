"""Guessing which interface language a first text message is written in, to offer it first, and the order in which
the text line's and the call-back line's menus offer the languages."""

from functools import lru_cache

from django.conf import settings
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The detector (lingua) knows these interface languages. It has no model for Haitian Creole, Pashto, Sorani Kurdish,
# Amharic, Tigrinya, Kinyarwanda, Nepali, Burmese or Hmong: those are told by their script's own letters or a few
# everyday words below, and are offered in the menu anyway. It does not tell Dari from Persian, nor Traditional
# from Simplified Chinese: the script's letters tell the Chinese apart, and each is offered right after the other.
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
    "uk": Language.UKRAINIAN,
    "tr": Language.TURKISH,
    "so": Language.SOMALI,
    "sw": Language.SWAHILI,
    "hi": Language.HINDI,
    "pa": Language.PUNJABI,
    "bn": Language.BENGALI,
    "ur": Language.URDU,
}
# Everyday words only one of the languages uses, for Latin-script languages lingua does not know.
WORDS = {
    "ht": {"mwen", "bezwen", "bonjou", "mesi", "mèsi", "tanpri", "kijan", "ede", "manje", "pitit", "fanmi"},
    "hmn": {"kuv", "xav", "thov", "koj", "muaj", "tsis", "nyob", "zaub", "hmoob", "yuav", "pab", "tsev"},
    "rw": {"muraho", "ndashaka", "ubufasha", "murakoze", "ndakeneye", "abana", "ibiryo", "mwaramutse", "nkeneye"},
    "ne": {"मलाई", "छ", "छु", "चाहिन्छ", "गर्नुहोस्", "हुनुहुन्छ", "सहयोग", "खाना", "बच्चाहरू", "हामीलाई"},
}
# Letters of the Arabic script that only one interface language uses (Sorani first: it shares none with Pashto).
LETTERS = {
    "ckb": set("ەۆێڵڕ"),
    "ps": set("ټډړږښځڅګڼۍې"),
    # Ethiopic: Tigrinya writes ኣ where Amharic writes አ, and has ቐ and ኸ.
    "ti": set("ኣቐቑቒቓቔቕቖኸኹኺኻኼኽኾ"),
}
SCRIPTS = {"am": (0x1200, 0x137F), "my": (0x1000, 0x109F)}
# Characters of everyday words written differently in Traditional and Simplified Chinese.
TRADITIONAL = set(
    "們這個幫說請謝會來對時為點麼裡與東車門問間學過還開關給讓無錢飯醫見電話號媽兒親飲療藥傷聽讀寫買賣國語"
)
SIMPLIFIED = set("们这个帮说请谢会来对时为点么里与东车门问间学过还开关给让无钱饭医见电话号妈儿亲饮疗药伤听读写买卖国语")
PUNCTUATION = ".,;:!?¡¿'\"«»()।"
# Enough text to tell languages apart; a long message is not read further.
READ_AT_MOST = 300

# The order of the menus, most spoken first: the twelve languages the network started with (those its families
# speak most), then the others by the number of their speakers. Then, right after a guessed language, the ones
# a guess confuses it with.
MENU_ORDER = [
    "en", "es", "zh-hans", "vi", "tl", "ar", "fa", "ht", "fr", "pt-br", "ru", "ko",
    "hi", "bn", "ur", "pa", "tr", "uk", "sw", "zh-hant", "fa-af", "ps", "my", "am", "ne", "so", "ckb", "ti", "rw",
    "hmn",
]  # fmt: skip
NEIGHBOURS = {
    "fa": ["fa-af"],
    "fa-af": ["fa"],
    "zh-hans": ["zh-hant"],
    "zh-hant": ["zh-hans"],
    "am": ["ti"],
    "ti": ["am"],
    "hi": ["ne", "ur"],
    "ne": ["hi"],
    "ur": ["hi", "pa"],
    "pa": ["ur"],
    "ps": ["fa-af"],
    "ru": ["uk"],
    "uk": ["ru"],
    "so": ["sw"],
    "sw": ["rw", "so"],
    "rw": ["sw"],
}


def menu_languages(first: str | None = None) -> list[str]:
    """Every interface language in the menus' order; `first` (a guess) and its neighbours lead."""
    codes = [code for code, _name in settings.LANGUAGES]
    ordered = [code for code in MENU_ORDER if code in codes] + [code for code in codes if code not in MENU_ORDER]
    if first not in codes:
        return ordered
    leading = [first, *(code for code in NEIGHBOURS.get(first, []) if code in codes)]
    return leading + [code for code in ordered if code not in leading]


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Built once per process; each language's model is loaded when first needed.
    return LanguageDetectorBuilder.from_languages(*set(DETECTED.values())).with_minimum_relative_distance(0.1).build()


def _by_letters(text: str) -> str | None:
    """A language told by its script's own letters, or None."""
    letters = set(text)
    for code, own in LETTERS.items():
        if letters & own:
            return code
    for code, (low, high) in SCRIPTS.items():
        if any(low <= ord(ch) <= high for ch in text):
            return code
    return None


def guess_language(text: str) -> str | None:
    """The interface language the text seems to be in, or None when it cannot be told (an emoji, a number)."""
    text = text[:READ_AT_MOST]
    if not any(ch.isalpha() for ch in text):
        return None
    codes = {code for code, _name in settings.LANGUAGES}
    # Split at spaces, not at \w: vowel signs of Devanagari are marks, not word characters.
    words = {word.strip(PUNCTUATION) for word in text.lower().split()}
    guess = next((code for code, own in WORDS.items() if words & own), None) or _by_letters(text)
    if guess is None:
        detected = _detector().detect_language_of(text)
        guess = next((code for code, language in DETECTED.items() if language == detected), None)
        if guess == "zh-hans" and len(set(text) & TRADITIONAL) > len(set(text) & SIMPLIFIED):
            guess = "zh-hant"
    return guess if guess in codes else None
