"""Content in several languages: organizers translate an object's title and description into the interface
languages; pages show the reader's language, or the original with a "not yet translated" note.

A translatable model inherits `TranslatableMixin`, names its `translatable_fields`, and keeps what organizers
write in `translations` = {"es": {"title": "…", "description": "…"}} on its own row, so lists stay one query.
"""

import json
from typing import TYPE_CHECKING, Any, Self

from django import forms
from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    # What the admin mixins below are mixed into, for the type checker only.
    from django.contrib.admin import ModelAdmin

    _ModelFormBase = forms.ModelForm[Any]
    _ModelAdminBase = ModelAdmin[Any]
else:
    _ModelFormBase = _ModelAdminBase = object


def interface_languages() -> list[tuple[str, str]]:
    """The interface languages, read when used: the choices never end up frozen in a migration."""
    return list(settings.LANGUAGES)


def default_language() -> str:
    return settings.LANGUAGE_CODE


def language_direction(code: str) -> str:
    return "rtl" if code in settings.LANGUAGES_BIDI else "ltr"


def language_name(code: str) -> str:
    """An interface language named in itself (Español, العربية), as the language menu names it."""
    return dict(settings.LANGUAGES).get(code, code)


class UnicodeJSONEncoder(json.JSONEncoder):
    """Keeps letters of every script as they are in the stored JSON (not \\u escapes), so that SQLite finds
    "derechos árabes" or "حقوق" in translations as PostgreSQL does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


class TranslatedText(str):
    """A text in one language: the reader's where a translation exists, else the original (`is_fallback`)."""

    language: str
    is_fallback: bool

    def __new__(cls, text: str, *, language: str, is_fallback: bool = False) -> Self:
        value = super().__new__(cls, text)
        value.language = language
        value.is_fallback = is_fallback
        return value

    @property
    def direction(self) -> str:
        return language_direction(self.language)

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def attrs(self) -> SafeString:
        """The lang and dir attributes of the element that holds this text."""
        return format_html('lang="{}" dir="{}"', self.language, self.direction)


class TranslatableMixin(models.Model):
    """Gives a model an original language and translations of its `translatable_fields`."""

    translatable_fields: tuple[str, ...] = ()

    original_language = models.CharField(
        _("written in"),
        max_length=10,
        choices=interface_languages,
        default=default_language,
        help_text=_("The language you write these texts in. Translations into other languages are added afterwards."),
    )
    # Edited through TranslationForm and the admin's per-language fields, never as raw JSON.
    translations = models.JSONField(
        _("translations"), default=dict, blank=True, editable=False, encoder=UnicodeJSONEncoder
    )

    class Meta:
        abstract = True

    def translated(self, field: str, language: str | None = None) -> TranslatedText:
        """This field in the reader's language (or `language`), else the original, flagged as a fallback."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        original = getattr(self, field) or ""
        if language == self.original_language:
            return TranslatedText(original, language=self.original_language)
        text = self.translation_for(language).get(field, "")
        if text:
            return TranslatedText(text, language=language)
        return TranslatedText(original, language=self.original_language, is_fallback=bool(original))

    def translation_for(self, language: str) -> dict[str, str]:
        """What organizers wrote for this language: {field: text}, empty when nothing."""
        values = (self.translations or {}).get(language)
        return dict(values) if isinstance(values, dict) else {}

    def translated_languages(self) -> list[tuple[str, str]]:
        """(code, name) of the interface languages this object has a translation in (its original language aside)."""
        return [
            (code, name)
            for code, name in settings.LANGUAGES
            if code != self.original_language and self.translation_for(code)
        ]

    @property
    def original_attrs(self) -> SafeString:
        """The lang and dir attributes of an element holding an original (untranslated) text."""
        return format_html('lang="{}" dir="{}"', self.original_language, language_direction(self.original_language))


def _cleaned_values(instance: TranslatableMixin, values: dict[str, Any]) -> dict[str, str]:
    return {
        field: values[field].strip()
        for field in instance.translatable_fields
        if isinstance(values.get(field), str) and values[field].strip()
    }


@transaction.atomic
def translation_save[T: TranslatableMixin](*, instance: T, language: str, values: dict[str, Any]) -> T:
    """Stores one language's translation (empty fields dropped); the other languages stay as they are."""
    model = type(instance)
    # Two organizers may translate into two languages at once: lock the row so neither loses the other's work.
    locked = model._default_manager.select_for_update().get(pk=instance.pk)
    translations = dict(locked.translations or {})
    cleaned = _cleaned_values(instance, values)
    if cleaned:
        translations[language] = cleaned
    else:
        translations.pop(language, None)
    locked.translations = translations
    touched = [field.name for field in model._meta.concrete_fields if getattr(field, "auto_now", False)]
    locked.save(update_fields=["translations", *touched])
    instance.translations = translations
    return instance


