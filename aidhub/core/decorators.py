from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from aidhub.core.security import elevated_session_refusal
from aidhub.core.selectors import is_organizer


def organizer_required(view):
    """Signed-in organizers, in a session that gave the second factor and keeps to the organizer session limits.
    Others are sent to sign in or refused with 403; organizers whose session does not qualify are sent where it can
    (set up two-factor sign-in, give the second factor, or sign in again): see elevated_session_refusal."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_organizer(request.user):
            raise PermissionDenied
        refusal = elevated_session_refusal(request)
        if refusal is not None:
            return refusal
        # The menu asks again (context processor); one query per request is enough.
        request.user_is_organizer = True
        return view(request, *args, **kwargs)

    return wrapper
