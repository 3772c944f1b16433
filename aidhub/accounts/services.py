from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone


def end_sessions(*, user):
    """Ends every session of this person at once (after deactivation or deletion, or if their device was lost)."""
    return end_sessions_of(users=[user])


@transaction.atomic
def end_sessions_of(*, users):
    """Ends every session of these people at once.

    Sessions are not indexed by user, so this reads the live ones; it runs rarely, by an administrator. Each is
    deleted through the session engine, so that a copy in the shared cache (cached_db with Redis) goes too.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    user_ids = {str(user.pk) for user in users}
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") in user_ids:
            store(session_key=session.session_key).delete()
            ended += 1
    return ended
