"""The test database, migrated or copied from its snapshot (tests/testdb.py), has every migration applied and the
rows the data migrations load: a snapshot that missed a migration would fail here, not in some unrelated test."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from aidhub.core.models import Language
from aidhub.lib.languages import COMMON_LANGUAGES


@pytest.mark.django_db
def test_every_migration_is_applied_and_the_languages_are_loaded():
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    assert Language.objects.count() >= len(COMMON_LANGUAGES)
