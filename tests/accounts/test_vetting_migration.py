"""Vetting moved from matching to accounts (accounts.0004): the rows that existed stay, as confirmations with
who and when. Run on SQLite here and on PostgreSQL in CI."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from aidhub.accounts.models import Vetting

pytestmark = pytest.mark.slow

BEFORE = [("accounts", "0003_alter_user_language"), ("matching", "0003_list_indexes")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_vetting_rows_move_to_accounts_and_stay_confirmations():
    old_apps = _migrate(BEFORE)
    user_model = old_apps.get_model("accounts", "User")
    old_vetting = old_apps.get_model("matching", "Vetting")
    volunteer = user_model.objects.create(email="lawyer@example.org")
    organizer = user_model.objects.create(email="organizer@example.org")
    vetted = old_vetting.objects.create(volunteer=volunteer, category="legal", vetted_by=organizer)

    executor = MigrationExecutor(connection)
    _migrate(executor.loader.graph.leaf_nodes())

    row = Vetting.objects.get()
    assert (row.pk, row.volunteer_id, row.category) == (vetted.pk, volunteer.pk, "legal")
    assert row.status == Vetting.Status.VETTED
    assert (row.decided_by_id, row.decided_at) == (organizer.pk, vetted.vetted_at)
    assert row.requested_at is None
    assert Vetting._meta.db_table in connection.introspection.table_names()
    assert "matching_vetting" not in connection.introspection.table_names()
    # New rows get new ids after the kept ones (the sequence came along with the table).
    assert Vetting.objects.create(volunteer_id=organizer.pk, category="childcare", status="requested").pk > row.pk
