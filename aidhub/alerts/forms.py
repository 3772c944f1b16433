from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from aidhub.alerts.messages import sms_frame
from aidhub.alerts.models import Alert, CheckIn, Report, Subscriber
from aidhub.alerts.models.alerts import ALERT_TEXT_MAX
from aidhub.alerts.photos import clean_photo
from aidhub.alerts.selectors import RecipientSummary
from aidhub.core.languagefields import LanguageChoiceField
from aidhub.core.models import Area, Language, Organization
from aidhub.core.selectors import organized_organizations, organizer_areas
from aidhub.lib.antibot import AntiBotFormMixin
from aidhub.lib.formfields import model_choices
from aidhub.lib.languages import interface_spoken_codes
from aidhub.lib.phones import PhoneNumberField
from aidhub.messaging.segments import count_segments

NO_PEOPLE = _("Describe events and places. Never name or describe individual people, and never share faces.")


class SubscribeForm(AntiBotFormMixin, forms.Form):
    antibot_scope = "alerts.subscribe"

    channel = forms.ChoiceField(
        label=_("How should we reach you?"), choices=Subscriber.Channel.choices, widget=forms.RadioSelect
    )
    phone = PhoneNumberField(
        label=_("Mobile phone number"),
        required=False,
        help_text=_("For text messages. Add the country code (for example +52) if the number is from another country."),
    )
    email = forms.EmailField(
        label=_("Email"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"})
    )
    language = LanguageChoiceField(
        label=_("Language of the alerts"), queryset=Language.objects.active(), empty_label=None
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas you care about"),
        queryset=Area.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choosing a city includes its neighbourhoods."),
    )

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        channel = cleaned.get("channel")
        if channel == Subscriber.Channel.SMS and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error("phone", _("Enter the phone number that should get the text messages."))
        if channel == Subscriber.Channel.EMAIL and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter the email address that should get the alerts."))
        return cleaned

    def address(self):
        channel = self.cleaned_data["channel"]
        return self.cleaned_data["phone"] if channel == Subscriber.Channel.SMS else self.cleaned_data["email"].lower()


class ConfirmForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "dir": "ltr"}),
    )


