"""The help form's questions are a cached fragment; the one-time submission id and CSRF token never are."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.needs.helpers import help_form


def _submission_id(text):
    return re.search(r'name="submission_id" value="([^"]+)"', text).group(1)


def test_each_visit_gets_its_own_submission_id_from_the_cached_form(client, eastside):
    first = client.get("/es/help/").text
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/es/help/").text
    assert _submission_id(first) != _submission_id(second)
    assert second.count('name="submission_id"') == 1
    assert "Eastside" in second
    assert 'name="csrfmiddlewaretoken"' in second
    # Only the privacy notice's retention period is read; the questions and their long lists are cached.
    assert len(queries) == 1
    assert 'option value="' + str(eastside.pk) in second


def test_a_form_with_errors_is_never_taken_from_the_cache(client, eastside):
    client.get("/en/help/")
    response = client.post("/en/help/", help_form(eastside, first_name=""))
    assert response.status_code == 200
    assert "This field is required" in response.text
    assert response.text.count('name="submission_id"') == 1
