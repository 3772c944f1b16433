"""Who may correct which interface language in the browser, and who may read the corrections: the one place.

Translators (a `Translator` row per language, given by an administrator) and superusers correct catalogs;
organizers also read the corrections and download them as a patch. Every page of this app is also an elevated
page: the same two-factor and session rules as organizer pages (aidhub.core.security.elevated_session_refusal).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseBase

from aidhub.catalogs.models import Translator
from aidhub.core.security import elevated_session_refusal
from aidhub.core.selectors import is_organizer

Person = AbstractBaseUser | AnonymousUser


def translated_languages(user: Person) -> list[str]:
    """The interface languages this person may correct, in the order of settings.LANGUAGES."""
    if not user.is_authenticated or not user.is_active:
        return []
    codes = [code for code, _name in settings.LANGUAGES]
    if getattr(user, "is_superuser", False):
        return codes
    mine = set(Translator.objects.filter(user_id=user.pk).values_list("language", flat=True))
    return [code for code in codes if code in mine]


def may_translate(user: Person, language: str) -> bool:
    return language in translated_languages(user)


def may_translate_somewhere(user: Person) -> bool:
    """Rosetta's own access check (ROSETTA_ACCESS_CONTROL_FUNCTION), behind ours: any language at all."""
    return bool(translated_languages(user))


def may_read_corrections(user: Person) -> bool:
    """Translators, organizers and superusers see the corrections and download them as a patch."""
    return may_translate_somewhere(user) or (user.is_authenticated and user.is_active and is_organizer(user))


def _elevated(test: Callable[[HttpRequest, dict[str, Any]], bool], refuse: type[Exception]) -> Callable[..., Any]:
    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        @login_required
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not test(request, kwargs):
                raise refuse
            refusal = elevated_session_refusal(request)
            if refusal is not None:
                return refusal
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# Pages of one language's catalog: translators of that language and superusers. Another language answers 404
# (as Rosetta itself does), a person who translates nothing 403.
def translator_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    def test(request: HttpRequest, kwargs: dict[str, Any]) -> bool:
        if not may_translate_somewhere(request.user):
            raise PermissionDenied
        if not may_translate(request.user, kwargs.get("lang_id", "")):
            raise Http404
        return True

    return _elevated(test, PermissionDenied)(view)


# The corrections and their patch: translators, organizers, superusers.
correction_reader_required = _elevated(lambda request, _kwargs: may_read_corrections(request.user), PermissionDenied)
