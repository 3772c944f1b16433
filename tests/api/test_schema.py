"""/api/openapi.json is a valid OpenAPI 3 document, and /api/docs lists it as a page under the strict CSP."""

import pytest
from django.conf import settings
from openapi_spec_validator import validate

from tests.helpers import assert_in_language


def test_the_schema_validates_as_openapi_3(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_organizers_endpoints_declare_the_bearer_token_and_public_ones_none(client, db):
    schema = client.get("/api/openapi.json").json()
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            assert ("security" in operation) is (not path.startswith("/api/public/")), path


def test_no_contact_field_outside_the_contact_endpoint(client, db):
    """Families' contact fields are answered by one endpoint only (which needs a contacts token); hotline intake
    takes them in."""
    schema = client.get("/api/openapi.json").json()
    answers = {name: model for name, model in schema["components"]["schemas"].items() if name.endswith("Out")}
    holders = [name for name, model in answers.items() if "contact_value" in model.get("properties", {})]
    assert holders == ["RequestContactOut"]


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_the_docs_page_lists_the_endpoints_in_every_language(client, db, code):
    response = client.get("/api/docs", headers={"Accept-Language": code})
    assert_in_language(response, code, "Endpoints")
    assert "/api/public/offers" in response.text and "/api/requests/{pk}/contact" in response.text