def _model_field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field), f"{model.__name__}.{name} is not a field of its own"
    return field


def _form_field(
    model_field: models.Field[Any, Any], language: str | None = None, label: str | None = None
) -> forms.CharField:
    widget: forms.Widget
    widget_attrs = {"lang": language, "dir": language_direction(language)} if language else {}
    if isinstance(model_field, models.TextField):
        widget = forms.Textarea(attrs={"rows": 4, **widget_attrs})
    else:
        widget = forms.TextInput(attrs=widget_attrs)
    if model_field.max_length:
        widget.attrs["maxlength"] = model_field.max_length
    return forms.CharField(
        label=label or capfirst(model_field.verbose_name),
        required=False,
        max_length=model_field.max_length,
        widget=widget,
    )


class TranslationForm(forms.Form):
    """One language's translation of an object's translatable fields. Every field is optional: what is left
    empty shows the original."""

    action: str  # the URL it posts to (translation_forms)

    def __init__(self, data: dict[str, Any] | None = None, *, instance: TranslatableMixin, language: str) -> None:
        super().__init__(data, prefix=language)
        self.instance, self.language = instance, language
        self.language_name = language_name(language)
        for name in instance.translatable_fields:
            self.fields[name] = _form_field(_model_field(type(instance), name), language)
        self.initial = instance.translation_for(language)


def translation_languages(instance: TranslatableMixin) -> list[str]:
    """The interface languages an object can be translated into: all but its original language."""
    return [code for code, _name in settings.LANGUAGES if code != instance.original_language]


def translation_forms(
    instance: TranslatableMixin, *, action: str, bound: TranslationForm | None = None
) -> list[TranslationForm]:
    """One form per language the object can be translated into, each posting to the URL named `action` (with
    `pk` and `language`); `bound` (a form that failed) replaces the blank form of its language."""
    forms_ = []
    for code in translation_languages(instance):
        form = (
            bound if bound is not None and bound.language == code else TranslationForm(instance=instance, language=code)
        )
        form.action = reverse(action, kwargs={"pk": instance.pk, "language": code})
        forms_.append(form)
    return forms_


def translations_page_context(
    instance: TranslatableMixin, *, action: str, bound: TranslationForm | None = None
) -> dict[str, Any]:
    """What the organizer's Translations page of an object shows: its original texts and one form per language."""
    originals = [
        (
            capfirst(_model_field(type(instance), field).verbose_name),
            instance.translated(field, instance.original_language),
        )
        for field in instance.translatable_fields
    ]
    return {"originals": originals, "forms": translation_forms(instance, action=action, bound=bound)}


# The admin: one optional field per interface language and translatable field, stored in `translations`.


def _admin_field_name(code: str, field: str) -> str:
    return f"translation_{code}_{field}"


def admin_translation_fields(model: type[TranslatableMixin]) -> list[str]:
    return [_admin_field_name(code, field) for code, _name in settings.LANGUAGES for field in model.translatable_fields]


class _TranslationsAdminForm(_ModelFormBase):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _name in settings.LANGUAGES:
            for field, text in self.instance.translation_for(code).items():
                self.initial.setdefault(_admin_field_name(code, field), text)

    def save(self, commit=True):
        translations = {}
        for code, _name in settings.LANGUAGES:
            values = {
                field: self.cleaned_data.get(_admin_field_name(code, field))
                for field in self._meta.model.translatable_fields
            }
            cleaned = _cleaned_values(self.instance, values)
            if cleaned:
                translations[code] = cleaned
        self.instance.translations = translations
        return super().save(commit)


def translations_admin_form(
    model: type[TranslatableMixin], base: type[forms.ModelForm[Any]] = forms.ModelForm
) -> type[forms.ModelForm[Any]]:
    """A ModelForm class (for ModelAdmin.form) with the per-language translation fields of `model`."""
    fields = {}
    for code, name in settings.LANGUAGES:
        for field in model.translatable_fields:
            model_field = _model_field(model, field)
            label = f"{capfirst(model_field.verbose_name)} · {name}"
            fields[_admin_field_name(code, field)] = _form_field(model_field, code, label)
    return type(f"{model.__name__}TranslationsForm", (_TranslationsAdminForm, base), fields)


class TranslationsAdminMixin(_ModelAdminBase):
    """For a ModelAdmin of a translatable model: a "Translations" section with a field per language."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = translations_admin_form(self.model, base=kwargs.get("form", self.form))
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        names = admin_translation_fields(self.model)
        fieldsets = [
            (title, {**options, "fields": [field for field in options["fields"] if field not in names]})
            for title, options in super().get_fieldsets(request, obj)
        ]
        description = _("Readers of each language see these texts; where a field is empty they see the original.")
        return [*fieldsets, (_("Translations"), {"fields": names, "description": description})]
