from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from aidhub.core.models import is_organizer
from aidhub.core.security import mfa_setup_redirect, needs_mfa


def organizer_required(view):
    """Signed-in organizers with two-factor sign-in set up. Others are sent to sign in, refused with 403,
    or (organizers without two-factor) sent to set it up first."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_organizer(request.user):
            raise PermissionDenied
        if needs_mfa(request.user):
            return mfa_setup_redirect(request)
        # The menu asks again (context processor); one query per request is enough.
        request.user_is_organizer = True
        return view(request, *args, **kwargs)

    return wrapper
