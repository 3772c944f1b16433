"""A read replica serves the reports (aidhub/lib/replica.py): a PostgreSQL primary and a streaming replica of it,
two clusters started by this test on this machine, with the app pointed at both (DATABASE_URL and
DATABASE_REPLICA_URL), as a deployment past one machine would be.

The proof that reports read the replica: with the replica's replay paused, a request finished on the primary is
missing from the export (replica) and present in the queue (primary); once replay resumes, the export has it.

Needs PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup): skipped without them, except in CI (CI=true)
on PostgreSQL, where they are installed and a missing one fails the test. Both clusters are stopped and removed at
the end, whatever happens."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

from tests.helpers import free_port
from tests.scratch import postgres_server, postgres_template

pytestmark = pytest.mark.slow

ROOT = Path(settings.BASE_DIR)


def _bin_dir():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_basebackup"))
    if found:
        return found[-1].parent
    if os.environ.get("CI") and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.fail("CI on PostgreSQL needs the server programs (initdb, pg_ctl, pg_basebackup)")
    pytest.skip("PostgreSQL's server programs are not installed; CI runs this test")


class Cluster:
    """One PostgreSQL cluster in a folder of its own, run by the `postgres` user when the test runs as root
    (PostgreSQL refuses to run as root)."""

    def __init__(self, bin_dir, folder, port):
        self.bin_dir, self.folder, self.port = bin_dir, folder, port

    def run(self, program, *args):
        command = [str(self.bin_dir / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{program} failed: {done.stderr[-2000:]}"
        return done

    def start(self):
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"), "-w", "-t", "60", "start")

    def stop(self):
        if (self.folder / "data" / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")

    def sql(self, statement):
        out = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "aidhub", "-Atc", statement],
            check=True,
            capture_output=True,
            text=True,
            timeout=30,
        )
        return out.stdout.strip()

    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/aidhub"


@pytest.fixture
def clusters():
    bin_dir = _bin_dir()
    # Not under pytest's temporary folder: the `postgres` user must be able to reach it.
    base = Path(tempfile.mkdtemp(prefix="aidhub-replica-"))
    os.chmod(base, 0o755)  # noqa: S103 (throwaway clusters only; the postgres user must reach them)
    primary = Cluster(bin_dir, base / "primary", free_port(range(15432, 15500)))
    replica = Cluster(bin_dir, base / "replica", free_port(range(15500, 15600)))
    for cluster in (primary, replica):
        cluster.folder.mkdir()
        if os.geteuid() == 0:
            shutil.chown(cluster.folder, "postgres", "postgres")
    try:
        # initdb with trust lets local connections replicate (its pg_hba has the replication lines).
        # --no-sync: a throwaway cluster need not wait for its files to reach the disk.
        primary.run(
            "initdb", "-D", str(primary.folder / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"
        )  # fmt: skip
        with open(primary.folder / "data" / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nport = {primary.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{primary.folder}'\nwal_level = replica\nfsync = off\n"
            )
        primary.start()
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres", "-c", "CREATE DATABASE aidhub"],
            check=True,
            capture_output=True,
        )
        # A fast checkpoint to start from: the default (spread) one paces its writes over minutes of
        # checkpoint_completion_target, which was 95 of this test's 110 s.
        replica.run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
            "-D", str(replica.folder / "data"), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync",
        )  # fmt: skip
        with open(replica.folder / "data" / "postgresql.conf", "a") as conf:
            conf.write(f"\nport = {replica.port}\nunix_socket_directories = '{replica.folder}'\nhot_standby = on\n")
        replica.start()
        assert replica.sql("SELECT pg_is_in_recovery()") == "t"
        yield primary, replica
    finally:
        replica.stop()
        primary.stop()
        shutil.rmtree(base, ignore_errors=True)


# Runs in the app's own process (manage.py shell), pointed at both clusters; prints what it saw as JSON.
SCENARIO = """
import csv, io, json, time
from django.db import connections
from django.test import Client
from aidhub.needs.models import HelpRequest
from tests.conftest import with_two_factor
from tests.factories import AreaFactory, HelpRequestFactory, MembershipFactory, OrganizationFactory, UserFactory
from tests.helpers import reauthenticate, sign_in

