from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from aidhub.callouts.models import Callout, CalloutRecipient
from aidhub.callouts.selectors import SegmentChoice, areas_for_callouts
from aidhub.core.availability import AvailabilityFormField
from aidhub.core.languagefields import LanguageChoiceField
from aidhub.core.models import Area, Category, Language
from aidhub.lib.phones import normalise_phone
from aidhub.needs.models import HelpRequest


class RequestChoiceField(forms.ModelChoiceField[HelpRequest]):
    """A family's request by its code, kind of help and area: never its name."""

    def label_from_instance(self, obj: HelpRequest) -> str:
        return f"{obj.reference_code} · {obj.get_category_display()} · {obj.area.name}"


def requests_for_match(user: Any) -> Any:
    """The requests of this organizer's areas a volunteer may still be asked for (without personal data)."""
    statuses = [
        HelpRequest.Status.NEW,
        HelpRequest.Status.REVIEWED,
        HelpRequest.Status.NEEDS_INFO,
        HelpRequest.Status.ANSWERED,
    ]
    return (
        HelpRequest.objects.visible_to_organizer(user)
        .filter(status__in=statuses)
        .without_personal_data()
        .select_related("area")
        .order_by("urgency_rank", "created_at", "id")
    )


class CalloutForm(forms.Form):
    text = forms.CharField(
        label=capfirst(Callout._meta.get_field("text").verbose_name),
        max_length=200,
        help_text=Callout._meta.get_field("text").help_text,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 200}),
    )
    category = forms.ChoiceField(label=_("Kind of help"), choices=Category.choices)
    area: forms.ModelChoiceField[Area] = forms.ModelChoiceField(label=_("Area"), queryset=Area.objects.none())
    language = LanguageChoiceField(
        label=_("Volunteers who speak"),
        queryset=Language.objects.all(),
        required=False,
        empty_label=_("Any language"),
    )
    availability = AvailabilityFormField(
        label=_("Free at"), help_text=_("Tick none to reach volunteers whatever their times.")
    )
    confirmed_only = forms.BooleanField(
        label=_("Only volunteers an organizer confirmed for this kind of help"), required=False
    )
    needed = forms.IntegerField(label=_("Volunteers needed"), min_value=1, max_value=20, initial=1)
    help_request = RequestChoiceField(
        label=_("For the family's request (optional)"),
        queryset=None,
        required=False,
        empty_label=_("No request yet"),
        help_text=_("A match needs a request; you can also choose it when you make the match."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas_for_callouts(user)  # type: ignore[attr-defined]
        self.fields["help_request"].queryset = requests_for_match(user)  # type: ignore[attr-defined]

    def segment_choice(self) -> SegmentChoice:
        data = self.cleaned_data
        return SegmentChoice(
            category=data["category"],
            area=data["area"],
            language=data["language"],
            availability=data["availability"],
            confirmed_only=data["confirmed_only"],
        )


class MatchForm(forms.Form):
    help_request = RequestChoiceField(label=_("Family's request"), queryset=None, empty_label=None)

    def __init__(self, *args: Any, requests: Any, **kwargs: Any) -> None:
        """`requests`: requests_for_match(user), read once for all the forms of a page."""
        super().__init__(*args, **kwargs)
        self.fields["help_request"].queryset = requests  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=CalloutRecipient.Answer.choices)


class CalloutSettingsForm(forms.Form):
    accepts_callouts = forms.BooleanField(
        label=_("Send me urgent call-outs"),
        required=False,
        help_text=_("At most a few a week, never at night. Untick to get none."),
    )
    phone = forms.CharField(
        label=_("Phone number for call-outs by text message"),
        max_length=30,
        required=False,
        help_text=_("Leave it empty to get call-outs by email only. Reply YES or NO to a call-out by text."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}),
    )

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data["phone"].strip()
        return normalise_phone(phone) if phone else ""
