from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Language
from aidhub.core.selectors import organized_organizations
from aidhub.core.translations import interface_languages
from aidhub.lib.formfields import model_choices
from aidhub.resources.files import clean_resource_file
from aidhub.resources.models import Resource

PAPER_SIZES = [("a4", _("A4")), ("letter", _("Letter (North America)"))]
# Countries whose printers hold Letter paper; everyone else prints on A4.
LETTER_COUNTRIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "SV", "HN", "NI", "CR", "PA", "DO", "PR"}


class ResourceForm(forms.ModelForm[Resource]):
    kind = forms.ChoiceField(label=_("Kind of resource"), choices=Resource.Kind.choices, widget=forms.RadioSelect)

    class Meta:
        model = Resource
        fields = ["organization", "kind", "topic", "language", "title", "description", "original_language",
                  "body", "file", "url"]  # fmt: skip
        # dir="auto": a text in another script than the page's runs in its own direction while it is typed.
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "description": forms.Textarea(attrs={"rows": 3, "maxlength": 1000, "dir": "auto"}),
            "body": forms.Textarea(attrs={"rows": 12, "maxlength": 20000, "dir": "auto"}),
            "file": forms.FileInput(attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}),
            "url": forms.URLInput(attrs={"dir": "ltr", "placeholder": "https://"}),
        }
        help_texts = {
            "title": _("Write it in one of the site's languages, so that everyone can find the material."),
            "description": _("One or two sentences: who it is for and what it says."),
            "file": _("A PDF, or a JPEG, PNG or WebP picture."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        model_choices(self, "organization").queryset = organized_organizations(user)
        model_choices(self, "organization").empty_label = None
        model_choices(self, "language").queryset = Language.objects.active()
        self.fields["file"].help_text = _("A PDF, or a JPEG, PNG or WebP picture, under %(megabytes)s MB.") % {
            "megabytes": settings.RESOURCE_FILE_MAX_BYTES // (1024 * 1024)
        }
        if self.instance.pk is None:
            self.initial.setdefault("original_language", translation.get_language())
        self.content_type = self.instance.content_type

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            content, self.content_type = clean_resource_file(upload)
            return content
        return upload

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        check_kind_has_content(self, cleaned)
        return cleaned


def check_kind_has_content(form, cleaned):
    """Each kind needs what it shows: a text, a file or an address (the database refuses the rest)."""
    kind = cleaned.get("kind")
    if kind == Resource.Kind.TEXT and not cleaned.get("body", "").strip():
        form.add_error("body", _("Write the text that people will read."))
    if kind == Resource.Kind.FILE and not cleaned.get("file") and "file" not in form.errors:
        form.add_error("file", _("Choose the file to upload."))
    if kind == Resource.Kind.LINK and not cleaned.get("url") and "url" not in form.errors:
        form.add_error("url", _("Write the address of the website."))


def default_paper():
    return "letter" if settings.PHONE_DEFAULT_REGION in LETTER_COUNTRIES else "a4"


class FlyerForm(forms.Form):
    """The flyer's language and paper size, from the query string."""

    language = forms.ChoiceField(label=_("Language of the flyer"), choices=interface_languages, required=False)
    paper = forms.ChoiceField(label=_("Paper size"), choices=PAPER_SIZES, required=False)

    def __init__(self, query):
        # What the query string leaves out is the default, so that the menus show what the flyer uses.
        self.defaults = {"language": translation.get_language(), "paper": default_paper()}
        super().__init__({**self.defaults, **{key: query[key] for key in self.defaults if query.get(key)}})

    def options(self):
        """The chosen language and paper; the page's language and the usual paper where a choice is wrong."""
        self.is_valid()
        return tuple(self.cleaned_data.get(key) or default for key, default in self.defaults.items())


class ResourceAdminForm(forms.ModelForm):
    """In the admin too, an uploaded file is checked and cleaned before it is stored."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            content, self.instance.content_type = clean_resource_file(upload)
            return content
        return upload

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        check_kind_has_content(self, cleaned)
        return cleaned
