"""Phone numbers typed by people, checked and written one way (E.164, e.g. +12025550143) with `phonenumbers`."""

import phonenumbers
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INVALID_PHONE = _(
    "Enter a phone number that can receive text messages, for example (202) 555-0143 or +52 55 1234 5678."
)


def normalise_phone(text, region=None):
    """The number in E.164 form, or ValidationError. Numbers without a country code are read in the default region."""
    try:
        number = phonenumbers.parse(text, region or settings.PHONE_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise ValidationError(INVALID_PHONE, code="invalid") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID_PHONE, code="invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164):
    """+12025550143 → +1 ••• ••• 43: enough for a person to recognise their own number on a page."""
    return f"{e164[:2]} ••• ••• {e164[-2:]}" if e164 else ""


class PhoneNumberField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_phone(value) if value else value
