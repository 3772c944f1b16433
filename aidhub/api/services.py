"""Personal API tokens: made in a two-factor session, revoked by their owner, noted when used."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from aidhub.accounts.models import User
from aidhub.accounts.services import audit_personal_link
from aidhub.api.models import TOKEN_LIFETIME, TOKEN_PREFIX, ApiToken
from aidhub.core.models import AuditEvent
from aidhub.lib.tokens import hash_access_token, new_access_token

# The time a token was last used is written at most this often: not a write per request.
LAST_USED_PRECISION = timedelta(minutes=5)


def hash_api_token(token: str) -> str:
    return hash_access_token(token)


@transaction.atomic
def api_token_create(
    *, actor: User, name: str, scope: str, reads_contacts: bool, second_factor_ids: Iterable[int]
) -> tuple[ApiToken, str]:
    """A new token of `actor`, from a session that gave its second factor with `second_factor_ids`. Returns the
    row and the token itself, which is shown once and never stored."""
    secret, _hash = new_access_token()
    token = f"{TOKEN_PREFIX}{secret}"
    now = timezone.now()
    api_token = ApiToken.objects.create(
        user=actor,
        name=name,
        scope=scope,
        reads_contacts=reads_contacts,
        token_hash=hash_api_token(token),
        hint=secret[:6],
        second_factor_ids=sorted(set(second_factor_ids)),
        created_at=now,
        expires_at=now + TOKEN_LIFETIME,
    )
    audit_personal_link(
        actor=actor,
        owner=actor,
        action=AuditEvent.Action.API_TOKEN_CREATED,
        link=api_token,
        details=api_token.audit_details(),
    )
    return api_token, token


@transaction.atomic
def api_token_revoke(*, actor: User, api_token: ApiToken) -> ApiToken:
    """Ends one of `actor`'s tokens at once (the next request with it answers 401). Revoking it again changes
    nothing and writes nothing."""
    live = ApiToken.objects.filter(pk=api_token.pk, user=actor, revoked_at__isnull=True)
    ended = live.update(revoked_at=timezone.now())
    api_token.refresh_from_db()
    if ended:
        audit_personal_link(
            actor=actor,
            owner=actor,
            action=AuditEvent.Action.API_TOKEN_REVOKED,
            link=api_token,
            details=api_token.audit_details(),
        )
    return api_token


def api_token_note_use(*, api_token: ApiToken, now: datetime | None = None) -> None:
    """Notes when a token was last used (shown on the settings page), at most every few minutes."""
    now = now or timezone.now()
    if api_token.last_used_at is None or now - api_token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        api_token.last_used_at = now
