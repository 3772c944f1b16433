import re
import secrets
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aidhub.core.languagefields import LanguageChoiceField
from aidhub.core.models import Area, Category, Language, Organization
from aidhub.lib.antibot import AntiBotFormMixin
from aidhub.lib.languages import spoken_code
from aidhub.lib.phones import normalise_phone
from aidhub.lib.tokens import normalise_reference_code
from aidhub.needs.models import HelpRequest
from aidhub.needs.services import RequestDetails

SUBMISSION_ID = re.compile(r"^[A-Za-z0-9_-]{20,40}$")


def new_submission_id():
    """The one-time id of a help form: posting the same form twice makes one request."""
    return secrets.token_urlsafe(18)


def area_choices():
    """Active areas grouped under the city or region they belong to, for a select with optgroups."""
    areas = list(Area.objects.active().select_related("parent").order_by("name"))
    groups: dict[str, list[tuple[int, str]]] = {}
    top_level: list[tuple[int, str]] = []
    for area in areas:
        if area.parent is not None:
            groups.setdefault(area.parent.name, []).append((area.pk, area.name))
        else:
            top_level.append((area.pk, area.name))
    # A city is a choice itself ("somewhere in Riverside") and the heading of its neighbourhoods.
    choices: list[tuple[str, Any]] = [("", "—")]
    for pk, name in top_level:
        choices.append((name, [(pk, _("%(city)s (anywhere)") % {"city": name}), *groups.pop(name, [])]))
    choices.extend((name, members) for name, members in groups.items())
    return choices


