"""Cached fragments: built once, rebuilt after the versions they depend on change, never shown stale."""

from django.core.cache import cache

from aidhub.lib import fragments


def _cached(builds, parts=("en",)):
    def build():
        builds.append(1)
        return f"<p>build {len(builds)}</p>"

    return fragments.cached("test", list(parts), versions=["offers", "reference"], build=build)


def test_built_once_then_read_from_the_cache(db):
    builds = []
    assert _cached(builds) == "<p>build 1</p>"
    assert _cached(builds) == "<p>build 1</p>"
    assert _cached(builds, parts=("es",)) == "<p>build 2</p>"


def test_a_bump_after_commit_rebuilds_what_depends_on_it(db, django_capture_on_commit_callbacks):
    builds = []
    _cached(builds)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        fragments.bump("reference")
    assert _cached(builds) == "<p>build 1</p>", "nothing changes before the commit"
    for callback in callbacks:
        callback()
    assert _cached(builds) == "<p>build 2</p>"


def test_an_evicted_version_rebuilds_too(db):
    builds = []
    _cached(builds)
    cache.delete("aidhub:version:offers")
    assert _cached(builds) == "<p>build 2</p>"
