from django import forms
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Category
from aidhub.matching.models import CheckIn, FamilyCheckIn, Match


class ProposeForm(forms.Form):
    offer = forms.IntegerField(widget=forms.HiddenInput)


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why can you not help this time?"), choices=Match.DeclineReason.choices, widget=forms.RadioSelect
    )


class CheckInForm(forms.ModelForm):
    # A plain choice field: a model field's radios would start with an empty "- Select an option -".
    outcome = forms.ChoiceField(label=_("How did it go?"), choices=CheckIn.Outcome.choices, widget=forms.RadioSelect)

    class Meta:
        model = CheckIn
        fields = ["outcome", "note"]
        widgets = {
            "outcome": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }
        help_texts = {
            "note": _("What the family said, in a few words. It is encrypted; do not write more than needed."),
        }


class VettingForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("Vetted for"),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick the kinds of help this volunteer may give after training or a check."),
    )


class VettingDecisionForm(forms.Form):
    CONFIRM = "confirm"
    DECLINE = "decline"

    decision = forms.ChoiceField(choices=[(CONFIRM, _("Confirm")), (DECLINE, _("Do not confirm"))])


class FamilyCheckInForm(forms.Form):
    """The family's answer to the check-in, on its status page."""

    answer = forms.ChoiceField(choices=FamilyCheckIn.Answer.choices)
