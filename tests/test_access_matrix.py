"""Who may open which page: every URL pattern × every role × GET and POST, expected status written down.

A URL pattern that is not in MATRIX (or in the admin rule) fails `test_every_url_is_in_the_matrix`.
Statuses are listed in ROLES order. Objects belong to "volunteer" and lie in the organizer's area;
"other_organizer" organizes another area and gets 404 for them, never 403 (no hint that they exist).
POST is sent empty (with a valid CSRF token): forms answer 200 with errors, actions answer 302.
"""

import pytest
from django.urls import NoReverseMatch, reverse

from tests.urls import all_url_names

ROLES = ("anonymous", "volunteer", "other_volunteer", "organizer", "other_organizer", "admin")

# url name: (kwargs maker, GET statuses, POST statuses)
NO_ARGS = None
MATRIX = {
    # Public pages.
    "core:home": (NO_ARGS, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    "core:organizations": (NO_ARGS, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    "offers:list": (NO_ARGS, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    "offers:detail": ("offer", "200 200 200 200 200 200", "405 405 405 405 405 405"),
    # The volunteer's own pages.
    "accounts:dashboard": (NO_ARGS, "302 200 200 200 200 200", "405 405 405 405 405 405"),
    "accounts:profile": (NO_ARGS, "302 200 200 200 200 200", "302 200 200 200 200 200"),
    "offers:create": (NO_ARGS, "302 200 200 200 200 200", "302 200 200 200 200 200"),
    "offers:edit": ("offer", "302 200 404 404 404 404", "302 200 404 404 404 404"),
    "offers:pause": ("offer", "405 405 405 405 405 405", "302 302 404 404 404 404"),
    "offers:resume": ("offer", "405 405 405 405 405 405", "302 302 404 404 404 404"),
    "offers:archive": ("offer", "405 405 405 405 405 405", "302 302 404 404 404 404"),
    # Organizers' pages: role pages answer 403 to non-organizers, objects of other areas 404.
    "offers:review_queue": (NO_ARGS, "302 403 403 200 200 403", "405 405 405 405 405 405"),
    "offers:review": ("pending_offer", "302 403 403 200 404 403", "302 403 403 200 404 403"),
    # Accounts (django-allauth). Signed-in people are sent on from sign-in and sign-up pages.
    "account_login": (NO_ARGS, "200 302 302 302 302 302", "200 302 302 302 302 302"),
    "account_logout": (NO_ARGS, "302 200 200 200 200 200", "302 302 302 302 302 302"),
    "account_inactive": (NO_ARGS, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    "account_signup": (NO_ARGS, "200 302 302 302 302 302", "200 302 302 302 302 302"),
    "account_reauthenticate": (NO_ARGS, "302 200 200 200 200 200", "302 200 200 200 200 200"),
    "account_email": (NO_ARGS, "302 200 200 200 200 200", "302 302 302 302 302 302"),
    "account_email_verification_sent": (NO_ARGS, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    "account_change_password": (NO_ARGS, "302 200 200 200 200 200", "302 200 200 200 200 200"),
    "account_set_password": (NO_ARGS, "302 302 302 302 302 302", "302 302 302 302 302 302"),
    "account_reset_password": (NO_ARGS, "200 200 200 200 200 200", "200 200 200 200 200 200"),
    "account_reset_password_done": (NO_ARGS, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    "account_reset_password_from_key": ("bad_reset_key", "200 200 200 200 200 200", "200 200 200 200 200 200"),
    "account_reset_password_from_key_done": (NO_ARGS, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    "account_confirm_email": ("bad_email_key", "200 200 200 200 200 200", "404 404 404 404 404 404"),
    "account_confirm_login_code": (NO_ARGS, "302 302 302 302 302 302", "302 302 302 302 302 302"),
    # Two-factor sign-in (allauth.mfa): all pages are for signed-in people about their own account.
    # Changing a method asks to re-enter the password first; pages for a method not set up answer 404.
    "mfa_index": (NO_ARGS, "302 200 200 200 200 200", "302 405 405 405 405 405"),
    "mfa_authenticate": (NO_ARGS, "302 302 302 302 302 302", "302 302 302 302 302 302"),
    "mfa_reauthenticate": (NO_ARGS, "302 302 302 302 302 302", "302 302 302 302 302 302"),
    "mfa_activate_totp": (NO_ARGS, "302 302 302 302 302 302", "302 302 302 302 302 302"),
    "mfa_deactivate_totp": (NO_ARGS, "302 404 404 404 404 404", "302 404 404 404 404 404"),
    "mfa_view_recovery_codes": (NO_ARGS, "302 404 404 404 404 404", "302 405 405 405 405 405"),
    "mfa_generate_recovery_codes": (NO_ARGS, "302 302 302 302 302 302", "302 302 302 302 302 302"),
    "mfa_download_recovery_codes": (NO_ARGS, "302 404 404 404 404 404", "302 404 404 404 404 404"),
    "mfa_list_webauthn": (NO_ARGS, "302 200 200 200 200 200", "302 405 405 405 405 405"),
    "mfa_add_webauthn": (NO_ARGS, "302 302 302 302 302 302", "302 302 302 302 302 302"),
    "mfa_reauthenticate_webauthn": (NO_ARGS, "302 302 302 302 302 302", "302 302 302 302 302 302"),
    "mfa_remove_webauthn": ("missing_pk", "302 302 302 302 302 302", "302 302 302 302 302 302"),
    "mfa_edit_webauthn": ("missing_pk", "302 302 302 302 302 302", "302 302 302 302 302 302"),
    "mfa_login_webauthn": (NO_ARGS, "302 302 302 302 302 302", "302 302 302 302 302 302"),
    # The admin's own sign-in and sign-out; every other admin URL follows the staff-only rule below.
    "admin:login": (NO_ARGS, "200 200 200 200 200 302", "200 200 200 200 200 200"),
    "admin:logout": (NO_ARGS, "302 302 302 302 302 405", "302 302 302 302 302 200"),
}

# Django's admin is covered by one rule: staff only (see test_admin_is_staff_only).
ADMIN_NAMESPACE = "admin:"


def _kwargs(kind, objects):
    if kind is None:
        return {}
    if kind == "bad_reset_key":
        return {"uidb36": "zz", "key": "not-a-real-key"}
    if kind == "bad_email_key":
        return {"key": "not-a-real-key"}
    if kind == "missing_pk":
        return {"pk": 999999}
    return {"pk": objects[kind].pk}


@pytest.fixture
def people(volunteer, other_volunteer, organizer, other_organizer, admin_user):
    return {
        "anonymous": None,
        "volunteer": volunteer,
        "other_volunteer": other_volunteer,
        "organizer": organizer,
        "other_organizer": other_organizer,
        "admin": admin_user,
    }


def test_every_url_is_in_the_matrix():
    missing = [name for name in all_url_names() if name not in MATRIX and not name.startswith(ADMIN_NAMESPACE)]
    assert missing == [], f"Add these URL patterns to the access matrix: {missing}"


def test_matrix_lists_no_url_that_does_not_exist():
    assert sorted(set(MATRIX) - set(all_url_names())) == []


CASES = [
    (name, method, role, int(statuses.split()[index]))
    for name, (_kind, get_statuses, post_statuses) in MATRIX.items()
    for method, statuses in (("GET", get_statuses), ("POST", post_statuses))
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("name", "method", "role", "expected"), CASES, ids=lambda v: str(v))
def test_access(name, method, role, expected, people, offer, pending_offer, client_for):
    client = client_for(people[role])
    url = reverse(name, kwargs=_kwargs(MATRIX[name][0], {"offer": offer, "pending_offer": pending_offer}))
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
    "name", [n for n in all_url_names() if n.startswith(ADMIN_NAMESPACE) and n not in MATRIX and "<unnamed" not in n]
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
