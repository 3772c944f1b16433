"""The backup procedure of docs/operations.md works: pg_dump in custom format, pg_restore into a scratch
database, the rows come back, and families' personal data comes back encrypted, readable only with the keys
that are kept outside the database. PostgreSQL only."""

import os
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.db import connection

from aidhub.core.models import Language
from aidhub.lib.adapters.encrypted_fields import cipher_of
from aidhub.lib.languages import COMMON_LANGUAGES
from aidhub.needs.models import HelpRequest
from tests.factories import HelpRequestFactory, OfferFactory

pytestmark = pytest.mark.slow


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore need PostgreSQL (set DATABASE_URL); CI runs this test")
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs pg_dump and pg_restore (postgresql-client)")
        pytest.skip("pg_dump and pg_restore are not installed (apt-get install postgresql-client)")
    # Another transactional test may have emptied every table, the languages of the data migration too.
    for code, name_en, native_name, is_rtl in COMMON_LANGUAGES:
        Language.objects.get_or_create(
            code=code, defaults={"name_en": name_en, "native_name": native_name, "is_rtl": is_rtl}
        )
    # pytest-django's test database, which this test fills and commits (transactional_db).
    parts = urlsplit(os.environ["DATABASE_URL"])
    return parts._replace(path=f"/{connection.settings_dict['NAME']}"), parts._replace(path="/postgres")


def _psql(url, sql):
    return subprocess.run(
        ["psql", "-At", url.geturl(), "-c", sql], check=True, capture_output=True, text=True
    ).stdout.strip()


def test_dump_restores_into_a_scratch_database_with_every_row(postgres, tmp_path):
    database, maintenance = postgres
    HelpRequestFactory(first_name="Rosa", contact_value="+12025550143")
    HelpRequestFactory.create_batch(4)
    OfferFactory.create_batch(3)
    dump = tmp_path / "aidhub.dump"
    subprocess.run(["pg_dump", "--format=custom", "--file", str(dump), database.geturl()], check=True)

    scratch = maintenance._replace(path=f"/{database.path.lstrip('/')}_restore")
    name = scratch.path.lstrip("/")
    _psql(maintenance, f'DROP DATABASE IF EXISTS "{name}"')
    _psql(maintenance, f'CREATE DATABASE "{name}"')
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "--dbname", scratch.geturl(), str(dump)], check=True
        )
        for table in ("needs_helprequest", "offers_offer", "accounts_user", "core_language", "django_migrations"):
            assert _psql(scratch, f"SELECT count(*) FROM {table}") == _psql(database, f"SELECT count(*) FROM {table}")
        stored = _psql(scratch, "SELECT first_name FROM needs_helprequest ORDER BY id LIMIT 1")
    finally:
        _psql(maintenance, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    # The backup holds the name only encrypted: the keys (SECRET_KEY, FIELD_ENCRYPTION_KEYS) open it, and
    # without them the backup says nothing.
    assert "Rosa" not in stored
    field = HelpRequest._meta.get_field("first_name")
    assert cipher_of(field).decrypt(stored.encode()).decode() == "Rosa"
    with pytest.raises(InvalidToken):
        Fernet(Fernet.generate_key()).decrypt(stored.encode())
