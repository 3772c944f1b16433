"""docs/privacy.md lists every field of every AidHub model: adding a field without saying what it holds,
who sees it and when it is deleted fails here."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

LISTED = re.compile(r"`(\w+\.\w+\.\w+)`")


def _inventory():
    return set(LISTED.findall((Path(settings.BASE_DIR) / "docs" / "privacy.md").read_text(encoding="utf-8")))


def _fields():
    for model in apps.get_models():
        if model.__module__.startswith("aidhub."):
            for field in model._meta.get_fields():
                if (field.concrete or field.many_to_many) and not field.auto_created:
                    yield f"{model._meta.label}.{field.name}"


def test_every_model_field_is_in_the_privacy_inventory():
    missing = sorted(set(_fields()) - _inventory())
    assert missing == [], f"Describe these fields in docs/privacy.md: {missing}"


def test_the_inventory_lists_no_field_that_does_not_exist():
    fields = set(_fields())
    stale = sorted(
        name
        for name in _inventory()
        if name not in fields
        and name.split(".")[0] in {"core", "accounts", "offers", "needs", "matching", "events", "alerts", "resources"}
    )
    assert stale == []
