"""Whole public pages, as a visitor who is not signed in sees them, from the shared cache.

A page read by everyone who is not signed in is the same for all of them in one language with the same query:
its lists are already cached fragments (aidhub.lib.fragments), but rendering the page around them (header,
language menu, footer) was most of what such a request cost. Here the rendered page itself is kept, under the
same versions as its fragments, so a change shows on the next read.

Only a visit that can hold nothing personal is served or stored: no session cookie (so no account, no family's
session), no messages waiting, a GET, no query parameter the page does not know (made-up ones must not fill the
cache). A page is stored only when rendering it set no cookie, used no CSRF token (a form's token belongs to one
browser), added no message, left the session unchanged and answered 200.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.base import BaseStorage
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from aidhub.lib import catalog_status, fragments


@dataclass(frozen=True)
class KeptPage:
    content: bytes
    headers: tuple[tuple[str, str], ...]

    def response(self, holes: Mapping[str, Callable[[], str]]) -> HttpResponse:
        response = HttpResponse(_filled(self.content, holes))
        for name, value in self.headers:
            response.headers[name] = value
        return response


def hole(name: str) -> str:
    """The marker a page is rendered with where the per-visit value `name` goes."""
    return f"aidhub-hole:{name}:aidhub-hole"


def fill(text: str, holes: Mapping[str, Callable[[], str]]) -> str:
    """`text` (a page or a fragment kept with holes) with each hole's fresh value in its marker's place."""
    for name, value in holes.items():
        text = text.replace(hole(name), value())
    return text


def _filled(content: bytes, holes: Mapping[str, Callable[[], str]]) -> bytes:
    return fill(content.decode(), holes).encode() if holes else content


def may_share(request: HttpRequest, parameters: Iterable[str]) -> bool:
    """Whether this visit is one that every visitor not signed in makes alike (see the module's docstring)."""
    if request.method != "GET":
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES:
        return False
    return set(request.GET).issubset(parameters)


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    session = getattr(request, "session", None)
    storage = getattr(request, "_messages", None)  # where MessageMiddleware keeps them (messages.get_messages)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not (isinstance(storage, BaseStorage) and storage.added_new)
    )


def _rendered_from(language: str) -> tuple[str, bool]:
    """What a page is rendered from besides data and versions: this release's static files (a page kept by the
    last release names files it no longer has) and whether the language's catalog says it was reviewed (the note
    on every page of an unreviewed one)."""
    return getattr(staticfiles_storage, "manifest_hash", ""), catalog_status.reviewed(language)


def page(
    request: HttpRequest,
    name: str,
    *,
    versions: Iterable[str],
    build: Callable[[], HttpResponse],
    parameters: Iterable[str] = (),
    timeout: int = fragments.TIMEOUT,
    holes: Mapping[str, Callable[[], str]] | None = None,
) -> HttpResponse:
    """The page `name` as `build()` renders it, kept for visitors who are not signed in (the module's rules).

    Its key is the language, the path and the query; its versions those of the fragments it shows. With `holes`,
    `build()` renders `hole(name)` for each per-visit value and gets it from `holes[name]()` after (the
    module's docstring); without, `build()` must render the page as a visitor sees it.
    """
    parameters, holes = tuple(parameters), holes or {}
    if not may_share(request, parameters):
        return _with_holes_filled(build(), holes)
    built: list[HttpResponse] = []

    def render() -> KeptPage | None:
        response = build()
        built.append(response)
        if not _keepable(request, response):
            return None
        return KeptPage(response.content, tuple(response.headers.items()))

    language = get_language()
    kept = fragments.cached(
        f"page:{name}",
        [language, request.path, sorted(request.GET.lists()), _rendered_from(language)],
        versions=versions,
        build=render,
        timeout=timeout,
        keep=lambda value: value is not None,
    )
    if built:
        return _with_holes_filled(built[0], holes)
    assert kept is not None  # a stored page is never None (keep above)
    return kept.response(holes)


def _with_holes_filled(response: HttpResponse, holes: Mapping[str, Callable[[], str]]) -> HttpResponse:
    if holes and not response.streaming:
        response.content = _filled(response.content, holes)
    return response
