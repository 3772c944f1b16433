"""The lock files say what the .in files ask for: every direct pin of requirements*.in is in its compiled
requirements*.txt at the same version (a pin changed without `make lock` fails here), every package has its hashes
(`pip install --require-hashes` needs them), and the development lock agrees with the runtime one."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", flags=re.M)


def _name(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(filename):
    return {_name(name): version for name, version in PIN.findall((ROOT / filename).read_text(encoding="utf-8"))}


@pytest.mark.parametrize(
    ("source", "lock"), [("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")]
)
def test_every_direct_pin_is_in_the_lock_file_at_its_version(source, lock):
    locked = _pins(lock)
    assert {name: locked.get(name) for name in _pins(source)} == _pins(source)


@pytest.mark.parametrize("lock", ["requirements.txt", "requirements-dev.txt"])
def test_every_locked_package_has_hashes(lock):
    entries = re.split(r"^(?=[A-Za-z0-9])", (ROOT / lock).read_text(encoding="utf-8"), flags=re.M)[1:]
    assert len(entries) == len(_pins(lock)) > 10
    assert [entry.split()[0] for entry in entries if "--hash=sha256:" not in entry] == []


def test_the_development_lock_installs_what_production_runs():
    development = _pins("requirements-dev.txt")
    assert {name: development.get(name) for name in _pins("requirements.txt")} == _pins("requirements.txt")
