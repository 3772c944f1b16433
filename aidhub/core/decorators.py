from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from aidhub.core.models import is_organizer


def organizer_required(view):
    """Signed-in organizers only: others are sent to sign in, or refused with 403."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_organizer(request.user):
            raise PermissionDenied
        # The menu asks again (context processor); one query per request is enough.
        request.user_is_organizer = True
        return view(request, *args, **kwargs)

    return wrapper
