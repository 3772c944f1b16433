"""Who may open which page: every URL pattern × every role × GET and POST, expected status written down.

The rows live in tests/access/<app>.py. A URL pattern that has no row (and is not covered by the admin rule)
fails `test_every_url_is_in_the_matrix`. A URL may have more rows, one per situation, as "name#situation"
(e.g. "events:my_slots#legal_night": the same page where a shift needs vetting). Objects belong to "volunteer"
and lie in the organizer's area; "other_organizer" organizes another area and gets 404 for them, never 403
(no hint that they exist).
POST is sent empty (with a valid CSRF token): forms answer 200 with errors, actions answer 302.
"""

from urllib.parse import urlencode

import pytest
from django.urls import NoReverseMatch, reverse

from tests.access import MATRIX, ROLES, url_name
from tests.access.api import TOKEN_ROLES, TOKEN_ROWS
from tests.helpers import api_token_for
from tests.urls import all_url_names

# Django's admin is covered by one rule: staff only (see test_admin_is_staff_only).
ADMIN_NAMESPACE = "admin:"


# The fixture that makes each role's person. Only the role a case signs in as is made (lazily): building all six
# people for each of the matrix's thousands of cases cost most of the suite's time.
ROLE_FIXTURES = {
    "volunteer": "volunteer",
    "accepted_volunteer": "accepted_volunteer",
    "other_volunteer": "other_volunteer",
    "organizer": "organizer",
    "other_organizer": "other_organizer",
    "admin": "admin_user",
}


@pytest.fixture
def people(request):
    """The person of each role, made when first asked for; anonymous visitors and families are nobody."""

    class People(dict):
        def __missing__(self, role):
            return request.getfixturevalue(ROLE_FIXTURES[role]) if role in ROLE_FIXTURES else None

    return People()


FAMILY_LINK = "family_link"


def _url(name, arguments, role, request):
    """The URL a role opens. Family pages carry the private token in the query string, which only the family has."""
    name = url_name(name)
    if arguments == FAMILY_LINK:
        url = reverse(name)
        return f"{url}?{urlencode(request.getfixturevalue(FAMILY_LINK))}" if role == "family" else url
    return reverse(name, kwargs=_kwargs(arguments, request))


def _kwargs(arguments, request):
    if arguments is None:
        return {}
    if isinstance(arguments, dict):
        return arguments
    value = request.getfixturevalue(arguments)
    return value if isinstance(value, dict) else {"pk": value.pk}


def test_every_url_is_in_the_matrix():
    covered = {url_name(key) for key in MATRIX}
    missing = [name for name in all_url_names() if name not in covered and not name.startswith(ADMIN_NAMESPACE)]
    assert missing == [], f"Add these URL patterns to the access matrix (tests/access/): {missing}"


def test_matrix_lists_no_url_that_does_not_exist():
    assert sorted({url_name(key) for key in MATRIX} - set(all_url_names())) == []


CASES = [
    (name, method, role, int(statuses.split()[index]))
    for name, (_arguments, get_statuses, post_statuses) in MATRIX.items()
    for method, statuses in (("GET", get_statuses), ("POST", post_statuses))
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("name", "method", "role", "expected"), CASES, ids=str)
def test_access(name, method, role, expected, people, client_for, request):
    # Objects are made before signing in, as their owners would have made them.
    url = _url(name, MATRIX[name][0], role, request)
    client = client_for(people[role])
    response = client.get(url) if method == "GET" else client.post(url, {})
    assert response.status_code == expected, f"{method} {url} as {role}"
    if expected == 302 and role == "anonymous" and "login" in response.get("Location", ""):
        assert "/accounts/login/" in response["Location"]


def _admin_url(name):
    """Reverses an admin URL with whichever placeholder arguments its pattern takes."""
    for kwargs in ({}, {"object_id": "1"}, {"app_label": "core"}, {"id": "1"}, {"content_type_id": 1, "object_id": 1}):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    raise AssertionError(f"No placeholder arguments fit {name}")


@pytest.mark.parametrize(
    "name",
    [n for n in all_url_names() if n.startswith(ADMIN_NAMESPACE) and n not in MATRIX and "<unnamed" not in n],
)
def test_admin_is_staff_only(name, people, client_for):
    url = _admin_url(name)
    for role in ("anonymous", "volunteer", "organizer"):
        client = client_for(people[role])
        response = client.get(url)
        assert response.status_code in (302, 404), f"{name} as {role}"
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"]
        client.logout()
    # Staff get the page, or the admin's own refusal (adding task results by hand) or "no such object".
    response = client_for(people["admin"]).get(url)
    assert response.status_code in (200, 302, 403, 404), name


# ---- the REST API: endpoints behind personal tokens (tests/access/api.py) ----

TOKEN_CASES = [
    (name, role, int(statuses.split()[index]))
    for name, (_arguments, _method, _body, statuses) in TOKEN_ROWS.items()
    for index, role in enumerate(TOKEN_ROLES)
]


def _token_header(role, request):
    """The Authorization header a token role sends (none for "none")."""
    if role == "none":
        return {}
    if role == "other":
        token = api_token_for(request.getfixturevalue("other_organizer"), scope="write", contacts=True)
    else:
        owner = request.getfixturevalue("organizer")
        token = api_token_for(owner, scope="write" if role == "write" else "read", contacts=role == "contacts")
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize(("name", "role", "expected"), TOKEN_CASES, ids=str)
def test_token_access(name, role, expected, client, request, db):
    """No token: 401. A read-only token on a write: 403. Another organization's object: 404. Sessions do not
    count (the client is not signed in; tests/api/test_tokens.py shows a signed-in organizer gets 401 too)."""
    arguments, method, body, _statuses = TOKEN_ROWS[name]
    url = reverse(name, kwargs=_kwargs(arguments, request))
    headers = _token_header(role, request)
    if method == "GET":
        response = client.get(url, headers=headers)
    else:
        data = request.getfixturevalue(body) if isinstance(body, str) else body
        response = client.post(url, data, content_type="application/json", headers=headers)
    assert response.status_code == expected, f"{method} {url} with {role}: {response.content[:300]!r}"
    if expected >= 400:
        assert response["Content-Type"] == "application/problem+json"


def test_every_token_endpoint_is_in_the_token_matrix():
    """Every organizers' endpoint of the schema has its token rows, and every endpoint its URL row."""
    from aidhub.api.api import api

    schema = api.get_openapi_schema()
    operations = [op for methods in schema["paths"].values() for op in methods.values()]
    secured = {op["operationId"] for op in operations if op.get("security")}
    every = {op["operationId"] for op in operations}
    assert sorted(f"api:{name}" for name in secured) == sorted(TOKEN_ROWS)
    assert {f"api:{name}" for name in every} <= set(MATRIX)
