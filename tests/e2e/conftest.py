"""Real-browser tests: Playwright drives Debian's Chromium against the real application, served as in production.

The server is Django's live-server thread inside the test process, so it shares the test database (SQLite in
memory or PostgreSQL), the cache and the text-message outbox (locmem) with the tests. Unlike pytest-django's
`live_server`, it serves /static/ through WhiteNoise from files collected into a STATIC_ROOT of its own by the
manifest storage: hashed names, Brotli and gzip files, Cache-Control as a phone gets them in production.
These tests run last (see tests/conftest.py), since those production static settings stay on once collected.
"""

import hashlib
import os
import shutil
from importlib import import_module, metadata
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings

from aidhub.lib.adapters.allauth import new_totp_secret
from tests.e2e.browser import Visit
from tests.factories import organizer_with_authenticator
from tests.helpers import free_port, run_lock

load_common_languages = import_module("aidhub.core.migrations.0002_load_common_languages").load

# Debian's Chromium, as its headless shell (package chromium-headless-shell): the same Blink and V8 as
# /usr/bin/chromium without the rest of a desktop browser, and what Playwright itself launches for headless runs.
# Measured on 2 cores: the browser tests took 486 CPU-seconds instead of 656 (wall 277 s instead of 349 s), with
# screenshots identical pixel for pixel. /usr/bin/chromium (package chromium) runs them the same way when the
# shell is not installed.
CHROMIUMS = [Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium")]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
PORTS = range(8400, 8500)  # servers started for tests listen on these only


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)
            # The server thread answers from its own connection: the test's data must be committed.
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.e2e_failed = report.failed
    return report


@pytest.fixture(scope="session")
def chromium_path():
    for chromium in CHROMIUMS:
        if chromium.exists():
            return chromium
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{CHROMIUMS[0]} is missing: .ci/run installs it (apt-get install chromium-headless-shell).")
    pytest.skip("browser tests need Debian's Chromium (apt-get install chromium-headless-shell); skipped")


@pytest.fixture(scope="session")
def production_static(request, tmp_path_factory):
    """`collectstatic` as in production, into a STATIC_ROOT of its own; then WhiteNoise serves only those files.

    Compressing every file (Brotli and gzip) takes ~20 s of a core, so the collection is kept between runs in
    pytest's cache folder (.pytest_cache, or a temporary folder with the cache plugin off), under a hash of
    everything it is made of (see `static_key`): the workers of a run and the runs after it reuse it until a
    static file, a setting or a version changes. The first to get here collects, the others wait on the lock."""
    production = override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
        # The test computes the authenticator code a moment before the server checks it: accept the code of the
        # neighbouring 30-second period, so that a code made at the end of one is not refused at the start of
        # the next.
        MFA_TOTP_TOLERANCE=1,
        ALLOWED_HOSTS=["127.0.0.1"],
    )
    production.enable()
    try:
        cache = getattr(request.config, "cache", None)
        if cache:
            folder = cache.mkdir("e2e-staticfiles")
        else:  # beside the temporary folders of the runs (or of this run's workers), which pytest cleans up
            folder = tmp_path_factory.getbasetemp().parent / "e2e-staticfiles"
            folder.mkdir(exist_ok=True)
        root = folder / static_key()
        with run_lock(folder / "lock"):
            if not root.exists():
                # Collected beside it, then renamed: a run stopped half-way leaves no folder that looks complete.
                partial = folder / f"{root.name}.{os.getpid()}.partial"
                shutil.rmtree(partial, ignore_errors=True)
                with override_settings(STATIC_ROOT=partial):
                    call_command("collectstatic", interactive=False, verbosity=0)
                partial.rename(root)
                for old in folder.iterdir():
                    if old.is_dir() and old != root:  # earlier collections, and partial ones of stopped runs
                        shutil.rmtree(old, ignore_errors=True)
        with override_settings(STATIC_ROOT=root):
            yield root
    finally:
        production.disable()


def static_key():
    """A hash of what `collectstatic` makes its files of: every source file the finders list (name and bytes),
    the static settings, and the versions of the code that hashes and compresses them."""
    digest = hashlib.sha256()
    for name in ("STATIC_URL", "STORAGES"):
        digest.update(repr((name, getattr(settings, name))).encode())
    for name in sorted(dir(settings)):
        if name.startswith("WHITENOISE_"):
            digest.update(repr((name, getattr(settings, name))).encode())
    for package in ("django", "whitenoise", "brotli"):
        digest.update(f"{package} {metadata.version(package)}".encode())
    ignore_patterns = apps.get_app_config("staticfiles").ignore_patterns
    found = {}
    for finder in finders.get_finders():
        for path, storage in finder.list(ignore_patterns):
            found.setdefault(path, storage.path(path))  # the first finder's file wins, as in collectstatic
    for path in sorted(found):
        digest.update(path.encode() + b"\0" + Path(found[path]).read_bytes() + b"\0")
    return digest.hexdigest()[:20]


@pytest.fixture(scope="session")
def e2e_server(chromium_path, production_static, django_db_setup, django_db_blocker):
    """The application on http://127.0.0.1:84xx in a thread; WhiteNoise (not Django's handler) serves /static/."""
    # An in-memory SQLite test database lives in this process's connection: the server thread shares it.
    shared = {conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()}
    for conn in shared.values():
        conn.inc_thread_sharing()
    server = LiveServerThread(
        "127.0.0.1", static_handler=lambda app: app, connections_override=shared, port=free_port(PORTS)
    )
    server.daemon = True
    server.start()
    server.is_ready.wait()
    try:
        if server.error:
            raise server.error
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API keeps an event loop on this thread, which Django takes for an async context;
    # the tests' database calls are plain synchronous code, so Django's guard is lifted while the browser runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def visit(request, browser, e2e_server):
    """The people of a test, each with a phone (`visit.phone("family")`): a fresh browser profile at 360 × 740."""
    people = Visit(browser, e2e_server, PHONE)
    yield people
    if getattr(request.node, "e2e_failed", False):
        for phone in people.phones:
            phone.close()
    else:
        people.close()


@pytest.fixture(autouse=True)
def common_languages(transactional_db):
    """The languages people speak, which a data migration loads: a transactional test before may have emptied
    every table. (Django's serialized rollback cannot help here: while Playwright's event loop runs, this
    thread's code sees other database connection objects than those that hold the serialized data.)"""
    load_common_languages(apps, None)


@pytest.fixture
def two_factor_secret():
    return new_totp_secret()


@pytest.fixture
def organizer_e2e(organization, two_factor_secret):
    """An organizer of Riverside (Eastside is inside it) whose authenticator app holds `two_factor_secret`."""
    return organizer_with_authenticator(organization, "organizer@example.org", two_factor_secret)
