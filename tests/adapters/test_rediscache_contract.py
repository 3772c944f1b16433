"""What aidhub.lib.adapters.rediscache relies on in Django's Redis cache: it fails loudly when Django changes it."""

import os
import uuid

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.test import override_settings

from aidhub.lib.adapters import rediscache
from aidhub.lib.adapters.rediscache import RedisCache, ReusingRedisCacheClient
from tests.adapters.contract import check_verified_version

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5")
pytestmark = pytest.mark.xdist_group("redis")


def test_the_adapter_was_checked_against_the_pinned_version():
    check_verified_version(rediscache)


def test_django_still_builds_its_client_from_the_class_attribute_and_pools():
    cache = DjangoRedisCache("redis://127.0.0.1:6379/5", {})
    assert cache._class is RedisCacheClient
    assert isinstance(RedisCache("redis://127.0.0.1:6379/5", {})._cache, ReusingRedisCacheClient)
    for name in ("_get_connection_pool_index", "_get_connection_pool", "_client", "get_client"):
        assert hasattr(RedisCacheClient, name) or name == "_client", name


def test_one_client_per_server_and_the_cache_works():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs Redis at {REDIS_URL}: {error}")
        pytest.skip("no Redis here; CI runs this test")
    config = {"BACKEND": "aidhub.lib.adapters.rediscache.RedisCache", "LOCATION": REDIS_URL}
    with override_settings(CACHES={"default": {**config, "KEY_PREFIX": f"contract-{uuid.uuid4().hex}"}}):
        cache = caches["default"]
        client = cache._cache.get_client(write=True)
        assert cache._cache.get_client() is client
        cache.set("k", {"a": 1}, 30)
        assert cache.get("k") == {"a": 1}
        assert cache.get_many(["k", "missing"]) == {"k": {"a": 1}}
        assert cache.incr("n", 1) if cache.add("n", 1) else True
        cache.delete_many(["k", "n"])
