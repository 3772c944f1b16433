"""Phone numbers typed by people, checked and written one way (E.164, e.g. +12025550143) with `phonenumbers`."""

from typing import Any

import phonenumbers
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INVALID_PHONE = _("This does not look like a phone number. Include the area code, e.g. 555 201 0100.")


def normalise_phone(text: str, region: str | None = None) -> str:
    """The number in E.164 form, or ValidationError. Numbers without a country code are read in the default region."""
    try:
        number = phonenumbers.parse(text, region or settings.PHONE_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise ValidationError(INVALID_PHONE, code="invalid") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID_PHONE, code="invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """The number written the way people of the default region read it, international otherwise."""
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return e164
    region = phonenumbers.region_code_for_number(number)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if region == settings.PHONE_DEFAULT_REGION
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def mask_phone(e164: str) -> str:
    """+12025550143 → +1 ••• ••• 43: enough for a person to recognise their own number on a page."""
    return f"{e164[:2]} ••• ••• {e164[-2:]}" if e164 else ""


class PhoneNumberField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        value = super().to_python(value)
        return normalise_phone(value) if value else value
