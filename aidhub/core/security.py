"""Security plumbing shared by every page: response headers, organizer sessions, two-factor for organizers."""

import time
from collections.abc import Callable, Iterable
from typing import Any

from allauth.account.decorators import reauthentication_required
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aidhub.core.selectors import is_organizer
from aidhub.lib.adapters import allauth

# Features no page of ours needs: a compromised script cannot reach for them either.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=()"
)

# A session that reached organizer or administrator pages ends after this long without a page opened, and this
# long after sign-in whatever happens (docs/operations.md, "Sign-in and sessions").
ORGANIZER_IDLE_SECONDS = 30 * 60
ORGANIZER_MAX_SECONDS = 12 * 60 * 60
# The last-seen time is written at most once a minute: otherwise every page a person opens would also write their
# session to the database. The idle limit is then 30 to 31 minutes.
SEEN_PRECISION_SECONDS = 60
SESSION_STARTED = "aidhub_started_at"
SESSION_SEEN = "aidhub_seen_at"
SESSION_ELEVATED = "aidhub_elevated"

STEP_UP_MESSAGE = gettext_noop(
    "To open organizer and administrator pages, confirm this sign-in with your second factor: a code from your "
    "authenticator app, a passkey or a recovery code."
)


def is_elevated(user: AbstractUser | AnonymousUser) -> bool:
    """Organizers and administrators see families' data or can change everything: they get the stricter rules."""
    return user.is_authenticated and (user.is_staff or is_organizer(user))


class SecurityHeadersMiddleware:
    """Permissions-Policy everywhere; pages for a signed-in person are never stored by browsers or proxies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
        return response


def remember_session_rules(sender: object, request: HttpRequest | None, user: AbstractUser, **kwargs: Any) -> None:
    """At sign-in, start the session's clocks and note whether the stricter organizer rules apply from the start.
    Connected to Django's user_logged_in signal in CoreConfig.ready()."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_ELEVATED] = is_elevated(user)
        request.session[SESSION_STARTED] = request.session[SESSION_SEEN] = int(time.time())


def _past_limits(session: SessionBase) -> bool:
    """Idle for longer than allowed (since the last page before this one), or signed in too long ago."""
    now = int(time.time())
    idle = now - session.get(SESSION_SEEN, now)
    return idle > ORGANIZER_IDLE_SECONDS or now - session.get(SESSION_STARTED, now) > ORGANIZER_MAX_SECONDS


def _sign_out_for_safety(request: HttpRequest) -> HttpResponseRedirect:
    path = request.path
    logout(request)
    messages.info(request, _("For safety, you were signed out. Please sign in again."))
    return redirect(f"{reverse('account_login')}?{urlencode({'next': path})}")