def caught_up():
    with connections["default"].cursor() as primary:
        primary.execute("SELECT pg_current_wal_lsn()")
        target = primary.fetchone()[0]
    for _ in range(300):
        with connections["replica"].cursor() as replica:
            replica.execute("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), %s) >= 0", [target])
            if replica.fetchone()[0]:
                return
        time.sleep(0.05)
    raise AssertionError("the replica did not catch up")

def replay(paused):
    with connections["replica"].cursor() as replica:
        replica.execute("SELECT pg_wal_replay_pause()" if paused else "SELECT pg_wal_replay_resume()")

def exported(client):
    response = client.get("/en/organize/requests/export.csv")
    assert response.status_code == 200, response.status_code
    text = b"".join(response.streaming_content).decode().removeprefix("\\ufeff")
    return sorted(row[0] for row in list(csv.reader(io.StringIO(text)))[1:])

city = AreaFactory(name="Riverside", slug="riverside", kind="city")
user = UserFactory(email="organizer@example.org")
MembershipFactory(organization=OrganizationFactory(name="Riverside Aid", areas=[city]), user=user)
with_two_factor(user)
first = HelpRequestFactory(area=city, status="done")
client = Client()
sign_in(client, user)
reauthenticate(client)
caught_up()
seen = {"before": exported(client)}
replay(paused=True)
later = HelpRequestFactory(area=city, status="done")
seen["paused"] = exported(client)
seen["queue_has_it"] = later.reference_code in client.get("/en/organize/requests/?status=done").content.decode()
seen["primary"] = sorted(HelpRequest.objects.filter(status="done").values_list("reference_code", flat=True))
replay(paused=False)
caught_up()
seen["resumed"] = exported(client)
seen["first"], seen["later"] = first.reference_code, later.reference_code
print("SCENARIO " + json.dumps(seen))
"""


def _migrated(primary, env, tmp_path_factory):
    """The primary's database as `migrate` makes it (the replica follows): a copy of the run's migrated database
    (tests/scratch.py) when the local PostgreSQL server answers, as migrating costs some 9 s of CPU; migrated here
    otherwise. The dump is read with the clusters' own programs, of the same major version as the server."""
    import psycopg

    try:
        template = postgres_server()._replace(path=f"/{postgres_template(tmp_path_factory)}").geturl()
    except psycopg.OperationalError:
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        return
    dump = subprocess.run(
        [str(primary.bin_dir / "pg_dump"), "--no-owner", "--no-privileges", template],
        check=True,
        capture_output=True,
        timeout=120,
    )
    subprocess.run(
        [str(primary.bin_dir / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", primary.url()],
        input=dump.stdout,
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_reports_read_the_replica_and_everything_else_the_primary(clusters, tmp_path_factory):
    primary, replica = clusters
    env = {
        **os.environ,
        "DEBUG": "false",
        "DEV_DATA_APP": "true",
        "SECRET_KEY": "replica-test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "FIELD_ENCRYPTION_KEYS": "replica-test-field-key",
        "DATABASE_URL": primary.url(),
        "DATABASE_REPLICA_URL": replica.url(),
        "CACHE_URL": "locmemcache://",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_MANIFEST": "false",
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, "manage.py"]
    _migrated(primary, env, tmp_path_factory)
    result = subprocess.run(
        [*manage, "shell", "-c", SCENARIO], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.split("SCENARIO ", 1)[1])
    first, later = seen["first"], seen["later"]
    assert seen["before"] == [first]
    # Replay paused: the primary and the queue (which reads it) have the new request; the export does not.
    assert seen["primary"] == sorted([first, later])
    assert seen["queue_has_it"] is True
    assert seen["paused"] == [first]
    assert seen["resumed"] == sorted([first, later])
