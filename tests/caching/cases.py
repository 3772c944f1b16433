"""The table of isolation cases: which tests prove, for each cached fragment, that no organization (or volunteer, or
visitor) is shown what the cache kept for another. tests/caching/test_every_fragment_has_a_case.py fails for a
fragment of the code without one, and for a case of a fragment the code no longer has."""

from collections.abc import Callable
from typing import Any

# Fragment name → the tests (module:function) that prove it is kept apart.
CASES: dict[str, list[str]] = {}


def isolates(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Registers the decorated test as an isolation case of these fragments."""

    def register(test: Callable[..., Any]) -> Callable[..., Any]:
        for name in names:
            CASES.setdefault(name, []).append(f"{test.__module__}:{test.__name__}")
        return test

    return register


def uses(log, name):
    """The uses of fragment `name` in the log, in order."""
    found = [use for use in log if use.name == name]
    assert found, f"no page used the fragment {name!r}: the case does not exercise it"
    return found


def assert_read_back(log, name):
    """The fragment was built once and read back from the cache at least once: the cache is really on, and a
    later reader was really offered what it held."""
    seen = uses(log, name)
    assert seen[0].built, f"{name!r}: the first use should build it (the cache starts empty)"
    assert any(not use.built for use in seen), f"{name!r}: never read back from the cache (is caching on?)"
