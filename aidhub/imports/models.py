from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Organization
from aidhub.lib.adapters.encrypted_fields import EncryptedTextField

# How long an uploaded file waits between its preview and "Import": long enough to read the preview, short
# enough that volunteers' addresses do not linger in the database.
BATCH_LIFETIME = timedelta(hours=1)


class ImportBatchQuerySet(models.QuerySet["ImportBatch"]):
    def waiting(self) -> "ImportBatchQuerySet":
        """Uploads previewed and not imported yet, still within their hour."""
        return self.filter(imported_at__isnull=True, expires_at__gt=timezone.now())


def _expiry() -> datetime:
    return timezone.now() + BATCH_LIFETIME


class ImportBatch(models.Model):
    """One uploaded spreadsheet, kept between its preview and the organizer's "Import".

    It belongs to the organizer who uploaded it **and** to the session they uploaded it in (a keyed hash of the
    session key): nobody else, not even the same organizer on another device, can see or import it. The rows are
    encrypted at rest and emptied once imported; only the counts stay."""

    organizer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("organizer"), on_delete=models.CASCADE, related_name="+"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    session_hash = models.CharField(max_length=64, editable=False)
    # The rows as read from the file (JSON), volunteers' email addresses included: encrypted.
    rows = EncryptedTextField(_("rows"), blank=True, null=True)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=_expiry)
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True)
    # Counts per outcome once imported (new, updated, unchanged, error, invited): never a name or an address.
    counts = models.JSONField(_("counts"), default=dict, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        indexes = [models.Index(fields=["expires_at"], name="import_batch_expires")]

    def __str__(self) -> str:
        return f"import #{self.pk}"


class ImportedVolunteer(models.Model):
    """A volunteer whose account an import created, and when they were invited. Until they sign in, later
    imports may add offers to the account; once they have, an import leaves it as it is. Importing the same
    person again never invites them again."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="imported",
    )
    batch = models.ForeignKey(
        ImportBatch, verbose_name=_("import"), null=True, on_delete=models.SET_NULL, related_name="volunteers"
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)

    class Meta:
        verbose_name = _("imported volunteer")
        verbose_name_plural = _("imported volunteers")

    def __str__(self) -> str:
        return f"imported #{self.pk}"


class ImportNotice(models.Model):
    """An organization's spreadsheet named someone who already had an account it did not make: the import left
    the account as it was and told the person instead (once per organization). The organizer saw the row as a new
    volunteer, so that an import never tells them whether an address has an account; importing the same file
    again shows it as imported before and sends nothing."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="import_notices"
    )
    batch = models.ForeignKey(
        ImportBatch, verbose_name=_("import"), null=True, on_delete=models.SET_NULL, related_name="notices"
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("import notice")
        verbose_name_plural = _("import notices")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="import_notice_once_per_organization")
        ]

    def __str__(self) -> str:
        return f"import notice #{self.pk}"
