from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def confirmation_phrase():
    return gettext("delete family data")


class EmergencyPurgeForm(forms.Form):
    days = forms.IntegerField(
        label=_("Delete every family's data older than this many days"),
        min_value=0,
        max_value=3650,
        help_text=_("0 deletes every request, bookings and reports included, whatever their age."),
    )
    confirmation = forms.CharField(label=_("Type the words shown above to confirm"), max_length=100)

    def clean_confirmation(self):
        typed = " ".join(self.cleaned_data["confirmation"].lower().split())
        if typed != confirmation_phrase():
            raise forms.ValidationError(_("The words do not match. Nothing was deleted."))
        return typed
