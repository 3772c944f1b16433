"""django-allauth behind one door, for what it does not document (written against the version pinned in
requirements.txt).

allauth's documented surface (adapters, forms, decorators, models, settings) is used where it is needed. What it
keeps in `internal` packages, or leaves undocumented, AidHub reaches only through this module:

- rate limits (`allauth.core.internal.ratelimit`): sign-in attempts counted per account and source with
  allauth's own counters, cache and rollback (aidhub.accounts.lockout);
- the session's authentication records: which authenticator gave the second factor in this session
  (aidhub.core.security), and recording them as allauth does (tests sign people in that way);
- the re-authentication page for the second factor, among those allauth offers;
- TOTP (`allauth.mfa.totp.internal.auth`): activating an authenticator app with a known secret (demo and bench
  organizers, tests), the code it shows, the secret being set up;
- where an authenticator keeps its encrypted secrets (`Authenticator.data`), for a key rotation;
- the request allauth is handling, inside its forms;
- the key of a "set your password" link (`allauth.account.utils.user_pk_to_url_str` and the token generator
  its reset form checks), for invitations to accounts made for someone (aidhub.imports).

tests/adapters/test_allauth_contract.py exercises each of these and fails, naming the pinned version, when an
upgrade changes them.
"""

import time
from collections.abc import Iterable
from typing import Any

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.forms import default_token_generator
from allauth.account.internal.flows import login as login_flow
from allauth.account.utils import user_pk_to_url_str
from allauth.core import context
from allauth.core.internal import ratelimit
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal import auth as totp
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest

__all__ = [
    "DISTRIBUTION",
    "VERIFIED_WITH",
    "RateLimitUsage",
    "activate_totp",
    "client_address",
    "consume_rate_limit",
    "current_request",
    "merge_usages",
    "mfa_reauthentication_url",
    "new_totp_secret",
    "password_reset_key",
    "pending_totp_secret",
    "record_authentication",
    "replace_stored_secrets",
    "second_factor_ids",
    "stored_secrets",
    "totp_code",
]

# The contract tests were last run against this version (they fail when requirements.txt pins another one).
DISTRIBUTION = "django-allauth"
VERIFIED_WITH = "65.21.1"

RateLimitUsage = ratelimit.RateLimitUsage

# Keys of Authenticator.data that hold a secret encrypted by the MFA adapter: the TOTP secret and the seed of
# recovery codes. (WebAuthn keeps public keys only.)
_SECRET_KEYS = ("secret", "seed")


# Rate limits


def client_address(request: HttpRequest) -> str:
    """The client's address as allauth counts it (TRUSTED_PROXY_COUNT; IPv6 by its /64 network)."""
    return ratelimit.get_ip(request)


def consume_rate_limit(request: HttpRequest, *, app: str, action: str, key: str) -> RateLimitUsage | None:
    """Counts one use of `action` under `key` with the rates of `app`'s RATE_LIMITS setting; None when used up
    (and then nothing is counted). Roll the usage back to take the use back."""
    return ratelimit.consume(request, app=app, action=action, key=key)


def merge_usages(usages: Iterable[RateLimitUsage]) -> RateLimitUsage:
    """One usage that rolls back all of these."""
    return RateLimitUsage(usage=[single for usage in usages for single in usage.usage])


# The session's authentication records


def record_authentication(request: HttpRequest, user: AbstractBaseUser, method: str, **extra: Any) -> None:
    """Records in the session that `user` gave `method` ("password", or "mfa" with id= and type= of the
    authenticator), as allauth does when a person signs in."""
    login_flow.record_authentication(request, user, method, **extra)


def second_factor_ids(request: HttpRequest, user: AbstractBaseUser | AnonymousUser) -> set[int]:
    """The authenticators with which this session gave its second factor (sign-in or re-authentication)."""
    if not isinstance(user, AbstractBaseUser):
        return set()
    return {
        record["id"]
        for record in login_flow.get_authentication_records(request, user)
        if record.get("method") == "mfa" and record.get("id") is not None
    }


def mfa_reauthentication_url(request: HttpRequest, user: AbstractBaseUser | AnonymousUser) -> str:
    """allauth's page that asks this person for their second factor again (app, recovery code or security key)."""
    methods = get_account_adapter(request).get_reauthentication_methods(user)
    return str(next(method["url"] for method in methods if method["id"].startswith("mfa_reauthenticate")))


# TOTP (authenticator apps)


def new_totp_secret() -> str:
    """A fresh secret for an authenticator app, as allauth makes them."""
    return totp.generate_totp_secret()


def activate_totp(user: AbstractBaseUser, secret: str) -> Authenticator:
    """Gives `user` an authenticator app holding `secret` (stored encrypted by the MFA adapter)."""
    return totp.TOTP.activate(user, secret).instance


def totp_code(secret: str, *, at: float | None = None) -> str:
    """The code an authenticator app holding `secret` shows at `at` (a Unix time; now by default)."""
    moment = time.time() if at is None else at
    return totp.format_hotp_value(totp.hotp_value(secret, int(moment) // mfa_settings.TOTP_PERIOD))


def pending_totp_secret(session: SessionBase) -> str | None:
    """The secret allauth offers on its "set up an authenticator app" page, while the person sets it up."""
    secret = session.get(totp.SECRET_SESSION_KEY)
    return secret if isinstance(secret, str) else None


# Authenticators' stored secrets


def stored_secrets(authenticator: Authenticator) -> dict[str, str]:
    """The secrets an authenticator keeps, as stored (encrypted by the MFA adapter), by their key in its data."""
    data = authenticator.data
    return {key: data[key] for key in _SECRET_KEYS if isinstance(data, dict) and key in data}


def replace_stored_secrets(authenticator: Authenticator, secrets: dict[str, str]) -> None:
    """Puts these stored secrets (from stored_secrets, encrypted anew) back into the authenticator's data; the
    caller saves it."""
    unknown = set(secrets) - set(_SECRET_KEYS)
    if unknown:
        raise ValueError(f"not secrets of an authenticator: {sorted(unknown)}")
    authenticator.data = {**authenticator.data, **secrets}


# The request being handled


def current_request() -> HttpRequest:
    """The request allauth is handling (its forms are built without one)."""
    request: HttpRequest | None = context.request
    if request is None:
        raise RuntimeError("no request: called outside allauth's handling of one")
    return request


# "Set your password" links


def password_reset_key(user: AbstractBaseUser) -> dict[str, str]:
    """The arguments of allauth's `account_reset_password_from_key` URL for this person, as its own password
    reset email makes them: the link works until the password changes, the person signs in, or
    PASSWORD_RESET_TIMEOUT passes. allauth then moves the key into the session and out of the address bar."""
    return {"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)}
