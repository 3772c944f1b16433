"""The help form's questions are a cached fragment; the one-time submission id and CSRF token never are."""

import re

from django.db import connection
from django.test import Client
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
    # The questions with their long lists and the network settings (the privacy notice's retention period)
    # come from the cache.
    assert len(queries) == 0
    assert 'option value="' + str(eastside.pk) in second


def test_a_new_retention_period_shows_on_the_form_at_once(
    client, client_for, admin_user, eastside, django_capture_on_commit_callbacks
):
    reader = Client()
    assert "then 30 more days" in reader.get("/en/help/").text
    data = {
        "vetted_categories": ["legal"],
        "proposal_timeout_hours": 48,
        "request_retention_days": 14,
        "booking_retention_days": 30,
        "report_retention_days": 60,
        "unconfirmed_subscriber_days": 7,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin_user).post("/admin/core/networksettings/1/change/", data)
    assert response.status_code == 302
    assert "then 14 more days" in reader.get("/en/help/").text


def test_a_form_with_errors_is_never_taken_from_the_cache(client, eastside):
    client.get("/en/help/")
    response = client.post("/en/help/", help_form(eastside, first_name=""))
    assert response.status_code == 200
    assert "This field is required" in response.text
    assert response.text.count('name="submission_id"') == 1


def _value(text, name):
    return re.search(rf'name="{name}" value="([^"]+)"', text).group(1)


def test_the_whole_form_is_kept_and_each_visit_gets_fresh_values_that_work(eastside):
    family = Client(enforce_csrf_checks=True)
    first = family.get("/es/help/")
    second = family.get("/es/help/")
    # The second visit is the kept page: only the anti-bot field is rendered anew.
    assert "needs/ask.html" in [template.name for template in first.templates]
    assert "needs/ask.html" not in [template.name for template in second.templates]
    assert "aidhub-hole" not in second.text
    for name in ("submission_id", "csrfmiddlewaretoken", "antibot_challenge"):
        assert _value(first.text, name) != _value(second.text, name)
    # The family sends the form it was given: its CSRF token and submission id are accepted.
    data = help_form(eastside, submission_id=_value(second.text, "submission_id"))
    data["csrfmiddlewaretoken"] = _value(second.text, "csrfmiddlewaretoken")
    assert family.post("/es/help/", data).status_code == 302


def test_a_visitor_who_is_signed_in_gets_the_form_made_for_them(client, volunteer, eastside):
    client.get("/en/help/")
    client.force_login(volunteer)
    page = client.get("/en/help/")
    assert "needs/ask.html" in [template.name for template in page.templates], "rendered for the signed-in person"
    assert "Sign out" in page.text and "aidhub-hole" not in page.text
