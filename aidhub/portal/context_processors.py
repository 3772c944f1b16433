"""What the menu shows on organizer pages: the counts of what waits (aidhub.portal.selectors)."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from aidhub.portal.selectors import organizer_work_counts


def organizer_work(request: HttpRequest) -> dict[str, object]:
    """Only on pages that organizer_required opened (an organizer in a session that gave the second factor); lazy,
    so a page that shows no badge pays nothing."""
    if not getattr(request, "user_is_organizer", False):
        return {}
    return {"work_counts": SimpleLazyObject(lambda: organizer_work_counts(request.user))}
