from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.core.translations import interface_languages


class VoicePrompt(models.Model):
    """One recording of the call-back line: what the line says at one step (`name`, see aidhub.phone.voice.PROMPTS),
    in one interface language, recorded by the network. Not personal data: served publicly (by the hash of its
    content, so that a replaced recording gets a new address) for the phone provider to play it."""

    name = models.CharField(_("prompt"), max_length=30)
    language = models.CharField(_("language"), max_length=10, choices=interface_languages)
    audio = models.BinaryField()
    content_type = models.CharField(max_length=20)
    digest = models.CharField(max_length=64, unique=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("recording of the phone line")
        verbose_name_plural = _("recordings of the phone line")
        constraints = [models.UniqueConstraint(fields=["name", "language"], name="voice_prompt_one_per_language")]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"
