"""Counters in fixed time windows, kept in the shared cache: rate limits of forms, the API, texts and e-mails.

With Redis (production, the benchmark), a count is one round trip: INCR creates the key with its first count, and
only that first count sets its end (EXPIRE), `period` seconds later. Django's own `cache.incr` takes two
(EXISTS, then INCR) and cannot create the key, which made the counter half of a cached API answer's time
(bench/profiles/API-public-offers.txt). Other caches (the database cache of a first run, local memory in some
tests) go through Django's cache API.

The counter is the same key Django's cache would use (`make_and_validate_key`) and holds a plain integer, as
Django's Redis serializer stores integers, so `cache.get` reads it and tests can clear it with the cache."""

import re
from functools import cache as once

import redis
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache


@once
def _client_of(location: str) -> redis.Redis:
    return redis.Redis.from_url(location)


def _redis() -> redis.Redis | None:
    """A client of the default cache's Redis server (the first, which Django writes to), or None without Redis."""
    default = caches["default"]
    if not isinstance(default, RedisCache):
        return None
    # LOCATION is one address, a list, or addresses separated by "," or ";" (as RedisCache reads it); the first
    # takes the writes. The client is made once per server.
    location = settings.CACHES["default"]["LOCATION"]
    servers = re.split("[;,]", location) if isinstance(location, str) else list(location)
    return _client_of(servers[0])


def count_in_window(key: str, period: int) -> int:
    """Adds one to a counter that lives `period` seconds from its first count; returns the count."""
    client = _redis()
    if client is not None:
        full_key = cache.make_and_validate_key(key)
        count = int(client.incr(full_key))
        if count == 1:
            # The window starts with its first count. Should the process die between the two, the key stays
            # without an end; keys name their window, so it only takes a little memory, and never blocks anyone.
            client.expire(full_key, period)
        return count
    try:
        return cache.incr(key)
    except ValueError:  # no counter yet in this window (or it just expired)
        if cache.add(key, 1, timeout=period):
            return 1
        try:
            return cache.incr(key)  # another request made it in between
        except ValueError:
            cache.set(key, 1, timeout=period)
            return 1
