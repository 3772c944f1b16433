from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from aidhub.core.models import is_organizer


def site(request):
    """Site name, the organizer flag for the menu, and the language switcher's links (each language in itself)."""
    path = request.get_full_path()
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        # Lazy: pages that never show the menu item never pay for the query.
        "user_is_organizer": SimpleLazyObject(
            lambda: getattr(request, "user_is_organizer", None) or is_organizer(request.user)
        ),
        "language_links": [
            {
                "code": code,
                "name": name,
                "bidi": code in settings.LANGUAGES_BIDI,
                "url": translate_url(path, code),
            }
            for code, name in settings.LANGUAGES
        ],
    }
