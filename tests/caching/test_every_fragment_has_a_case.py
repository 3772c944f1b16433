"""Every cached fragment of the code has an isolation case (tests/caching/cases.py), found by reading the source: a
new `fragments.cached("name", …)` without a case fails here. Anything else that keeps data in the shared cache is
listed below with what it keeps; a new user of the cache fails until it is reviewed and listed."""

import ast
import re
from pathlib import Path

from django.conf import settings

from aidhub.core.models import NetworkSettings, Organization
from tests.caching import test_organizer_pages, test_public_pages, test_volunteer_pages
from tests.caching.cases import CASES

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "aidhub"
FRAGMENTS_MODULE = "aidhub.lib.fragments"
# Whole pages kept for visitors: pagecache.page(request, "name", …) keeps the fragment "page:name".
PAGECACHE_MODULE = "aidhub.lib.pagecache"

# Modules that read or write Django's cache themselves, and why what they keep shows no organization's data.
OTHER_CACHE_USERS = {
    "aidhub/lib/fragments.py": "the fragments themselves: each name has its case in CASES",
    "aidhub/lib/adapters/rediscache.py": "the Redis backend itself",
    "aidhub/catalogs/live.py": "the version (a timestamp) of the translation corrections, the same for every page",
    "aidhub/lib/antibot.py": "used anti-bot challenges and a flag: keyed by the challenge, hold no data",
    "aidhub/lib/counters.py": "rate-limit counters: numbers keyed by a hashed client or sender",
    "aidhub/phone/limits.py": "whether a caller was told of a rate limit: a flag keyed by a hashed sender",
    "aidhub/core/health.py": "the readiness probe's flag",
    "aidhub/core/models.py": "the network's one NetworkSettings row (no organization in it: asserted below)",
}


def _python_files():
    return sorted(path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts)


def _names_bound_to(tree, module, attribute):
    """Names a module binds to `module` (import … as …) and to `module.attribute` (from … import … as …)."""
    package, _dot, last = module.rpartition(".")
    modules, functions = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == package:
            modules |= {alias.asname or alias.name for alias in node.names if alias.name == last}
        elif isinstance(node, ast.ImportFrom) and node.module == module:
            functions |= {alias.asname or alias.name for alias in node.names if alias.name == attribute}
        elif isinstance(node, ast.Import):
            modules |= {alias.asname for alias in node.names if alias.name == module and alias.asname}
    return modules, functions


def _is_call_of(call, modules, functions, module=FRAGMENTS_MODULE, attribute="cached"):
    function = call.func
    if isinstance(function, ast.Name):
        return function.id in functions
    return (
        isinstance(function, ast.Attribute)
        and function.attr == attribute
        and (
            (isinstance(function.value, ast.Name) and function.value.id in modules)
            or ast.unparse(function.value) == module
        )
    )


def fragment_names_in_code():
    """{fragment name: [where it is cached]} for every fragments.cached call in aidhub/, and the calls whose name is
    not a literal string (which no table could cover)."""
    found: dict[str, list[str]] = {}
    unnamed: list[str] = []
    for path in _python_files():
        if path == PACKAGE / "lib" / "pagecache.py":
            continue  # the mechanism; its callers name their pages (below)
        tree = ast.parse(path.read_text(), filename=str(path))
        modules, functions = _names_bound_to(tree, FRAGMENTS_MODULE, "cached")
        page_modules, page_functions = _names_bound_to(tree, PAGECACHE_MODULE, "page")
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            if _is_call_of(node, modules, functions):
                prefix, position = "", 0
            elif _is_call_of(node, page_modules, page_functions, PAGECACHE_MODULE, "page"):
                prefix, position = "page:", 1
            else:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            name = (
                node.args[position]
                if len(node.args) > position
                else next((k.value for k in node.keywords if k.arg == "name"), None)
            )
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                found.setdefault(prefix + name.value, []).append(where)
            else:
                unnamed.append(where)
    return found, unnamed


def test_the_scan_finds_the_fragments_we_know():
    """The scan itself works: it finds fragments of every kind of page (else the test below would prove nothing)."""
    found, _unnamed = fragment_names_in_code()
    assert {"dashboard", "offers", "api-offers", "events", "event", "help-form", "queue-filters", "insights"} <= set(
        found
    )
    assert {"page:home", "page:offers", "page:events", "page:event", "page:help-form"} <= set(found)


def test_every_cached_fragment_has_an_isolation_case():
    # The modules of the cases register them (tests/caching/cases.py) when they are imported.
    assert test_organizer_pages and test_public_pages and test_volunteer_pages
    found, unnamed = fragment_names_in_code()
    assert not unnamed, f"fragment names must be literal strings, so that this test can find them: {unnamed}"
    missing = {name: where for name, where in found.items() if name not in CASES}
    assert not missing, (
        "cached fragments without an isolation case (add a test marked @isolates(name) in tests/caching that "
        f"shows one organization's data never reaches another through it): {missing}"
    )
    stale = set(CASES) - set(found)
    assert not stale, f"isolation cases of fragments the code no longer has: {stale}"


def _uses_the_cache(node):
    """An import of Django's cache (in any spelling), or of the view decorators that keep whole pages in it."""
    if isinstance(node, ast.Import):
        return any(alias.name.startswith("django.core.cache") for alias in node.names)
    if not isinstance(node, ast.ImportFrom) or node.module is None:
        return False
    names = {alias.name for alias in node.names}
    return (
        node.module.startswith("django.core.cache")
        or (node.module == "django.core" and "cache" in names)
        or bool(names & {"cache_page", "CacheMiddleware", "UpdateCacheMiddleware", "FetchFromCacheMiddleware"})
    )


def _cache_users():
    users = set()
    for path in _python_files():
        tree = ast.parse(path.read_text(), filename=str(path))
        if any(_uses_the_cache(node) for node in ast.walk(tree)):
            users.add(str(path.relative_to(ROOT)))
    return users


def test_nothing_else_keeps_pages_in_the_shared_cache():
    """Whole pages are never cached (no cache_page, no cache middleware, no {% cache %} in templates), and every
    other module that uses the cache is one reviewed above."""
    unreviewed = _cache_users() - set(OTHER_CACHE_USERS)
    assert not unreviewed, f"new users of the shared cache: review what they keep, then list them: {unreviewed}"
    assert not [name for name in settings.MIDDLEWARE if "CacheMiddleware" in name]
    cache_tag = re.compile(r"{%\s*(cache\s|load\b[^%]*\bcache\b)")
    template_files = sorted((ROOT / "templates").rglob("*")) + sorted(PACKAGE.rglob("templates/**/*"))
    templates = [
        str(path.relative_to(ROOT))
        for path in template_files
        if path.suffix in {".html", ".txt", ".xml"} and cache_tag.search(path.read_text())
    ]
    assert not templates, f"template fragment caching bypasses the isolation cases: {templates}"


def test_the_network_settings_kept_in_the_cache_belong_to_no_organization():
    related = {field.related_model for field in NetworkSettings._meta.get_fields() if field.is_relation}
    assert Organization not in related
