"""Languages loaded on a new installation (admins add or hide more): what families in immigrant communities speak."""

# (ISO 639 code, English name, name in the language itself, written right to left)
COMMON_LANGUAGES = [
    ("en", "English", "English", False),
    ("es", "Spanish", "Español", False),
    ("ar", "Arabic", "العربية", True),
    ("zh", "Chinese (Mandarin)", "中文", False),
    ("yue", "Cantonese", "粵語", False),
    ("vi", "Vietnamese", "Tiếng Việt", False),
    ("tl", "Tagalog", "Tagalog", False),
    ("fa", "Persian", "فارسی", True),
    ("prs", "Dari", "دری", True),
    ("ps", "Pashto", "پښتو", True),
    ("ur", "Urdu", "اردو", True),
    ("ht", "Haitian Creole", "Kreyòl ayisyen", False),
    ("fr", "French", "Français", False),
    ("pt", "Portuguese", "Português", False),
    ("ru", "Russian", "Русский", False),
    ("uk", "Ukrainian", "Українська", False),
    ("ko", "Korean", "한국어", False),
    ("so", "Somali", "Soomaali", False),
    ("am", "Amharic", "አማርኛ", False),
    ("ti", "Tigrinya", "ትግርኛ", False),
    ("sw", "Swahili", "Kiswahili", False),
    ("mam", "Mam", "Qyool Mam", False),
    ("quc", "K'iche'", "K'iche'", False),
    ("kjb", "Q'anjob'al", "Q'anjob'al", False),
    ("yua", "Yucatec Maya", "Maaya t'aan", False),
    ("nah", "Nahuatl", "Nāhuatl", False),
    ("mix", "Mixtec", "Tu'un sávi", False),
    ("zap", "Zapotec", "Diidxazá", False),
    ("hi", "Hindi", "हिन्दी", False),
    ("pa", "Punjabi", "ਪੰਜਾਬੀ", False),
    ("bn", "Bengali", "বাংলা", False),
    ("ne", "Nepali", "नेपाली", False),
    ("my", "Burmese", "မြန်မာ", False),
    ("km", "Khmer", "ខ្មែរ", False),
    ("hmn", "Hmong", "Hmoob", False),
    ("lo", "Lao", "ລາວ", False),
    ("th", "Thai", "ไทย", False),
    ("ja", "Japanese", "日本語", False),
    ("ku", "Kurdish", "Kurdî", False),
    ("ckb", "Kurdish (Sorani)", "کوردی", True),
    ("tr", "Turkish", "Türkçe", False),
    ("he", "Hebrew", "עברית", True),
    ("ro", "Romanian", "Română", False),
    ("pl", "Polish", "Polski", False),
    ("ln", "Lingala", "Lingála", False),
    ("wo", "Wolof", "Wolof", False),
    ("ff", "Fula", "Fulfulde", False),
    ("rw", "Kinyarwanda", "Ikinyarwanda", False),
    ("ase", "American Sign Language", "ASL", False),
]

# Interface languages whose code differs from the code of the spoken language (core.Language): a page in Dari
# ("fa-af") chooses Dari ("prs") on the help form. Traditional Chinese is a way of writing, not a language spoken:
# its pages choose Mandarin, as Simplified Chinese's do.
UI_TO_SPOKEN = {"zh-hans": "zh", "zh-hant": "zh", "pt-br": "pt", "fa-af": "prs"}
# And back: the interface a speaker gets messages in. Mandarin speakers get Simplified Chinese; Cantonese speakers
# (Hong Kong, the older Chinese communities abroad) read Traditional characters.
SPOKEN_TO_UI = {"zh": "zh-hans", "yue": "zh-hant", "pt": "pt-br", "prs": "fa-af"}


def spoken_code(ui_code: str) -> str:
    """The core.Language code of an interface language: zh-hans → zh."""
    return UI_TO_SPOKEN.get(ui_code, ui_code)


def interface_language(*spoken_or_ui_codes: str) -> str:
    """The first of these languages that the interface has (zh → zh-hans), else the site's default.
    Messages go out in the language a person speaks when we can, otherwise in one they can read."""
    from django.conf import settings

    ui_codes = {code for code, _name in settings.LANGUAGES}
    for code in spoken_or_ui_codes:
        code = SPOKEN_TO_UI.get(code, code)
        if code in ui_codes:
            return code
    return settings.LANGUAGE_CODE


def interface_spoken_codes() -> set[str]:
    """core.Language codes of every interface language."""
    from django.conf import settings

    return {spoken_code(code) for code, _name in settings.LANGUAGES}
