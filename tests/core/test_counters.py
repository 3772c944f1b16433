"""Window counters (aidhub.lib.counters): the same counts on Redis (one round trip) and on Django's other caches."""

import os
import uuid

import pytest
from django.core.cache import cache
from django.test import override_settings

from aidhub.lib.counters import count_in_window

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5")
# The scale-out test empties this Redis database: its tests and these run on one worker, one at a time.
pytestmark = pytest.mark.xdist_group("redis")


@pytest.fixture
def redis_cache():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs Redis at {REDIS_URL}: {error}")
        pytest.skip(f"no Redis at {REDIS_URL}; CI runs this test")
    prefix = f"test-counters-{uuid.uuid4().hex}"
    settings = {
        "default": {
            "BACKEND": "aidhub.lib.adapters.rediscache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "KEY_FUNCTION": "aidhub.lib.crypto.cache_key",
        }
    }
    with override_settings(CACHES=settings):
        yield client
    for key in client.scan_iter(f"*{prefix}*"):
        client.delete(key)


def test_redis_counts_up_and_the_first_count_sets_the_window(redis_cache):
    assert [count_in_window("api:rate:public:x:1", 600) for _ in range(3)] == [1, 2, 3]
    full_key = cache.make_and_validate_key("api:rate:public:x:1")
    # The window runs from the first count: later counts do not move its end.
    assert 590 < redis_cache.ttl(full_key) <= 600
    redis_cache.expire(full_key, 30)
    count_in_window("api:rate:public:x:1", 600)
    assert redis_cache.ttl(full_key) <= 30


def test_a_redis_count_is_read_and_counted_on_by_djangos_cache(redis_cache):
    count_in_window("phone:limit:x", 60)
    count_in_window("phone:limit:x", 60)
    assert cache.get("phone:limit:x") == 2
    assert cache.incr("phone:limit:x") == 3
    assert count_in_window("phone:limit:x", 60) == 4


def test_an_expired_redis_window_starts_again_at_one(redis_cache):
    count_in_window("antibot:rate:help:y", 60)
    redis_cache.delete(cache.make_and_validate_key("antibot:rate:help:y"))
    assert count_in_window("antibot:rate:help:y", 60) == 1


def test_without_redis_the_cache_api_counts_the_same(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "c"}}
    assert [count_in_window("k", 60) for _ in range(3)] == [1, 2, 3]
    assert cache.get("k") == 3
