"""The SQLite test database from a snapshot: each pytest worker builds its in-memory test database by running every
migration (some 6 s of a core each, before its first test), and every run did so again. The first worker to migrate
keeps a copy of the result (SQLite's backup API) under pytest's cache folder; later workers and runs copy it into
their own in-memory database in a fraction of a second.

The snapshot is named after what makes the schema and its rows: the migration files of every installed app, the
data a migration loads from our code (the list of languages), Django's and SQLite's versions. A change to any of
them makes a new snapshot; `pytest --create-db` ignores it and migrates. PostgreSQL (CI) always migrates."""

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db import connections

# Our modules whose data a migration loads (aidhub/core/migrations/0002_load_common_languages.py).
MIGRATION_DATA = ["aidhub/lib/languages.py"]


def snapshot_name() -> str:
    digest = hashlib.sha256(f"{django.get_version()} {sqlite3.sqlite_version}".encode())
    for app in sorted(apps.get_app_configs(), key=lambda app: app.label):
        digest.update(app.label.encode())
        for path in sorted(Path(app.path, "migrations").glob("*.py")):
            digest.update(path.name.encode() + path.read_bytes())
    for name in MIGRATION_DATA:
        digest.update(Path(settings.BASE_DIR, name).read_bytes())
    return f"sqlite-{digest.hexdigest()[:20]}.sqlite3"


@contextmanager
def from_snapshot(folder: Path | None) -> Iterator[None]:
    """While test databases are set up: an in-memory SQLite test database comes from the snapshot in `folder`,
    or is migrated and then kept there."""
    connection = connections["default"]
    in_memory = connection.vendor == "sqlite" and connection.settings_dict["TEST"]["NAME"] in (None, "", ":memory:")
    if folder is None or not in_memory:
        yield
        return
    creation = connection.creation
    migrate = creation.create_test_db
    snapshot = folder / snapshot_name()

    def create_test_db(verbosity=1, autoclobber=False, keepdb=False):  # as setup_databases calls it
        if not snapshot.exists():
            name = migrate(verbosity=verbosity, autoclobber=autoclobber, keepdb=keepdb)
            _keep(connection.connection, snapshot)
            return name
        name = creation._get_test_db_name()
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = name
        connection.settings_dict["NAME"] = name
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        # `migrate` runs the system checks first, which also learn what this SQLite can do (a JSON field's check
        # asks it): tests that run the checks without the database rely on that, as on a migrated database.
        checks.run_checks(databases=[connection.alias])
        return name

    creation.create_test_db = create_test_db  # type: ignore[method-assign]
    try:
        yield
    finally:
        creation.create_test_db = migrate  # type: ignore[method-assign]


def _keep(database: sqlite3.Connection, snapshot: Path) -> None:
    """Written beside and renamed: two workers migrating at once each write a whole file, and neither reads half."""
    partial = snapshot.with_name(f"{snapshot.name}.{os.getpid()}.partial")
    copy = sqlite3.connect(partial)
    try:
        database.backup(copy)
    finally:
        copy.close()
    os.replace(partial, snapshot)


def cache_folder(config) -> Path | None:
    cache: Callable | None = getattr(getattr(config, "cache", None), "mkdir", None)
    return None if cache is None else Path(cache("aidhub-testdb"))
