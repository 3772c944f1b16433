from functools import cache, lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.functional import SimpleLazyObject

from aidhub.core.selectors import is_organizer
from aidhub.lib.catalog_status import reviewed
from aidhub.lib.phones import normalise_phone


@cache
def _network_phone(text):
    """The network's phone line in E.164 (for tel: links and display), or as written when it cannot be read."""
    if not text:
        return ""
    try:
        return normalise_phone(text)
    except ValidationError:
        return text


@lru_cache(maxsize=2048)
def _path_in_each_language(path, language):
    """The same page in every interface language, by resolving and reversing the path in each (for the few paths
    outside the language prefixes). Paths only: query strings may carry a family's private token and are never
    kept here. `path` is resolved in `language`, the language of its prefix (Django resolves a prefix only in its
    own language)."""
    with translation.override(language):
        return tuple(translate_url(path, code) for code, _name in settings.LANGUAGES)


@lru_cache(maxsize=2048)
def _prefixed_in_each_language(rest):
    """A page under the language prefixes, /<code>/ + `rest`, in every language: our URL patterns have no
    translated words, so only the prefix changes, once `rest` is known to be a page of ours (one resolve, not
    thirty resolves and reverses: they cost more than the rest of a light page). A path that is no page of ours
    (a 404) keeps the address as it was: None."""
    source = settings.LANGUAGE_CODE
    with translation.override(source):
        try:
            resolve(f"/{source}{rest}")
        except Resolver404:
            return None
    rest = iri_to_uri(rest)
    return tuple(f"/{code}{rest}" for code, _name in settings.LANGUAGES)


def _links_for(path):
    """The page's address in each interface language: /es/help/ and /ur/help/ share one entry of the cache."""
    prefix = path.split("/", 2)[1] if path.startswith("/") and path.count("/") > 1 else ""
    if prefix and translation.get_language_from_path(path) == prefix:
        links = _prefixed_in_each_language(path[len(prefix) + 1 :])
        return links if links is not None else (path,) * len(settings.LANGUAGES)
    return _path_in_each_language(path, translation.get_language())


def site(request):
    """Site name, the organizer flag for the menu, and the language switcher's links (each language in itself)."""
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{iri_to_uri(query)}" if query else ""
    paths = _links_for(request.path)
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "NETWORK_PHONE": _network_phone(settings.NETWORK_PHONE),
        # Lazy: pages that never show the menu item never pay for the query.
        "user_is_organizer": SimpleLazyObject(
            lambda: getattr(request, "user_is_organizer", None) or is_organizer(request.user)
        ),
        # A catalog no speaker has reviewed yet says so on every page, in its own words (includes/review_note.html).
        "catalog_reviewed": reviewed(translation.get_language() or settings.LANGUAGE_CODE),
        "language_links": [
            {
                "code": code,
                "name": name,
                "bidi": code in settings.LANGUAGES_BIDI,
                "url": path + suffix,
            }
            for (code, name), path in zip(settings.LANGUAGES, paths, strict=True)
        ],
    }
