from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from aidhub.accounts.models import VolunteerProfile
from aidhub.core.languagefields import LanguagesField
from aidhub.core.models import Area, Category, Language
from aidhub.offers.models import Offer


class OfferForm(forms.ModelForm[Offer]):
    category = forms.ChoiceField(label=_("Kind of help"), choices=Category.choices, widget=forms.RadioSelect)
    languages = LanguagesField(
        label=_("Languages you can help in"),
        queryset=Language.objects.active(),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas you can reach"),
        queryset=Area.objects.active(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Offer
        fields = ["category", "title", "description", "languages", "areas", "availability", "capacity"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        }
        help_texts = {
            "title": _("A few words, for example “Hot meals on Sundays” or “Rides to court hearings”."),
            "description": _(
                "What you can do and any limits. Do not write your phone number or address: "
                "organizers put you in touch."
            ),
            "capacity": _("How many families you can help at the same time with this offer."),
        }


def initial_from_profile(profile: VolunteerProfile | None) -> dict[str, Any]:
    """A new offer starts from what the volunteer's profile says: languages, areas, free times, and the kind of
    help when the profile names only one (issue 17)."""
    if profile is None:
        return {}
    initial: dict[str, Any] = {
        "languages": [language.pk for language in profile.languages.all() if language.is_active],
        "areas": [area.pk for area in profile.areas.all() if area.is_active],
        "availability": profile.availability,
    }
    if len(profile.categories) == 1:
        initial["category"] = profile.categories[0]
    return initial


class OfferReviewForm(forms.Form):
    """An organizer's decision: approve, or send back with a reason the volunteer reads in their language."""

    APPROVE = "approve"
    SEND_BACK = "send_back"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve and publish")), (SEND_BACK, _("Send back for changes"))],
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(
        label=_("Reason (for sending back)"),
        choices=[("", "—"), *Offer.ReturnReason.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Note to the volunteer (optional)"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        max_length=1000,
        required=False,
    )

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("decision") == self.SEND_BACK and not cleaned.get("reason"):
            self.add_error("reason", _("Choose a reason so the volunteer knows what to change."))
        if cleaned.get("reason") == Offer.ReturnReason.OTHER and not cleaned.get("note"):
            self.add_error("note", _("Write a short note when the reason is “Other”."))
        return cleaned
