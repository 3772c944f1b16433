"""Which interface language frames a message to a subscriber (who may read a language the interface lacks)."""

from django.conf import settings

UI_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def interface_language(*codes):
    """The first of these codes that the interface speaks, else the default language."""
    for code in codes:
        if code in UI_LANGUAGES:
            return code
    return settings.LANGUAGE_CODE
