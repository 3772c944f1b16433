from django import forms
from django.utils.translation import gettext_lazy as _

from aidhub.api.models import ApiToken


class ApiTokenForm(forms.Form):
    """A new personal API token: a name to recognise it by, what it may do, and whether it may read families'
    contact details (never unless ticked)."""

    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("What the token is for, for example “Hotline spreadsheet”."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    scope = forms.ChoiceField(
        label=_("What it may do"), choices=ApiToken.Scope.choices, initial=ApiToken.Scope.READ, widget=forms.RadioSelect
    )
    reads_contacts = forms.BooleanField(
        label=_("It may read families' names, contacts and descriptions"),
        required=False,
        # Its note is a paragraph under the box (templates/api/tokens.html): a help text would sit beside it.
        widget=forms.CheckboxInput(attrs={"aria-describedby": "contacts-note"}),
    )
