"""A volunteer's private calendar link to their shifts."""

from django.db import transaction

from aidhub.accounts.models import User
from aidhub.events.models import CalendarFeed
from aidhub.lib.tokens import new_access_token


@transaction.atomic
def calendar_feed_renew(*, actor: User) -> str:
    """Makes the volunteer's private calendar link, or a new one that replaces it (the old one stops working).
    Returns the link's token, to be shown once: only its hash is kept."""
    token: str
    token, token_hash = new_access_token()
    CalendarFeed.objects.update_or_create(user=actor, defaults={"token_hash": token_hash})
    return token
