"""Form fields and widgets that list languages, each named in itself with its own `lang` (issue 16, item 7).

"Kreyòl ayisyen" or "العربية" inside a Spanish or English page is read by a screen reader with the page's voice
unless its element says which language it is in; a right-to-left name also needs its own direction.
"""

from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info

from aidhub.core.models import Language


def _language_attrs(value: Any) -> dict[str, str]:
    """lang and dir of a choice's value: a Language (through the model choice's instance) or an interface code."""
    language = getattr(value, "instance", None)
    if isinstance(language, Language):
        return {"lang": language.code, "dir": language.direction}
    if isinstance(value, str) and value:
        try:
            bidi = get_language_info(value)["bidi"]
        except KeyError:
            return {"lang": value}
        return {"lang": value, "dir": "rtl" if bidi else "ltr"}
    return {}


class LanguageSelect(forms.Select):
    """A select whose options each carry the lang (and dir) of the language they name."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        option["attrs"].update(_language_attrs(option["value"]))
        return option


class LanguageChoiceField(forms.ModelChoiceField[Language]):
    """One language people speak, from a select whose options carry their own lang."""

    widget = LanguageSelect


class LanguagesField(forms.ModelMultipleChoiceField[Language]):
    """Languages people speak as checkboxes: each label names the language in itself, in an element with its lang."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Language) -> SafeString:
        if obj.native_name and obj.native_name != obj.name_en:
            return format_html(
                '<span lang="{}" dir="{}">{}</span> ({})', obj.code, obj.direction, obj.native_name, obj.name_en
            )
        return format_html('<span lang="{}" dir="{}">{}</span>', obj.code, obj.direction, obj.name_en)
