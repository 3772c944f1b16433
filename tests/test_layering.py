"""The house stays a tree (docs/developing.md): each app imports only the apps below it. In particular events
and offers ask aidhub.accounts.capabilities about vetting and never reach into matching."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ALLOWED = {
    "core": set(),
    "messaging": set(),
    "accounts": {"core", "messaging"},
    "offers": {"core", "accounts", "messaging"},
    "needs": {"core", "accounts", "messaging"},
    "events": {"core", "accounts", "messaging"},
    "alerts": {"core", "accounts", "messaging"},
    "resources": {"core", "accounts", "messaging"},
    "matching": {"core", "accounts", "messaging", "offers", "needs"},
}


def _imported_apps(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "aidhub" and len(parts) > 1:
                yield parts[1]


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_an_app_imports_only_the_apps_below_it(app):
    folder = Path(settings.BASE_DIR) / "aidhub" / app
    wrong = sorted(
        f"{path.relative_to(folder.parent)} imports aidhub.{imported}"
        for path in folder.rglob("*.py")
        if "migrations" not in path.parts
        for imported in _imported_apps(path)
        if imported != app and imported in ALLOWED and imported not in ALLOWED[app]
    )
    assert wrong == []