class ReportForm(AntiBotFormMixin, forms.ModelForm[Report]):
    antibot_scope = "alerts.report"

    what = forms.CharField(
        label=_("What did you see?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        help_text=NO_PEOPLE,
    )
    area = forms.ModelChoiceField(
        label=_("Where (area)"), queryset=Area.objects.active(), empty_label=_("Choose an area")
    )
    happened_at = forms.DateTimeField(
        label=_("When"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Only of the place or the event. We remove the location and camera details from the file."),
    )
    contact = forms.CharField(
        label=_("How can an organizer reach you? (optional)"),
        max_length=200,
        required=False,
        help_text=_("A phone number or email, if you want someone to check on you. Only organizers see it."),
    )

    class Meta:
        model = Report
        fields = ["what", "area", "happened_at", "photo", "contact"]

    def clean_happened_at(self):
        value = self.cleaned_data["happened_at"]
        if value > timezone.now() + timedelta(minutes=15):
            raise forms.ValidationError(_("This time is in the future."))
        return value

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return clean_photo(upload) if upload else None


class ReportStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Report.Status.choices, widget=forms.RadioSelect)
    duplicate_of = forms.ModelChoiceField(
        label=_("Same as report"), queryset=Report.objects.none(), required=False, empty_label="—"
    )

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        model_choices(self, "duplicate_of").queryset = reports

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("status") == Report.Status.DUPLICATE and not cleaned.get("duplicate_of"):
            self.add_error("duplicate_of", _("Choose the report this one repeats."))
        return cleaned


class CheckInForm(forms.ModelForm[CheckIn]):
    class Meta:
        model = CheckIn
        fields = ["outcome", "note"]
        widgets = {
            "outcome": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }
        help_texts = {"note": _("What they need and who follows up. Keep it short; it is encrypted.")}


class FallbackChoiceForm(forms.Form):
    """Sending with a fallback language is a choice someone makes: when some recipients have no text in their
    language, a checkbox names the languages and counts and must be ticked (issue 17)."""

    def __init__(self, *args: Any, summary: RecipientSummary | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if summary is not None and summary.fallback_count:
            count = summary.fallback_count
            self.fields["accept_fallback"] = forms.BooleanField(
                required=True,
                label=ngettext(
                    "Send the %(main)s text to %(count)s subscriber whose language has no translation (%(languages)s).",
                    "Send the %(main)s text to %(count)s subscribers whose languages have no translation "
                    "(%(languages)s).",
                    count,
                )
                % {"main": summary.main_language, "count": count, "languages": summary.fallback_languages_text()},
                error_messages={
                    "required": _("Add the missing translations, or tick this box to send the text as it is.")
                },
            )

    @property
    def fallback_accepted(self) -> bool:
        return bool(self.cleaned_data.get("accept_fallback"))


class SubmitForm(FallbackChoiceForm):
    pass


class VerifyForm(FallbackChoiceForm):
    revision = forms.IntegerField(widget=forms.HiddenInput)


def offered_languages(organizations, alert=None):
    """Each organization's main and spoken languages, the interface languages, and those the alert already has."""
    languages = Language.objects.filter(code__in=interface_spoken_codes()) | Language.objects.filter(
        organizations__in=organizations
    )
    languages = languages | Language.objects.filter(
        pk__in=[o.main_language_id for o in organizations if o.main_language_id]
    )
    if alert is not None and alert.pk:
        languages = languages | Language.objects.filter(pk__in=alert.texts.values("language"))
    return list(languages.distinct().order_by("name_en"))


class AlertForm(forms.ModelForm[Alert]):
    """An alert and its texts, one per language. Only the author changes what it says and where it goes;
    other organizers of the area may add or change translations."""

    class Meta:
        model = Alert
        fields = ["organization", "severity", "areas"]
        widgets = {"severity": forms.RadioSelect, "areas": forms.CheckboxSelectMultiple}
        help_texts = {"areas": _("Subscribers of a neighbourhood's city get it too.")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organizations = list(organized_organizations(user).select_related("main_language"))
        model_choices(self, "organization").queryset = Organization.objects.filter(pk__in=[o.pk for o in organizations])
        model_choices(self, "organization").empty_label = None
        model_choices(self, "areas").queryset = (
            Area.objects.filter(pk__in=organizer_areas(user)) | Area.objects.filter(alerts=self.instance.pk or 0)
        ).distinct()
        self.is_author = self.instance.is_written_by(user)
        main: Language | None
        if self.instance.pk:
            main = self.instance.main_language
        else:
            main = organizations[0].alert_language() if organizations else None
        self.main_language = main
        existing = self.instance.texts_by_code() if self.instance.pk else {}
        self.languages = offered_languages(organizations, self.instance)
        self.languages.sort(key=lambda language: language != main)
        for language in self.languages:
            name = f"text_{language.code}"
            label = f"{language} · {_('main language')}" if language == main else str(language)
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                max_length=ALERT_TEXT_MAX,
                initial=existing[language.code].text if language.code in existing else "",
                widget=forms.Textarea(
                    attrs={
                        "rows": 3,
                        "maxlength": ALERT_TEXT_MAX,
                        "lang": language.code,
                        "dir": language.direction,
                        "data-sms-counter": "",
                        "data-sms-extra": sms_frame(language.code),
                    }
                ),
            )
        # The organization is chosen only by someone who organizes for several, and only when writing.
        if self.instance.pk or len(organizations) < 2:
            self.fields["organization"].widget = forms.HiddenInput()
            self.fields["organization"].disabled = True
            if not self.instance.pk and organizations:
                self.initial["organization"] = organizations[0].pk
        if not self.is_author:
            for name in ("severity", "areas", f"text_{main.code}" if main else ""):
                if name in self.fields:
                    self.fields[name].disabled = True

    def text_fields(self):
        """Each text field with its current count, as the text message will carry it (frame included)."""
        fields = []
        for language in self.languages:
            field = self[f"text_{language.code}"]
            value = (field.value() or "").strip()
            frame = field.field.widget.attrs["data-sms-extra"]
            fields.append({"field": field, "count": count_segments(value + frame) if value else count_segments("")})
        return fields

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        organization = cleaned.get("organization")
        main = self.instance.main_language if self.instance.pk else (organization and organization.alert_language())
        if main is not None and not cleaned.get(f"text_{main.code}", "").strip():
            self.add_error(
                f"text_{main.code}" if f"text_{main.code}" in self.fields else None,
                _("Write the alert in the organization's main language (%(language)s).") % {"language": main},
            )
        return cleaned

    def texts(self) -> list[tuple[Language, str]]:
        """(language, text) for every language field that this person may change."""
        return [
            (language, self.cleaned_data.get(f"text_{language.code}", "").strip())
            for language in self.languages
            if not self.fields[f"text_{language.code}"].disabled
        ]
