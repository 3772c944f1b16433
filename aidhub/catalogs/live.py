"""Corrections show on pages without a restart, in every process of every app server (and in the emails and
texts of background tasks).

A version in the shared cache says when the latest correction was saved. A middleware reads it at most once a
second per process (CHECK_SECONDS: a cache read on every request was a tenth of a cached API answer's time in the
benchmark); when it differs from what this process applied, the process drops Django's translation objects
and rebuilds those of the corrected languages with the stored corrections on top (the other languages reload from
their files when next used). When the version has fallen out of the cache, the first request reads it from the
database and puts it back: a process with a cache of its own (no Redis) sees a correction within VERSION_SECONDS.

A correction applies while the catalog still says one of the texts its entry had in the browser (the text it
replaced or a text a translator wrote): once a release ships a newer wording from the repository, the file wins.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest, HttpResponseBase

from aidhub.catalogs.models import CatalogChange
from aidhub.lib.adapters import django_translation

logger = logging.getLogger(__name__)

VERSION_KEY = "aidhub:catalogs:version"
HEALTH_PATHS = {"/healthz", "/readyz"}
VERSION_SECONDS = 60
# How long a process trusts its last look at the version: a correction shows everywhere within this time.
CHECK_SECONDS = 1.0

EntryKey = tuple[str, str, int | None]

_lock = threading.Lock()
_applied: list[str | None] = [None]
_checked_at = [float("-inf")]  # time.monotonic() of this process's last look at the version


@dataclass(frozen=True)
class Correction:
    """The latest text of one entry, and every text the entry had in the browser (to tell a newer release)."""

    text: str
    fuzzy: bool
    seen: frozenset[str]

    def applies_to(self, current: str | None) -> bool:
        return (current or "") in self.seen


def corrections(language: str | None = None, catalog: str | None = None) -> dict[str, dict[EntryKey, Correction]]:
    """{language: {entry: correction}} from the stored changes, oldest first so that the latest wins."""
    changes = CatalogChange.objects.order_by("created_at", "pk")
    if language is not None:
        changes = changes.filter(language=language)
    if catalog is not None:
        changes = changes.filter(catalog=catalog)
    found: dict[str, dict[EntryKey, Correction]] = {}
    for change in changes.only("language", "msgctxt", "msgid", "plural_index", "old_text", "new_text", "fuzzy"):
        entries = found.setdefault(change.language, {})
        earlier = entries.get(change.key)
        seen = (earlier.seen if earlier else frozenset()) | {change.old_text, change.new_text}
        entries[change.key] = Correction(text=change.new_text, fuzzy=change.fuzzy, seen=seen)
    return found


def catalog_key(key: EntryKey) -> str | tuple[str, int]:
    """The key gettext uses for an entry: "context\\x04msgid", and (that, n) for the plural form n."""
    msgctxt, msgid, plural_index = key
    text = f"{msgctxt}\x04{msgid}" if msgctxt else msgid
    return text if plural_index is None else (text, plural_index)


def _stored_version() -> str:
    latest = CatalogChange.objects.aggregate(latest=Max("created_at"))["latest"]
    return latest.isoformat() if latest else ""


def current_version() -> str:
    version: str | None = cache.get(VERSION_KEY)
    if version is None:
        version = _stored_version()
        cache.set(VERSION_KEY, version, VERSION_SECONDS)
    return version


def announce_change() -> None:
    """After the current transaction commits: every process reloads its catalogs on its next request."""

    def publish() -> None:
        cache.set(VERSION_KEY, _stored_version(), VERSION_SECONDS)
        _checked_at[0] = float("-inf")  # this process looks again on its next request: the translator sees it

    transaction.on_commit(publish)


def apply_corrections(catalog: django_translation.Catalog, entries: dict[EntryKey, Correction]) -> int:
    """Writes the corrections into one language's merged catalog (Django's TranslationCatalog); how many applied."""
    applied = 0
    for key, correction in entries.items():
        gettext_key = catalog_key(key)
        if correction.fuzzy or not correction.text or not correction.applies_to(catalog.get(gettext_key)):
            continue
        catalog[gettext_key] = correction.text
        applied += 1
    return applied


def reload_catalogs(version: str) -> None:
    """Drops this process's translation objects; the corrected languages are rebuilt with their corrections."""
    with _lock:
        if _applied[0] == version:
            return
        fresh = {}
        for language, entries in corrections().items():
            translation, catalog = django_translation.fresh_translation(language)
            apply_corrections(catalog, entries)
            fresh[language] = translation
        django_translation.replace_translations(fresh)
        _applied[0] = version


def refresh() -> None:
    """Brings this process's catalogs up to the latest correction, if one was saved since (one cache read, at most
    once every CHECK_SECONDS)."""
    now = time.monotonic()
    if now - _checked_at[0] < CHECK_SECONDS:
        return
    _checked_at[0] = now
    try:
        version = current_version()
        if version != _applied[0]:
            reload_catalogs(version)
    except Exception:
        # The database or the cache is down: the page or message goes out with the catalogs the process had.
        logger.warning("Could not check for corrected translations", exc_info=True)


def refresh_before_task(**kwargs: object) -> None:
    """Background tasks (emails and texts in the recipient's language) run in worker processes that serve no
    requests: each task starts with the latest corrections too. Connected to django.tasks' task_started."""
    refresh()


def start_without_corrections() -> None:
    """For a fresh test database: no correction stored, none applied (no query, no file read)."""
    cache.set(VERSION_KEY, "", VERSION_SECONDS)
    with _lock:
        if _applied[0] not in (None, ""):
            django_translation.replace_translations({})
        _applied[0] = ""
    _checked_at[0] = float("-inf")


class CatalogCorrectionsMiddleware:
    """Before the language of the request is activated: are this process's catalogs older than the latest
    correction? One cache read a second at most."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        # Health checks touch neither the database nor the cache (aidhub.core.health) and show no words.
        if request.path_info not in HEALTH_PATHS:
            refresh()
        return self.get_response(request)
