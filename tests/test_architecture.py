"""The picture in docs/architecture.md is the code's: each package imports only what its row allows, every
package under aidhub/ has a row, and no two modules import each other (anywhere in the file, not only at the top)."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGE = ROOT / "aidhub"


def _allowed():
    """The "Who may import whom" table of docs/architecture.md: {package: set of packages, or None for any}."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Who may import whom", 1)[1].split("\n## ", 1)[0]
    allowed = {}
    for package, imports in re.findall(r"^\| `(\w+)` \| ([^|]+) \|$", section, flags=re.M):
        imports = imports.strip()
        allowed[package] = (
            None if imports == "*" else set() if imports == "-" else set(imports.replace(" ", "").split(","))
        )
    return allowed


ALLOWED = _allowed()


def _modules():
    """Every module of the project (migrations left out), by dotted name."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


MODULES = _modules()


def _resolve(name):
    """The module an imported name lives in: `aidhub.core.models.Area` → `aidhub.core.models`."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _imports(path):
    """The project modules a file imports, wherever the import statement is."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if name.split(".")[0] == "aidhub" and (module := _resolve(name)):
                yield module


def _package(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (PACKAGE / parts[-1]).is_dir() else None


def test_every_package_has_a_row():
    packages = sorted(path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists())
    assert [package for package in packages if package not in ALLOWED] == []
    assert sorted(set(ALLOWED) - set(packages)) == []


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_package_imports_only_what_its_row_allows(package):
    if ALLOWED[package] is None:
        return
    wrong = sorted(
        f"{module} imports {imported}"
        for module, path in MODULES.items()
        if _package(module) == package
        for imported in _imports(path)
        if (target := _package(imported)) not in (None, package) and target not in ALLOWED[package]
    )
    assert wrong == []


# The top floor, and the development data that production does not install: nothing else imports them.
@pytest.mark.parametrize("top", ["portal", "devdata"])
def test_nothing_imports_the_top_floor(top):
    wrong = sorted(
        f"{module} imports {imported}"
        for module, path in MODULES.items()
        if _package(module) not in (None, top)
        for imported in _imports(path)
        if _package(imported) == top
    )
    assert wrong == []


def test_no_two_modules_import_each_other():
    # A package's __init__ re-exporting its own submodules is not a loop.
    graph = {
        module: {
            imported for imported in _imports(path) if imported != module and not imported.startswith(module + ".")
        }
        for module, path in MODULES.items()
    }
    loops = []
    for start in graph:
        # Depth-first search for a path back to the start.
        stack, seen = [(start, [start])], set()
        while stack:
            module, trail = stack.pop()
            for imported in graph.get(module, ()):
                if imported == start:
                    loops.append(" → ".join([*trail, start]))
                elif imported not in seen:
                    seen.add(imported)
                    stack.append((imported, [*trail, imported]))
    assert loops == []
