"""A PostgreSQL restart while AidHub runs: the next request reconnects by itself (CONN_HEALTH_CHECKS)."""

import psycopg
import pytest
from django.db import close_old_connections, connection


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL; CI runs it")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_app_recovers_after_its_database_connection_is_killed(client, offer):
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = 600  # persistent, as in production
    # The offer's own page reads the database on every request (the list may come from a cached fragment).
    page = f"/en/offers/{offer.pk}/"
    try:
        assert client.get(page).status_code == 200
        killed_pid = connection.connection.info.backend_pid
        params = connection.get_connection_params()
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [killed_pid])
        # What Django's request handler does at the start of every request (the test client leaves it out):
        # with CONN_HEALTH_CHECKS, a dead connection is noticed and replaced instead of failing the request.
        close_old_connections()
        response = client.get(page)
        assert response.status_code == 200
        assert offer.title in response.text
        assert connection.connection.info.backend_pid != killed_pid
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = 0
        connection.close()


def test_huge_numbers_in_urls_and_filters_are_not_found_not_errors(client, offer, eastside):
    huge = "9223372036854775808"
    assert client.get(f"/en/offers/{huge}/").status_code == 404
    assert client.get("/en/offers/", {"area": huge, "language": huge}).status_code == 200
    assert client.get("/en/organizations/", {"area": huge}).status_code == 200
