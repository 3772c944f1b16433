from django import forms
from django.utils.translation import gettext_lazy as _


class TrialMessageForm(forms.Form):
    """A message typed on "Try the phone line", as a family would text it."""

    message = forms.CharField(
        label=_("Your message"),
        max_length=1600,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 1600, "autocomplete": "off"}),
        help_text=_("Type what a family would text: anything to start, a number to answer, or a keyword."),
    )
