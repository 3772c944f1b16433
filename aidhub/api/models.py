"""Personal API tokens: an organizer's stand-in for a two-factor session, for programs that use the REST API."""

from datetime import datetime, timedelta
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import AuditEvent

# A token works for this long after it was made, then a new one is made on the settings page: a token forgotten
# in a script does not work for ever.
TOKEN_LIFETIME = timedelta(days=90)
# Tokens start with this, so that secret scanners and people recognise one pasted in the wrong place.
TOKEN_PREFIX = "ahk_"  # noqa: S105  # a prefix, not a secret


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def live(self, now: datetime | None = None) -> Self:
        """Neither revoked nor expired. Whether its owner may still use it is asked at each request
        (aidhub.core.security.token_holder_problem)."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ApiToken(models.Model):
    """A personal token. Only its hash is stored; the token itself is shown once, when it is made."""

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        WRITE = "write", _("Read and write")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=80)
    scope = models.CharField(_("what it may do"), max_length=10, choices=Scope, default=Scope.READ)
    # Families' names and contacts are never read through a token unless its owner chose so when making it.
    reads_contacts = models.BooleanField(_("may read families' contact details"), default=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters after the prefix, so that the owner can tell their tokens apart.
    hint = models.CharField(max_length=8, editable=False)
    # The authenticators with which the session that made the token gave its second factor: removing them all
    # ends the token, as it ends that session (aidhub.core.security.token_holder_problem).
    second_factor_ids = models.JSONField(default=list, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()
    # Deactivating the owner's account deletes their tokens (aidhub.accounts.services.revoke_personal_links), each
    # written in the audit trail as revoked; each request asks whether the owner is active anyway.
    revoked_with_owner = True
    revoked_with_owner_audit = AuditEvent.Action.API_TOKEN_REVOKED

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        indexes = [models.Index(fields=["user", "-created_at"], name="apitoken_user_created")]
        constraints = [
            models.CheckConstraint(condition=Q(scope__in=["read", "write"]), name="apitoken_scope_known"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def prefix(self) -> str:
        """What the token begins with, as its owner's page shows it: never the secret."""
        return f"{TOKEN_PREFIX}{self.hint}"

    def audit_details(self) -> dict[str, str | bool]:
        """What the audit trail keeps of the token: its name, scope and first characters, never the secret."""
        return {"name": self.name, "scope": self.scope, "reads_contacts": self.reads_contacts, "prefix": self.prefix}

    @property
    def may_write(self) -> bool:
        return self.scope == self.Scope.WRITE

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
