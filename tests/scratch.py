"""Migrated scratch databases for the tests that run the app in processes of their own (gunicorn servers, RQ
workers, a replica): each test gets a database of its own, copied from one that Django's migrations made once per
test run (or, for SQLite, from the snapshot of the test database's migrations, tests/testdb.py, when there is one).

Migrating costs some 9 s of CPU each time (Django renders the state of every migration), far more on a busy
machine; a copy costs well under a second. The copy is what `migrate` would have made: the same migrations ran,
data migrations and post-migrate rows included, and nothing else touched it.

Under pytest-xdist the workers share the originals: whichever worker first needs one makes it, under a file lock, in
the run's temporary folder (the folder above each worker's own). The PostgreSQL original is a database on the
server: the process that ends the run drops it (drop_postgres_template, called by tests/conftest.py)."""

import os
import shutil
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import SplitResult, urlsplit

from django.conf import settings

from tests.helpers import run_lock

ROOT = Path(settings.BASE_DIR)
# Where the original PostgreSQL database's name is written, in the run's shared temporary folder.
TEMPLATE_NAME_FILE = "scratch-postgres-template.txt"


def shared_folder(tmp_path_factory) -> Path:
    """The temporary folder of the whole run: the parent of a worker's own under xdist, the run's own without it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def postgres_server() -> SplitResult:
    """The PostgreSQL server of the tests' scratch databases: DATABASE_URL's, or the local one on SQLite runs."""
    url = os.environ.get("DATABASE_URL", "")
    return urlsplit(url if url.startswith("postgres") else "postgres://postgres@127.0.0.1:5432/aidhub")


def _migrate(database_url: str) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "scratch-migrate-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "FIELD_ENCRYPTION_KEYS": "scratch-migrate-field-key",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"migrate failed: {done.stderr[-3000:]}"


def migrated_sqlite(request, destination: Path) -> str:
    """A copy of a migrated SQLite database at `destination`; returns its DATABASE_URL. The copy is of the snapshot
    of the test database's migrations (tests/testdb.py) when there is one, of one migrated in this run otherwise."""
    from tests.testdb import cache_folder, snapshot_name

    folder = cache_folder(request.config)
    snapshot = folder / snapshot_name() if folder else None
    if snapshot is not None and snapshot.exists():
        shutil.copyfile(snapshot, destination)
        return f"sqlite:///{destination}"
    shared = shared_folder(request.getfixturevalue("tmp_path_factory"))
    original = shared / "scratch-migrated.sqlite3"
    with run_lock(shared / "scratch-migrated.sqlite3.lock"):
        if not original.exists():
            # Made under another name and renamed when complete: a failed migrate leaves no half-made original.
            making = shared / f"scratch-migrating-{uuid.uuid4().hex[:8]}.sqlite3"
            _migrate(f"sqlite:///{making}")
            making.rename(original)
    shutil.copyfile(original, destination)
    return f"sqlite:///{destination}"


def _admin(server: SplitResult) -> str:
    return server._replace(path="/postgres").geturl()


def postgres_template(tmp_path_factory) -> str:
    """The name of this run's migrated PostgreSQL database on postgres_server(), made by the first caller. Raises
    psycopg.OperationalError when the server does not answer."""
    import psycopg

    server = postgres_server()
    shared = shared_folder(tmp_path_factory)
    name_file = shared / TEMPLATE_NAME_FILE
    with run_lock(shared / f"{TEMPLATE_NAME_FILE}.lock"):
        if name_file.exists():
            return name_file.read_text()
        name = f"{server.path.lstrip('/')}_template_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(_admin(server), autocommit=True, connect_timeout=2) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        try:
            _migrate(server._replace(path=f"/{name}").geturl())
        except BaseException:
            _drop(server, name)
            raise
        # Named for the others (and for drop_postgres_template) once complete: never a half-migrated original.
        name_file.write_text(name)
        return name


@contextmanager
def postgres_copy(template: str, tag: str):
    """A new database copied from the migrated one (CREATE DATABASE … TEMPLATE); yields its URL, drops it after."""
    import psycopg

    server = postgres_server()
    name = f"{server.path.lstrip('/')}_{tag}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(_admin(server), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield server._replace(path=f"/{name}").geturl()
    finally:
        _drop(server, name)


def _drop(server: SplitResult, name: str) -> None:
    import psycopg

    with psycopg.connect(_admin(server), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def drop_postgres_template(folder: Path) -> None:
    """Drops the run's migrated PostgreSQL database, if a test made one (at the end of the run)."""
    name_file = folder / TEMPLATE_NAME_FILE
    if name_file.exists():
        _drop(postgres_server(), name_file.read_text())
        name_file.unlink()
