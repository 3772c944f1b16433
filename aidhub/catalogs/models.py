"""Who translates which interface language, and every correction made in the browser.

Corrections live in the database, not only in files: with two app servers (or a read-only release directory), a
file written on one machine would not reach the other. Each process applies the stored corrections on top of the
compiled catalogs (aidhub.catalogs.live), and organizers download them as a patch for the repository.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aidhub.core.translations import interface_languages


class Translator(models.Model):
    """Makes a person a translator of one interface language (given by an administrator in the admin)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="translator_roles"
    )
    language = models.CharField(_("language"), max_length=10, choices=interface_languages)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("role", "Translator")
        verbose_name_plural = pgettext_lazy("role", "Translators")
        constraints = [models.UniqueConstraint(fields=["user", "language"], name="translator_unique_language")]

    def __str__(self) -> str:
        return f"{self.user} ({self.language})"


class CatalogChange(models.Model):
    """One translation corrected in the browser: which entry of which catalog, the text before and after.
    Never edited or deleted by the application: the latest row of an entry is its correction."""

    language = models.CharField(_("language"), max_length=10)
    # The .po file, relative to the project folder ("locale/es/LC_MESSAGES/django.po").
    catalog = models.CharField(max_length=200)
    msgctxt = models.TextField(blank=True)
    msgid = models.TextField()
    # For plural entries, which form (msgstr[0], msgstr[1]…); None for a singular entry.
    plural_index = models.PositiveSmallIntegerField(null=True, blank=True)
    old_text = models.TextField(blank=True)
    new_text = models.TextField(blank=True)
    # Marked "needs review": kept in the patch as such, not shown on pages (gettext skips fuzzy entries too).
    fuzzy = models.BooleanField(default=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        indexes = [models.Index(fields=["language", "catalog"], name="catalog_change_language")]

    def __str__(self) -> str:
        return f"{self.language}: {self.msgid[:40]}"

    @property
    def key(self) -> tuple[str, str, int | None]:
        """Which entry (and which plural form) this changes."""
        return (self.msgctxt, self.msgid, self.plural_index)
