"""Who calls the API: a personal token in `Authorization: Bearer …`, checked at every request against the rule
that opens organizer pages (aidhub.core.security.token_holder_problem), and rate limits per token or address."""

import time
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security.http import HttpAuthBase
from ninja.throttling import BaseThrottle

from aidhub.accounts.models import User
from aidhub.api.models import ApiToken
from aidhub.api.problems import Problem
from aidhub.api.services import api_token_note_use, hash_api_token
from aidhub.core.security import token_holder_problem
from aidhub.lib.antibot import client_key
from aidhub.lib.counters import count_in_window


class TokenAuth(HttpAuthBase):
    """A live token whose owner may still open organizer pages; `write` and `contacts` ask for its scope too.
    No token, or a token that is revoked, expired or whose owner lost the role, two-factor sign-in or their
    account: 401. A token without the scope: 403. Sessions never count: only the token does."""

    openapi_scheme = "bearer"

    def __init__(self, *, write: bool = False, contacts: bool = False) -> None:
        super().__init__()
        self.write, self.contacts = write, contacts

    def __call__(self, request: HttpRequest) -> ApiToken | None:
        # Not ninja's HttpBearer: it logs an unexpected header whole when DEBUG is on, and a token with it.
        scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        api_token = (
            ApiToken.objects.live().select_related("user").filter(token_hash=hash_api_token(token.strip())).first()
        )
        if api_token is None or token_holder_problem(api_token.user, api_token.second_factor_ids) is not None:
            return None
        if self.write and not api_token.may_write:
            raise Problem(403, "forbidden", _("This token is read-only: make a token that may write."))
        if self.contacts and not api_token.reads_contacts:
            raise Problem(403, "forbidden", _("This token may not read families' contact details."))
        api_token_note_use(api_token=api_token)
        return api_token


READ = TokenAuth()
WRITE = TokenAuth(write=True)
CONTACTS = TokenAuth(contacts=True)


def token_of(request: HttpRequest) -> ApiToken:
    """The token an organizer endpoint was called with (TokenAuth let it through)."""
    api_token: Any = getattr(request, "auth", None)
    assert isinstance(api_token, ApiToken)
    return api_token


def owner_of(request: HttpRequest) -> User:
    """Who acts: the token's owner, whoever the browser's session belongs to."""
    return token_of(request).user


class ApiRate(BaseThrottle):
    """Requests per token on organizers' endpoints, per address on public ones, in fixed windows counted in the
    shared cache, as the public forms' limits are (aidhub.lib.counters.count_in_window)."""

    def allow_request(self, request: HttpRequest) -> bool:
        api_token = getattr(request, "auth", None)
        scope, who = (
            ("token", str(api_token.pk)) if isinstance(api_token, ApiToken) else ("public", client_key(request))
        )
        limit, period = settings.API_RATES[scope]
        window = int(time.time() // period)
        return count_in_window(f"api:rate:{scope}:{who}:{window}", period) <= limit

    def wait(self) -> float | None:
        """Until the current window ends (the longest of the two, so that a retry then is never early). Computed
        here, not kept from allow_request: one instance serves every thread."""
        period = max(period for _limit, period in settings.API_RATES.values())
        return float(period - int(time.time()) % period)
