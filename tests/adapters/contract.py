"""What a contract test says when a library no longer gives what its adapter (aidhub/lib/adapters/) relies on:
the library, the version installed, the version the adapter was checked against, and what broke."""

import re
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path

import pytest
from django.conf import settings


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(distribution):
    """The version requirements.txt pins (plain or with hashes, extras allowed)."""
    text = (Path(settings.BASE_DIR) / "requirements.txt").read_text(encoding="utf-8")
    for name, pin in re.findall(r"^([A-Za-z0-9][A-Za-z0-9_.-]*)(?:\[[^\]]*\])?==([^\s\\;]+)", text, flags=re.M):
        if _canonical(name) == _canonical(distribution):
            return pin
    raise AssertionError(f"requirements.txt pins no {distribution}")


@contextmanager
def relied_on(adapter, what):
    """Turns any failure inside into one message that says which upgrade broke which promise."""
    try:
        yield
    except Exception as error:
        broken = error
    else:
        return
    # The message stands alone, not as "during handling of the above exception".
    raise pytest.fail.Exception(
        f"{adapter.DISTRIBUTION} {version(adapter.DISTRIBUTION)} is installed; {adapter.__name__} was checked "
        f"against {adapter.VERIFIED_WITH} (requirements.txt pins {pinned(adapter.DISTRIBUTION)}) and relies on "
        f"{what}. That broke: {type(broken).__name__}: {broken}. Adapt the adapter, and this contract, before "
        "upgrading.",
        pytrace=False,
    ) from None


def check_verified_version(adapter):
    """An upgrade of the pin is a deliberate step: run tests/adapters, adapt, then move VERIFIED_WITH."""
    pin = pinned(adapter.DISTRIBUTION)
    assert pin == adapter.VERIFIED_WITH, (
        f"requirements.txt pins {adapter.DISTRIBUTION}=={pin}, but {adapter.__name__} was checked against "
        f"{adapter.VERIFIED_WITH}: run tests/adapters with {pin} installed, adapt the adapter where its contract "
        f"fails, then set VERIFIED_WITH = {pin!r}."
    )
