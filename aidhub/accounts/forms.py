from allauth.account.adapter import get_adapter
from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm
from django import forms
from django.utils.translation import gettext_lazy as _

from aidhub.accounts import lockout
from aidhub.accounts.models import User, VolunteerProfile
from aidhub.core.languagefields import LanguageSelect, LanguagesField
from aidhub.core.models import Area, Category, Language
from aidhub.lib.adapters import allauth


class VolunteerProfileForm(forms.ModelForm):
    """The volunteer's own profile; the interface language lives on the user and is saved alongside."""

    language = forms.ChoiceField(
        label=_("Language for pages and messages"),
        choices=User._meta.get_field("language").choices or [],
        widget=LanguageSelect,
    )
    categories = forms.MultipleChoiceField(
        label=_("Kinds of help you can give"),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = LanguagesField(
        label=_("Languages you speak"),
        queryset=Language.objects.active(),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas you can reach"),
        queryset=Area.objects.active(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = VolunteerProfile
        fields = ["display_name", "languages", "areas", "categories", "availability", "max_active_matches"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = user.language
        # Empty until the volunteer chooses it, and then required: families and the public see it.
        self.fields["display_name"].required = True


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """allauth's "email me a sign-in code", counted per account and source first (aidhub.accounts.lockout); allauth
    then counts it per account from everywhere. Someone asking for codes elsewhere does not stop the owner's."""

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email and not lockout.count_code_request(allauth.current_request(), email):
            raise get_adapter().validation_error("too_many_login_attempts")
        return super().clean_email()
