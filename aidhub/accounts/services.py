from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone


@transaction.atomic
def end_sessions(*, user):
    """Ends every session of this person at once (after deactivation, or if their device was lost).

    Sessions are not indexed by user, so this reads the live ones; it runs rarely, by an administrator.
    """
    ended = 0
    user_id = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == user_id:
            session.delete()
            ended += 1
    return ended