class OrganizerSessionMiddleware:
    """Sessions that reached organizer or administrator pages end after 30 minutes idle and 12 hours in all.

    Every signed-in session notes when it was last used, so that the idle limit also holds for a session that
    becomes an organizer's half-way (elevated_session_problem marks it on its first organizer page)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            session = request.session
            if SESSION_STARTED not in session:
                # Sessions from before these rules existed.
                session[SESSION_ELEVATED] = is_elevated(request.user)
                session[SESSION_STARTED] = session[SESSION_SEEN] = int(time.time())
            if session.get(SESSION_ELEVATED) and _past_limits(session):
                return _sign_out_for_safety(request)
        response = self.get_response(request)
        # After the page: an organizer page opened now checks the idle time before this request, not zero.
        if request.user.is_authenticated:
            now = int(time.time())
            if now - request.session.get(SESSION_SEEN, 0) >= SEEN_PRECISION_SECONDS:
                request.session[SESSION_SEEN] = now
        return response


def session_passed_mfa(request: HttpRequest) -> bool:
    """True when this session gave a second factor (allauth's two-factor step at sign-in, a passkey, or a code asked
    again later) with an authenticator the person still has. Being made an organizer or setting up an authenticator
    later does not count: only what this session itself proved; removing the authenticator it used undoes it."""
    user = request.user
    if not user.is_authenticated:
        return False
    return isinstance(user, AbstractBaseUser) and authenticators_still_held(
        user, allauth.second_factor_ids(request, user)
    )


def authenticators_still_held(user: AbstractBaseUser, used: Iterable[int]) -> bool:
    """Whether the person still has one of the authenticators with which a second factor was given."""
    used = list(used)
    return bool(used) and Authenticator.objects.filter(user_id=user.pk, pk__in=used).exists()


def elevated_session_problem(request: HttpRequest) -> str | None:
    """The one rule for organizer and administrator pages, after their role check: what stops this session, or
    None. "expired": past the idle or absolute limit; "no_two_factor": the person has not set up two-factor sign-in;
    "not_this_session": this session did not give the second factor. From its first such page on, the session keeps
    to the idle and absolute limits on every page."""
    session = request.session
    if not session.get(SESSION_ELEVATED):
        session[SESSION_ELEVATED] = True
    if _past_limits(session):
        return "expired"
    if needs_mfa(request.user):
        return "no_two_factor"
    if not session_passed_mfa(request):
        return "not_this_session"
    return None


def elevated_session_refusal(request: HttpRequest, next_url: str | None = None) -> HttpResponseRedirect | None:
    """None when this session may open organizer and administrator pages; otherwise the way on: sign in again,
    set up two-factor sign-in, or give the second factor in this session (never a 403 dead end)."""
    problem = elevated_session_problem(request)
    if problem is None:
        return None
    if problem == "expired":
        return _sign_out_for_safety(request)
    if problem == "no_two_factor":
        return mfa_setup_redirect(request, next_url)
    return mfa_step_up_redirect(request, next_url)


def token_holder_problem(user: AbstractBaseUser, second_factor_ids: Iterable[int]) -> str | None:
    """The one rule for a personal API token, which stands in for an organizer's two-factor session (it can only
    be made in one): asked at every request, as organizer_required and elevated_session_problem are at every page.
    What stops it, or None. "inactive": the account was deactivated; "not_organizer": the person organizes for no
    active organization any more; "no_two_factor": they removed two-factor sign-in; "second_factor_removed": the
    authenticators the making session gave its second factor with are gone."""
    if not user.is_active:
        return "inactive"
    if not is_organizer(user):
        return "not_organizer"
    if needs_mfa(user):
        return "no_two_factor"
    if not authenticators_still_held(user, second_factor_ids):
        return "second_factor_removed"
    return None


@reauthentication_required
def _recently_signed_in(request: HttpRequest) -> HttpResponse | None:
    return None


def require_recent_sign_in(request: HttpRequest) -> None:
    """Before exporting data or sending an alert: unless the person entered their password (or code) in the last
    5 minutes, allauth asks for it and then replays this request. Call it after the access check, so that other
    people's objects still answer 404."""
    _recently_signed_in(request)


def mfa_setup_redirect(request: HttpRequest, next_url: str | None = None) -> HttpResponseRedirect:
    """Where organizers and administrators go until they have set up two-factor sign-in."""
    messages.warning(request, _("Organizers and administrators must set up two-factor sign-in first."))
    return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': next_url or request.get_full_path()})}")


def mfa_step_up_redirect(request: HttpRequest, next_url: str | None = None) -> HttpResponseRedirect:
    """Asks for the second factor in this session (allauth's re-authentication by authenticator app, recovery code
    or security key), then comes back to the page."""
    url = allauth.mfa_reauthentication_url(request, request.user)
    messages.warning(request, _(STEP_UP_MESSAGE))
    return redirect(f"{url}?{urlencode({'next': next_url or request.get_full_path()})}")


def needs_mfa(user: AbstractBaseUser | AnonymousUser) -> bool:
    return not (user.is_authenticated and is_mfa_enabled(user))
