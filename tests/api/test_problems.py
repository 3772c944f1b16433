"""Every error under /api/ is an RFC 9457 problem document (application/problem+json with type, title, status and
detail), whichever part of the stack answers it: our endpoints, ninja's authentication, validation, throttling and
routing, Django's require_safe, CSRF refusal, 400 and 500 pages, the catch-all of unknown paths."""

import pytest
from django.test import Client

from aidhub.api.api import api
from tests.helpers import api_token_for


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response, status, kind):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= {"type", "title", "status", "detail"}
    assert body["status"] == status and body["type"].endswith(f"#problem-{kind}")
    assert body["title"] and body["detail"]
    return body


def test_401_without_a_token(client, db):
    response = client.get("/api/requests")
    assert_problem(response, 401, "unauthorized")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_403_a_read_token_on_a_write(client, organizer):
    response = client.post("/api/events", {}, content_type="application/json", headers=bearer(api_token_for(organizer)))
    assert_problem(response, 403, "forbidden")


def test_404_an_object_outside_the_token_owners_scope(client, organizer, other_organizer, help_request):
    response = client.get(f"/api/requests/{help_request.pk}", headers=bearer(api_token_for(other_organizer)))
    assert_problem(response, 404, "not-found")


def test_404_an_unknown_path(client, db):
    assert_problem(client.get("/api/no/such/thing"), 404, "not-found")


def test_422_parameters_not_valid(client, organizer):
    response = client.get("/api/offers?status=nonsense", headers=bearer(api_token_for(organizer)))
    body = assert_problem(response, 422, "invalid")
    assert body["errors"] == [{"loc": ["query", "status"], "msg": "Unknown status."}]


def test_429_too_many_requests(client, settings, db):
    settings.API_RATES = {"token": (100, 600), "public": (1, 600)}
    client.get("/api/public/areas")
    response = client.get("/api/public/areas")
    assert_problem(response, 429, "too-many-requests")
    assert int(response["Retry-After"]) > 0


@pytest.mark.parametrize(
    ("method", "url", "allowed"),
    [
        ("post", "/api/public/offers", "GET"),  # a public endpoint (ninja)
        ("delete", "/api/offers", "GET"),  # an organizers' endpoint, before any token is asked for (ninja)
        ("get", "/api/offers/1/review", "POST"),
        ("put", "/api/requests", "GET, POST"),
        ("post", "/api/docs", "GET, HEAD"),  # our own pages (Django's require_safe)
        ("patch", "/api/openapi.json", "GET, HEAD"),
    ],
)
def test_405_with_the_allow_header(client, organizer, method, url, allowed):
    response = getattr(client, method)(url, headers=bearer(api_token_for(organizer, scope="write")))
    body = assert_problem(response, 405, "method-not-allowed")
    assert response["Allow"] == allowed and allowed in body["detail"]


def test_405_follows_the_requests_language(client, db):
    response = client.delete("/api/public/areas", headers={"Accept-Language": "es"})
    assert response.status_code == 405 and response.json()["title"] != "This method is not allowed here"


def test_the_documentation_page_lists_the_405_problem(client, db):
    assert 'id="problem-method-not-allowed"' in client.get("/api/docs").content.decode()


def test_a_csrf_refusal_on_our_own_pages_is_a_problem(db):
    """Django's CSRF check answers before the view, with its HTML page: under /api/ it is a problem too."""
    response = Client(enforce_csrf_checks=True).post("/api/docs")
    assert_problem(response, 403, "forbidden")


def test_a_request_django_cannot_accept_is_a_problem(client, db):
    assert_problem(client.get("/api/public/areas", HTTP_HOST="not-ours.example"), 400, "invalid")


def test_a_server_error_is_a_problem_that_tells_nothing(db, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(api, "get_openapi_schema", broken)
    response = Client(raise_request_exception=False).get("/api/openapi.json")
    body = assert_problem(response, 500, "server-error")
    assert "secret" not in response.content.decode() and "RuntimeError" not in str(body)


def test_errors_outside_the_api_keep_their_pages(client, db):
    response = client.get("/en/no/such/page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
