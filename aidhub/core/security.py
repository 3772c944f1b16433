"""Security plumbing shared by every page: response headers, organizer sessions, two-factor for organizers."""

import time

from allauth.account.decorators import reauthentication_required
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _

from aidhub.core.models import is_organizer

# Features no page of ours needs: a compromised script cannot reach for them either.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=()"
)

ORGANIZER_IDLE_SECONDS = 30 * 60
ORGANIZER_MAX_SECONDS = 12 * 60 * 60
# The last-seen time is written at most once a minute: otherwise every page an organizer opens would also
# write their session to the database. The idle limit is then 30 to 31 minutes.
SEEN_PRECISION_SECONDS = 60
SESSION_STARTED = "aidhub_started_at"
SESSION_SEEN = "aidhub_seen_at"
SESSION_ELEVATED = "aidhub_elevated"


def is_elevated(user):
    """Organizers and administrators see families' data or can change everything: they get the stricter rules."""
    return user.is_authenticated and (user.is_staff or is_organizer(user))


class SecurityHeadersMiddleware:
    """Permissions-Policy everywhere; pages for a signed-in person are never stored by browsers or proxies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
        return response


def remember_session_rules(sender, request, user, **kwargs):
    """At sign-in, note whether the stricter organizer rules apply, so no page has to ask the database again.
    Connected to Django's user_logged_in signal in CoreConfig.ready()."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_ELEVATED] = is_elevated(user)
        request.session[SESSION_STARTED] = request.session[SESSION_SEEN] = int(time.time())


class OrganizerSessionMiddleware:
    """Organizer and administrator sessions end after 30 minutes idle and 12 hours in all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            session = request.session
            now = int(time.time())
            if SESSION_ELEVATED not in session:
                # Sessions from before this rule existed.
                session[SESSION_ELEVATED] = is_elevated(user)
                session[SESSION_STARTED] = now
            if session[SESSION_ELEVATED]:
                started = session.get(SESSION_STARTED, now)
                seen = session.get(SESSION_SEEN, now)
                if now - seen > ORGANIZER_IDLE_SECONDS or now - started > ORGANIZER_MAX_SECONDS:
                    logout(request)
                    messages.info(request, _("For safety, you were signed out. Please sign in again."))
                    return redirect(f"{reverse('account_login')}?next={request.path}")
                if now - seen >= SEEN_PRECISION_SECONDS:
                    session[SESSION_SEEN] = now
        return self.get_response(request)


@reauthentication_required
def _recently_signed_in(request):
    return None


def require_recent_sign_in(request):
    """Before exporting data or sending an alert: unless the person entered their password (or code) in the last
    5 minutes, allauth asks for it and then replays this request. Call it after the access check, so that other
    people's objects still answer 404."""
    _recently_signed_in(request)


def mfa_setup_redirect(request):
    """Where organizers and administrators go until they have set up two-factor sign-in."""
    messages.warning(request, _("Organizers and administrators must set up two-factor sign-in first."))
    return redirect(f"{reverse('mfa_activate_totp')}?next={request.get_full_path()}")


def needs_mfa(user):
    return not is_mfa_enabled(user)
