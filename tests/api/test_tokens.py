"""Personal API tokens: made on the organizer's page in a two-factor session, shown once, stored as a hash, and
dead at once when revoked or when their owner loses what opens organizer pages."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.utils import timezone

from aidhub.accounts.services import user_deactivate
from aidhub.api.models import ApiToken
from aidhub.api.views.tokens import NEW_TOKEN_SESSION_KEY
from aidhub.core.models import AuditEvent, Membership
from aidhub.lib.tokens import hash_access_token
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.helpers import api_token_for, assert_pages_in_every_language, sign_in

PAGE = "/en/organize/api-tokens/"
PROBE = "/api/requests"


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_an_organizer_makes_a_token_that_is_shown_once_and_stored_as_a_hash(client, organizer):
    sign_in(client, organizer)
    response = client.post(PAGE, {"name": "Hotline sheet", "scope": "write"})
    # POST/redirect/GET: the answer to the POST carries no token, and the URL it sends to none either.
    assert response.status_code == 302 and response["Location"] == PAGE
    assert "ahk_" not in response.content.decode() + response["Location"]
    shown = client.get(PAGE)
    token = shown.context["new_token"]
    assert token.startswith("ahk_") and token in shown.content.decode()
    assert "Copy it now: it is shown only this once." in shown.content.decode()
    row = ApiToken.objects.get(user=organizer)
    assert row.token_hash == hash_access_token(token) and token not in str(row.__dict__)
    assert (row.name, row.scope, row.reads_contacts) == ("Hotline sheet", "write", False)
    assert row.second_factor_ids == list(Authenticator.objects.filter(user=organizer).values_list("pk", flat=True))
    # Shown once: a refresh, or any later visit, lists the token by its first characters only.
    again = client.get(PAGE)
    assert again.context["new_token"] == "" and token not in again.content.decode()
    assert f"ahk_{row.hint}" in again.content.decode()
    assert ApiToken.objects.count() == 1
    assert client.get(PROBE, headers=bearer(token)).status_code == 200


def test_the_new_token_leaves_the_session_once_shown(client, organizer):
    sign_in(client, organizer)
    client.post(PAGE, {"name": "Sheet", "scope": "read"})
    assert client.session[NEW_TOKEN_SESSION_KEY].startswith("ahk_")
    client.get(PAGE)
    assert NEW_TOKEN_SESSION_KEY not in client.session
    assert ApiToken.objects.count() == 1


def test_making_a_token_is_in_the_audit_trail_without_the_secret(client, organizer, organization):
    sign_in(client, organizer)
    client.post(PAGE, {"name": "Hotline sheet", "scope": "write", "reads_contacts": "on"})
    token = client.get(PAGE).context["new_token"]
    row = ApiToken.objects.get()
    event = AuditEvent.objects.get(action=AuditEvent.Action.API_TOKEN_CREATED)
    assert (event.actor, event.organization, event.target_type, event.target_id) == (
        organizer,
        organization,
        "api.apitoken",
        row.pk,
    )
    assert event.details == {
        "name": "Hotline sheet",
        "scope": "write",
        "reads_contacts": True,
        "prefix": f"ahk_{row.hint}",
    }
    assert token[len("ahk_") :] not in str(event.details) and row.token_hash not in str(event.details)
    trail = client.get("/en/organize/audit/?action=api_token_created").content.decode()
    assert "A personal API token was made" in trail and token not in trail


def test_a_token_reaching_two_organizations_is_in_the_trail_of_each(client, organizer, organization):
    second = OrganizationFactory()
    MembershipFactory(organization=second, user=organizer, role=Membership.Role.ORGANIZER)
    api_token_for(organizer)
    events = AuditEvent.objects.filter(action=AuditEvent.Action.API_TOKEN_CREATED)
    assert {event.organization for event in events} == {organization, second}


def test_revoking_a_token_is_in_the_audit_trail_once(client, organizer, organization):
    token = api_token_for(organizer)
    row = ApiToken.objects.get(user=organizer)
    sign_in(client, organizer)
    client.post(f"/en/organize/api-tokens/{row.pk}/revoke/")
    event = AuditEvent.objects.get(action=AuditEvent.Action.API_TOKEN_REVOKED)
    assert (event.actor, event.organization, event.target_id) == (organizer, organization, row.pk)
    assert event.details == {"name": "test", "scope": "read", "reads_contacts": False, "prefix": f"ahk_{row.hint}"}
    assert token[len("ahk_") :] not in str(event.details)
    # Revoking it again (a second click): 404, nothing more recorded.
    assert client.post(f"/en/organize/api-tokens/{row.pk}/revoke/").status_code == 404
    assert AuditEvent.objects.filter(action=AuditEvent.Action.API_TOKEN_REVOKED).count() == 1


def test_a_failed_attempt_to_revoke_anothers_token_records_nothing(client, organizer, other_organizer):
    api_token_for(organizer)
    row = ApiToken.objects.get(user=organizer)
    sign_in(client, other_organizer)
    assert client.post(f"/en/organize/api-tokens/{row.pk}/revoke/").status_code == 404
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.API_TOKEN_REVOKED).exists()


def test_tokens_ended_by_deactivation_are_in_the_audit_trail(organizer, organization, admin_user):
    token = api_token_for(organizer, scope="write")
    row = ApiToken.objects.get(user=organizer)
    user_deactivate(actor=admin_user, user=organizer)
    event = AuditEvent.objects.get(action=AuditEvent.Action.API_TOKEN_REVOKED)
    assert (event.actor, event.organization, event.target_type, event.target_id) == (
        admin_user,
        organization,
        "api.apitoken",
        row.pk,
    )
    assert event.details == {
        "name": "test",
        "scope": "write",
        "reads_contacts": False,
        "prefix": f"ahk_{row.hint}",
        "reason": "account_deactivated",
    }
    assert token[len("ahk_") :] not in str(event.details)


def test_a_session_without_the_second_factor_cannot_make_a_token(client, organizer):
    client.force_login(organizer)  # password only: this session did not give the second factor
    response = client.post(PAGE, {"name": "Sheet", "scope": "read"})
    assert response.status_code == 302 and "/accounts/" in response["Location"]
    assert not ApiToken.objects.exists()


def test_volunteers_cannot_make_tokens(client, volunteer):
    sign_in(client, volunteer)
    assert client.post(PAGE, {"name": "Sheet", "scope": "read"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_a_bad_form_says_what_is_wrong_and_makes_nothing(client, organizer):
    sign_in(client, organizer)
    response = client.post(PAGE, {"name": "", "scope": "everything"})
    assert response.status_code == 200 and response.context["form"].errors.keys() == {"name", "scope"}
    assert not ApiToken.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.API_TOKEN_CREATED).exists()


def test_a_revoked_token_fails_at_once(client, organizer):
    token = api_token_for(organizer)
    assert client.get(PROBE, headers=bearer(token)).status_code == 200
    sign_in(client, organizer)
    row = ApiToken.objects.get(user=organizer)
    assert client.post(f"/en/organize/api-tokens/{row.pk}/revoke/").status_code == 302
    client.logout()
    response = client.get(PROBE, headers=bearer(token))
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 401 and response.json()["title"]


def test_another_organizer_cannot_revoke_my_token(client, organizer, other_organizer):
    token = api_token_for(organizer)
    row = ApiToken.objects.get(user=organizer)
    sign_in(client, other_organizer)
    assert client.post(f"/en/organize/api-tokens/{row.pk}/revoke/").status_code == 404
    assert client.get(PROBE, headers=bearer(token)).status_code == 200


def test_the_token_of_a_deactivated_account_fails(client, organizer, admin_user):
    token = api_token_for(organizer)
    user_deactivate(actor=admin_user, user=organizer)
    assert client.get(PROBE, headers=bearer(token)).status_code == 401
    assert not ApiToken.objects.filter(user=organizer).exists()  # deleted with the account's private links


def test_the_token_of_an_inactive_user_fails_even_if_its_row_survived(client, organizer):
    token = api_token_for(organizer)
    type(organizer).objects.filter(pk=organizer.pk).update(is_active=False)
    assert client.get(PROBE, headers=bearer(token)).status_code == 401


def test_the_token_fails_when_its_owner_no_longer_organizes_anything(client, organizer):
    token = api_token_for(organizer)
    Membership.objects.filter(user=organizer).delete()
    assert client.get(PROBE, headers=bearer(token)).status_code == 401


def test_the_token_fails_when_the_organization_is_deactivated(client, organizer, organization):
    token = api_token_for(organizer)
    organization.is_active = False
    organization.save()
    assert client.get(PROBE, headers=bearer(token)).status_code == 401


def test_the_token_fails_when_the_second_factor_it_was_made_with_is_removed(client, organizer):
    token = api_token_for(organizer)
    Authenticator.objects.filter(user=organizer).delete()
    assert client.get(PROBE, headers=bearer(token)).status_code == 401


def test_a_new_authenticator_does_not_revive_a_token_made_with_a_removed_one(client, organizer):
    from aidhub.lib.adapters.allauth import activate_totp, new_totp_secret

    token = api_token_for(organizer)
    Authenticator.objects.filter(user=organizer).delete()
    activate_totp(organizer, new_totp_secret())
    assert client.get(PROBE, headers=bearer(token)).status_code == 401


def test_an_expired_token_fails(client, organizer):
    token = api_token_for(organizer)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(PROBE, headers=bearer(token)).status_code == 401


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer nonsense", "Basic YTpi", "Token abc"])
def test_a_missing_or_wrong_token_answers_401_with_a_problem(client, header, db):
    response = client.get(PROBE, headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert set(body) >= {"type", "title", "status", "detail"} and body["type"].endswith("#problem-unauthorized")


def test_a_signed_in_organizer_without_a_token_gets_401(client, organizer):
    sign_in(client, organizer)
    assert client.get(PROBE).status_code == 401


def test_a_token_acts_for_its_owner_not_for_the_browser_session(client, organizer, other_organizer, help_request):
    """The other organizer's token, sent from a browser signed in as the organizer, sees the other's scope."""
    sign_in(client, organizer)
    token = api_token_for(other_organizer)
    assert client.get(f"/api/requests/{help_request.pk}", headers=bearer(token)).status_code == 404


def test_a_volunteer_made_organizer_later_still_needs_a_token_made_in_a_two_factor_session(client, db):
    """A token can only be made on the page (organizer_required): there is no other way in."""
    user = UserFactory()
    MembershipFactory(organization=OrganizationFactory(), user=user)
    client.force_login(user)
    assert client.get(PAGE).status_code == 302


def test_the_token_page_in_every_language(client, organizer):
    # Signed in once, the page in each language (issue 21: thirty languages).
    sign_in(client, organizer)
    assert_pages_in_every_language(client, {"/{code}/organize/api-tokens/": "Make a token"})
