from django.conf import settings
from django.utils import translation

from aidhub.core.selectors import scope_remembered_for_one_request


class RememberLanguageMiddleware:
    """Remembers the language of the last page read, so that `/` sends a person back to it.

    Language links are plain links to the translated URL (no form, works without JavaScript);
    this cookie is what makes the choice stick.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


class OrganizerScopeMiddleware:
    """Each request remembers which organizations and areas a person organizes for, once asked, and forgets it
    when it ends (aidhub.core.selectors): a page asks it many times, a next page asks afresh."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with scope_remembered_for_one_request():
            return self.get_response(request)