class RequestFieldsForm(forms.ModelForm[HelpRequest]):
    """What a family tells us. Nothing more: no surname, address, status, date of birth or ID numbers."""

    category = forms.ChoiceField(label=_("What do you need?"), choices=Category.choices, widget=forms.RadioSelect)
    language = LanguageChoiceField(
        label=_("Which language do you speak?"), queryset=Language.objects.active(), empty_label=None
    )
    area = forms.TypedChoiceField(label=_("Which area do you live near?"), coerce=int, choices=area_choices)
    contact_method = forms.ChoiceField(
        label=_("How should we reach you?"), choices=HelpRequest.ContactMethod.choices, widget=forms.RadioSelect
    )
    partner_organization = forms.ModelChoiceField(
        label=_("Which partner organization?"),
        queryset=Organization.objects.active(),
        required=False,
        empty_label="—",
        help_text=_("Only if you chose “Through a partner organization”."),
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"), choices=HelpRequest.Urgency.choices, widget=forms.RadioSelect
    )
    # One-time id of this form: posting it twice makes one request.
    submission_id = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = HelpRequest
        fields = [
            "category",
            "language",
            "area",
            "first_name",
            "contact_method",
            "contact_value",
            "partner_organization",
            "best_times",
            "urgency",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}
        help_texts = {
            "first_name": _("Only a first name or a nickname. No surname."),
            "contact_value": _("For a phone call, text or WhatsApp: your number. For email: your address."),
            "best_times": _("Tick the times when it is best to contact you."),
            "description": _(
                "Optional. Say what would help, in a few words. Do not write your address, "
                "immigration status or ID numbers."
            ),
        }
        labels = {"first_name": _("Your first name or nickname")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission_id"].initial = new_submission_id()
        if self.is_bound and not SUBMISSION_ID.match(self.data.get("submission_id") or ""):
            # A page from an old cache or a tampered form: give it a fresh id rather than an error.
            # The request's QueryDict (or a dict), whose copy may change; typed as a read-only Mapping.
            data = self.data.copy()  # type: ignore[attr-defined]  # QueryDict.copy, not on Mapping
            data["submission_id"] = self.fields["submission_id"].initial
            self.data = data
        if not self.is_bound and not self.instance.pk:
            self.fields["language"].initial = Language.objects.filter(code=spoken_code(get_language())).first()
        if self.instance.pk:
            self.fields["area"].initial = self.instance.area_id
        # With JavaScript, a search box filters the long list of languages (static/js/select-filter.js).
        self.fields["language"].widget.attrs.update({"data-filter-label": _("Type to find your language")})
        self.fields["contact_value"].widget.attrs.update({"autocomplete": "off"})
        self.fields["first_name"].widget.attrs.update({"autocomplete": "off"})

    def details(self) -> RequestDetails:
        """What the family told, as plain data for aidhub.needs.services (only the questions this form asked)."""
        asked = {name: self.cleaned_data[name] for name in self._meta.fields or () if name in self.cleaned_data}
        return cast(RequestDetails, asked)

    def clean_area(self):
        area = Area.objects.active().filter(pk=self.cleaned_data["area"]).first()
        if area is None:
            raise ValidationError(_("Choose an area from the list."))
        return area

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        method = cleaned.get("contact_method")
        value = (cleaned.get("contact_value") or "").strip()
        if method == HelpRequest.ContactMethod.PARTNER:
            cleaned["contact_value"] = ""
            if not cleaned.get("partner_organization"):
                self.add_error("partner_organization", _("Choose the organization that can reach you."))
        elif method == HelpRequest.ContactMethod.EMAIL:
            cleaned["partner_organization"] = None
            try:
                validate_email(value)
            except ValidationError:
                self.add_error("contact_value", _("Write your email address, e.g. name@example.com."))
            cleaned["contact_value"] = value.lower()
        elif method:
            cleaned["partner_organization"] = None
            try:
                cleaned["contact_value"] = normalise_phone(value)
            except ValidationError as error:
                self.add_error("contact_value", error)
        return cleaned


class HelpRequestForm(AntiBotFormMixin, RequestFieldsForm):
    """The public help form: bots are kept out with a rate limit and a proof-of-work check."""

    antibot_scope = "needs.ask"


class FamilyChangeForm(RequestFieldsForm):
    """The family changes its own request. Once a volunteer has accepted, only how to reach it can change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["submission_id"]
        if not self.instance.can_change_details:
            for name in ("category", "language", "area", "urgency"):
                del self.fields[name]


class HotlineIntakeForm(RequestFieldsForm):
    """An organizer enters a request for a caller; the same questions, asked on the phone."""


class CloseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why is it closed?"), choices=HelpRequest.CloseReason.choices)


class FindRequestForm(AntiBotFormMixin, forms.Form):
    """A family that lost its link: the reference code and the contact it gave prove it is theirs.
    Rate-limited: guessing codes for a known phone number must be slow."""

    antibot_scope = "needs.find"

    reference_code = forms.CharField(label=_("Reference code"), max_length=12, help_text=_("For example K7P-4QX."))
    contact = forms.CharField(
        label=_("The phone number or email you gave"),
        max_length=200,
        help_text=_("If you asked to be reached through a partner organization, ask them."),
    )

    def clean_reference_code(self):
        code = normalise_reference_code(self.cleaned_data["reference_code"])
        if not code:
            raise ValidationError(_("A reference code has six letters and numbers, e.g. K7P-4QX."))
        return code


# Questions organizers ask often, sent in the family's language (the form renders them there).
READY_QUESTIONS = {
    "days": _("Which days are you free?"),
    "language": _("Which language do you prefer?"),
    "come_to": _("Can you come to %(place)s?"),
}


class QuestionForm(forms.Form):
    """An organizer's question to the family: a ready one (translated into the family's language when sent), their
    own words, or both."""

    ready = forms.ChoiceField(
        label=_("A ready question, sent in the family's language"),
        choices=[
            ("", _("None: I write my own question")),
            ("days", READY_QUESTIONS["days"]),
            ("language", READY_QUESTIONS["language"]),
            ("come_to", _("Can you come to …? (write the place below)")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    place = forms.CharField(label=_("The place, for “Can you come to …?”"), max_length=200, required=False)
    text = forms.CharField(
        label=_("Your question, in your own words"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("Sent as you write it: use words the family understands. No other family's details."),
    )

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        ready, text = cleaned.get("ready"), (cleaned.get("text") or "").strip()
        if not ready and not text:
            raise ValidationError(_("Choose a ready question or write one."))
        if ready == "come_to" and not (cleaned.get("place") or "").strip():
            self.add_error("place", _("Write the place the family should come to."))
        return cleaned

    def question(self, language: str) -> str:
        """The text sent: the ready question in the family's language, then the organizer's words."""
        parts = []
        ready = self.cleaned_data.get("ready")
        if ready:
            with translation.override(language):
                parts.append(str(READY_QUESTIONS[ready]) % {"place": self.cleaned_data.get("place", "").strip()})
        if self.cleaned_data.get("text", "").strip():
            parts.append(self.cleaned_data["text"].strip())
        return "\n".join(parts)


class ReplyForm(forms.Form):
    """The family's answer, on its status page."""

    text = forms.CharField(
        label=_("Your answer"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("Do not write your address, immigration status or ID numbers."),
        error_messages={"required": _("Write your answer before sending it.")},
    )


class TextFamilyForm(forms.Form):
    """A text to the family through the network's number, sent as written (organizers and the matched volunteer)."""

    text = forms.CharField(
        label=_("Text message to the family"),
        max_length=320,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 320}),
        help_text=_(
            "Sent from the network's number as you write it, in words the family understands. Its replies appear here."
        ),
    )
