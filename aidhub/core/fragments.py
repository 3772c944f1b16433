"""Cached page fragments in the shared cache (Redis with several machines), invalidated by versions.

A fragment's key holds the versions of what it shows. A change bumps the version (after the transaction
commits, so that no request caches the old state in between) and every fragment built on it is simply never
read again; a timeout bounds how long a change made elsewhere (the admin, a profile rename) can take to show.

Versions: "offers" (what the public offer list shows), "reference" (areas, languages, organizations: the
options of filters and forms), "requests" (requests and matches, for organizers' figures).
"""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction

TIMEOUT = 300


def _version_key(name):
    return f"aidhub:version:{name}"


def versions(*names):
    """The current version of each name, in one round trip; a version that is missing (new, evicted) starts."""
    keys = [_version_key(name) for name in names]
    found = cache.get_many(keys)
    missing = {key: time.time_ns() for key in keys if key not in found}
    if missing:
        cache.set_many(missing, timeout=None)
        found.update(missing)
    return [found[key] for key in keys]


def bump(*names):
    """Marks what these names cover as changed, once the current transaction commits."""

    def new_versions():
        cache.set_many({_version_key(name): time.time_ns() for name in names}, timeout=None)

    transaction.on_commit(new_versions)


def fragment_key(name, *parts):
    """A short key for a fragment and everything it depends on (language, versions, query string…)."""
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]
    return f"aidhub:fragment:{name}:{digest}"


def cached(key, build, timeout=TIMEOUT):
    """The fragment under this key, built and stored when missing."""
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value
