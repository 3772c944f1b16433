"""Every form names its fields (no `__all__`), every state-changing view refuses GET, and every POST needs a
CSRF token (only the signed Twilio webhook is exempt)."""

import importlib
import pkgutil
from functools import cache
from urllib.parse import urlencode

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

import aidhub
from tests.access import MATRIX, url_name
from tests.helpers import sign_in
from tests.test_access_matrix import FAMILY_LINK, _kwargs

# The webhook is CSRF-exempt but refuses anything without a valid Twilio signature (also 403).
# The provider's webhook (signed instead), and the API's answer to unknown addresses (a 404 problem document to
# any method; it does nothing).
CSRF_EXEMPT = {"alerts_hooks:twilio_sms", "api:not_found"}


def _aidhub_forms():
    for module_info in pkgutil.walk_packages(aidhub.__path__, "aidhub."):
        if module_info.name.endswith(".forms") or ".forms." in module_info.name:
            module = importlib.import_module(module_info.name)
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, forms.ModelForm)
                    and value.__module__ == module.__name__
                ):
                    yield value


def test_no_model_form_takes_every_field():
    model_forms = list(_aidhub_forms())
    assert len(model_forms) > 5
    for form_class in model_forms:
        meta = getattr(form_class, "Meta", None)
        if meta is None or not hasattr(meta, "model"):
            continue
        assert getattr(meta, "fields", None) not in (None, "__all__"), form_class
        assert not getattr(meta, "exclude", None), f"{form_class} should list its fields, not exclude some"


ACTIONS = [name for name, (_args, get_statuses, _post) in MATRIX.items() if set(get_statuses.split()) == {"405"}]


def test_state_changing_views_are_listed():
    # Actions (POST only) of every app: offers, needs, matching, events, alerts.
    assert {name.split(":")[0] for name in ACTIONS} >= {"offers", "needs", "matching", "events", "alerts"}


def _api(name):
    """Endpoints ninja serves (in the OpenAPI schema): authenticated by a token header, never by the session."""
    return name in _api_names()


@cache
def _api_names():
    """Built once: the schema costs some 15 ms, and the parametrizations below ask for every URL of the matrix."""
    from aidhub.api.api import api

    operations = [op for methods in api.get_openapi_schema()["paths"].values() for op in methods.values()]
    return frozenset(f"api:{op['operationId']}" for op in operations)


@pytest.mark.parametrize(
    "name", [name for name in MATRIX if name not in CSRF_EXEMPT and not name.startswith("admin:") and not _api(name)]
)
def test_every_post_needs_a_csrf_token(name, request, admin_user, organizer):
    arguments = MATRIX[name][0]
    path_name = url_name(name)
    url = reverse(path_name) if arguments == FAMILY_LINK else reverse(path_name, kwargs=_kwargs(arguments, request))
    if arguments == FAMILY_LINK:
        url += "?" + urlencode(request.getfixturevalue(FAMILY_LINK))
    client = sign_in(Client(enforce_csrf_checks=True), organizer)
    response = client.post(url, {})
    assert response.status_code == 403, f"{name} accepted a POST without a CSRF token"


@pytest.mark.parametrize("name", [name for name in MATRIX if _api(name)])
def test_the_api_takes_no_session_so_needs_no_csrf_token(name, request, organizer):
    """The API acts only for the holder of a token sent in the Authorization header, which a page of another site
    cannot set: a signed-in organizer's browser, posting without a token, is refused (401), or told the address
    takes no POST (405). That is why the API needs no CSRF token."""
    arguments = MATRIX[name][0]
    url = reverse(url_name(name), kwargs=_kwargs(arguments, request))
    client = sign_in(Client(enforce_csrf_checks=True), organizer)
    response = client.post(url, {})
    assert response.status_code in (401, 405), f"{name} answered {response.status_code} to a session without a token"
