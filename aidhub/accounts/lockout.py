"""Sign-in attempts counted so that an attacker is slowed down without locking the owner out (issue 14, break 9).

allauth counts wrong passwords per account only: five from anywhere locked the account for everyone. Here each
attempt counts twice, with the rates of settings.ACCOUNT_RATE_LIMITS:

- per account *and* source (a keyed hash of the address and the client's address, IPv6 by /64 as allauth does):
  "sign_in_failed" slows down whoever guesses from one place, and nobody else;
- per account from everywhere, "sign_in_failed_account": a ceiling that only a guessing attack spread over many
  addresses reaches. Then the owner signs in with a code sent to their email, counted the same two ways
  ("request_login_code_source" here, then allauth's own "request_login_code" per account), and organizers still
  give their second factor after it.

The counters are allauth's (its cache, its rollback of a successful attempt); the keys never hold an address or
an email in clear, and the cache key function hashes them again.
"""

from django.http import HttpRequest

from aidhub.lib.adapters import allauth
from aidhub.lib.adapters.allauth import RateLimitUsage
from aidhub.lib.crypto import keyed_hash

APP = "allauth.account"


def _account_key(login: str) -> str:
    return keyed_hash(f"sign-in:{login}")


def _account_and_source_key(request: HttpRequest, login: str) -> str:
    return keyed_hash(f"sign-in:{login}:{allauth.client_address(request)}")


def _consume(request: HttpRequest, pairs: list[tuple[str, str]]) -> RateLimitUsage | None:
    """Counts one attempt under each (action, key); None (and nothing counted) when any of them is used up."""
    usages: list[RateLimitUsage] = []
    for action, key in pairs:
        usage = allauth.consume_rate_limit(request, app=APP, action=action, key=key)
        if usage is None:
            for earlier in usages:
                earlier.rollback()
            return None
        usages.append(usage)
    return allauth.merge_usages(usages)


def count_sign_in_attempt(request: HttpRequest, login: str | None) -> RateLimitUsage | None:
    """Counts a password attempt before it is checked; None when this one may not be tried. Roll the returned
    usage back when the password was right: only failures count."""
    login = (login or "").strip().lower()
    return _consume(
        request,
        [
            ("sign_in_failed", _account_and_source_key(request, login)),
            ("sign_in_failed_account", _account_key(login)),
        ],
    )


def count_code_request(request: HttpRequest, email: str | None) -> bool:
    """Counts a request for an emailed sign-in code from this source; False when it may not be sent. (allauth
    counts it per account after this.)"""
    email = (email or "").strip().lower()
    return _consume(request, [("request_login_code_source", _account_and_source_key(request, email))]) is not None
