"""Cached page fragments in the shared cache (Redis with several machines), invalidated by versions.

A fragment is stored with the versions of what it shows. A change bumps the version (after the transaction
commits, so that no request caches the old state in between) and every fragment built on the old one is
rebuilt on its next read; a timeout bounds how long a change made elsewhere can take to show.

Versions: "offers" (what the public offer list shows), "events" (what the public event list shows),
"reference" (areas, languages, organizations: the options of filters and forms), "requests" (requests and
matches, for organizers' figures), "alerts" (alerts and community reports, for organizers' work counts).
"""

import copy
import hashlib
import time
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, QueryDict

TIMEOUT = 300


def _version_key(name: str) -> str:
    return f"aidhub:version:{name}"


def bump(*names: str) -> None:
    """Marks what these names cover as changed, once the current transaction commits."""

    def new_versions() -> None:
        cache.set_many({_version_key(name): time.time_ns() for name in names}, timeout=None)

    transaction.on_commit(new_versions)


def fragment_key(name: str, *parts: object) -> str:
    """A short key for a fragment and what it depends on besides versions (language, query string…)."""
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]
    return f"aidhub:fragment:{name}:{digest}"


def cached[T](
    name: str,
    parts: Iterable[object],
    *,
    versions: Iterable[str],
    build: Callable[[], T],
    timeout: int = TIMEOUT,
    keep: Callable[[T], bool] | None = None,
) -> T:
    """The fragment `name` for these parts, built by `build()` when missing or older than the named versions
    (and stored unless `keep` says this one is not to be shared).

    One round trip to the cache: the versions and the fragment come in one get_many. The fragment is stored
    with the versions it was built from, so a change makes it stale without leaving old copies behind.
    """
    key = fragment_key(name, *parts)
    version_keys = [_version_key(version) for version in versions]
    found = cache.get_many([*version_keys, key])
    missing = {version_key: time.time_ns() for version_key in version_keys if version_key not in found}
    if missing:
        # A version that is new or was evicted starts afresh: fragments built on the old one no longer match.
        cache.set_many(missing, timeout=None)
        found.update(missing)
    current = [found[version_key] for version_key in version_keys]
    entry = found.get(key)
    if entry is not None and entry[0] == current:
        kept: T = entry[1]
        return kept
    html = build()
    if keep is None or keep(html):
        cache.set(key, (current, html), timeout)
    return html


def only_parameters(request: HttpRequest, names: Iterable[str]) -> tuple[HttpRequest, list[tuple[str, list[str]]]]:
    """The request with only these query parameters, and those parameters as part of a fragment's key.

    Made-up parameters must neither fill the cache with copies nor end up in the links (pagination keeps the
    query string) of a fragment that everyone is then shown.
    """
    data = QueryDict(mutable=True)
    for name in names:
        if name in request.GET:
            data.setlist(name, request.GET.getlist(name))
    data._mutable = False
    clean = copy.copy(request)
    clean.GET = data  # type: ignore[assignment]  # made immutable just above
    return clean, sorted(data.lists())
