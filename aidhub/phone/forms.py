from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from aidhub.phone.voice import MAX_AUDIO_BYTES


def audio_type(data: bytes) -> str | None:
    """The recording's type read from its first bytes (never from its name or what the browser says): MP3 or WAV."""
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    return None


class PromptUploadForm(forms.Form):
    """One recording of a prompt: an MP3 or WAV file, at most 2 MB."""

    audio = forms.FileField(
        label=_("Recording (MP3 or WAV, at most 2 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "audio/mpeg,audio/wav,.mp3,.wav"}),
    )

    content_type = ""

    def clean_audio(self) -> bytes:
        upload = self.cleaned_data["audio"]
        if upload.size > MAX_AUDIO_BYTES:
            raise ValidationError(_("This file is larger than 2 MB. Record a shorter message or save it as MP3."))
        data: bytes = upload.read()
        content_type = audio_type(data)
        if content_type is None:
            raise ValidationError(_("This is not an MP3 or WAV recording."))
        self.content_type = content_type
        return data


class TrialMessageForm(forms.Form):
    """A message typed on "Try the phone line", as a family would text it."""

    message = forms.CharField(
        label=_("Your message"),
        max_length=1600,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 1600, "autocomplete": "off"}),
        help_text=_("Type what a family would text: anything to start, a number to answer, or a keyword."),
    )
