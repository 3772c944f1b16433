"""Errors show a generic, translated page that repeats nothing of the request, and reports scrub it."""

import pytest
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import path

from aidhub import urls as project_urls
from aidhub.core.errors import PrivacyExceptionReporter, PrivacyExceptionReporterFilter


def _boom(request):
    raise ValueError("secret-canary-in-exception")


def _database_down(request):
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [
    path("boom/", _boom),
    path("database-down/", _database_down),
    *project_urls.urlpatterns,
]
handler500 = project_urls.handler500


@pytest.fixture
def failing_urls(settings):
    settings.ROOT_URLCONF = __name__


def test_server_error_page_is_generic_and_translated(failing_urls, db):
    client = Client(raise_request_exception=False)
    response = client.post("/boom/?k=private-token", {"first_name": "Canary"}, headers={"accept-language": "es"})
    assert response.status_code == 500
    assert "Algo salió mal" in response.text
    for secret in ("secret-canary", "Canary", "private-token", "Traceback"):
        assert secret not in response.text


def test_database_restart_gives_a_friendly_try_again_page(failing_urls, db):
    response = Client(raise_request_exception=False).get("/database-down/", headers={"accept-language": "ar"})
    assert response.status_code == 503
    assert "يرجى المحاولة مرة أخرى" in response.text


def test_not_found_page_is_translated(client, db):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.text


CANARIES = ("Name-canary", "+12025550143", "token-canary", "cookie-canary", "agent-canary", "203.0.113.9")


def _request_with_personal_data():
    return RequestFactory().post(
        "/en/help/?k=" + CANARIES[2],
        {"first_name": CANARIES[0], "contact_value": CANARIES[1]},
        headers={"cookie": f"sessionid={CANARIES[3]}", "user-agent": CANARIES[4]},
        REMOTE_ADDR=CANARIES[5],
    )


def test_error_reports_leave_out_what_people_sent():
    request = _request_with_personal_data()
    typed = request.POST["first_name"]  # a local variable holding what a person typed
    try:
        raise ValueError("boom")
    except ValueError as error:
        reporter = PrivacyExceptionReporter(request, type(error), error, error.__traceback__)
        assert isinstance(reporter.filter, PrivacyExceptionReporterFilter)
        report = reporter.get_traceback_text() + reporter.get_traceback_html()
    assert typed == CANARIES[0]
    # The report shows the source line CANARIES is defined on only if it is near the error; it is not.
    for canary in CANARIES:
        assert canary not in report
