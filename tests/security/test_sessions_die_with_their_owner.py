"""Issue 14, "Feeds and links die with their owner", the sessions part: deactivating or deleting a person ends
their sessions; taking away their role (organizer membership, the organization itself, staff) or their last
authenticator takes organizer and administrator pages from every session they have at once."""

from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.test import Client

from aidhub.core.models import AuditEvent, Membership
from tests.helpers import sign_in


def _session_of(client):
    return client.session.session_key


def test_deleting_a_person_in_the_admin_ends_their_sessions(client_for, admin_user, volunteer, other_volunteer):
    phone, other = sign_in(Client(), volunteer), sign_in(Client(), other_volunteer)
    gone = _session_of(phone)
    client_for(admin_user).post(f"/admin/accounts/user/{volunteer.pk}/delete/", {"post": "yes"})
    assert not Session.objects.filter(session_key=gone).exists()
    assert phone.get("/en/my/").status_code == 302
    assert other.get("/en/my/").status_code == 200


def test_deleting_people_in_bulk_in_the_admin_ends_their_sessions(client_for, admin_user, volunteer, other_volunteer):
    phone = sign_in(Client(), volunteer)
    laptop = sign_in(Client(), other_volunteer)
    sessions = [_session_of(phone), _session_of(laptop)]
    client_for(admin_user).post(
        "/admin/accounts/user/",
        {"action": "delete_selected", "_selected_action": [volunteer.pk, other_volunteer.pk], "post": "yes"},
    )
    assert not Session.objects.filter(session_key__in=sessions).exists()


def test_deactivating_a_person_ends_their_sessions(client_for, admin_user, organizer):
    laptop = sign_in(Client(), organizer)
    assert laptop.get("/en/organize/").status_code == 200
    client_for(admin_user).post("/admin/accounts/user/", {"action": "deactivate", "_selected_action": [organizer.pk]})
    assert laptop.get("/en/organize/").status_code == 302
    assert laptop.get("/en/my/").status_code == 302


def test_removing_an_organizers_membership_closes_organizer_pages_at_once(
    client_for, admin_user, organizer, help_request
):
    laptop = sign_in(Client(), organizer)
    contact = f"/en/organize/requests/{help_request.pk}/contact/"
    assert laptop.get(contact).status_code == 200
    membership = Membership.objects.get(user=organizer)
    client_for(admin_user).post(f"/admin/core/membership/{membership.pk}/delete/", {"post": "yes"})
    assert not Membership.objects.filter(user=organizer).exists()
    assert laptop.get(contact).status_code == 403
    assert laptop.get("/en/organize/").status_code == 403
    assert AuditEvent.objects.filter(action="contact_shown", actor=organizer).count() == 1


def test_deactivating_the_organization_closes_its_organizers_pages_at_once(organizer, organization, help_request):
    laptop = sign_in(Client(), organizer)
    assert laptop.get("/en/organize/requests/").status_code == 200
    organization.is_active = False
    organization.save()
    assert laptop.get("/en/organize/requests/").status_code == 403
    assert laptop.get(f"/en/organize/requests/{help_request.pk}/contact/").status_code == 403


def test_taking_away_staff_closes_the_admin_at_once(admin_user):
    laptop = sign_in(Client(), admin_user)
    assert laptop.get("/admin/accounts/user/").status_code == 200
    admin_user.is_staff = False
    admin_user.save()
    assert laptop.get("/admin/accounts/user/").status_code == 302
    assert laptop.get("/admin/login/").status_code == 403


def test_removing_the_last_authenticator_closes_organizer_pages_in_every_session(organizer):
    laptop, phone = sign_in(Client(), organizer), sign_in(Client(), organizer)
    assert laptop.get("/en/organize/").status_code == 200
    phone.post("/en/accounts/reauthenticate/", {"password": "a-good-long-test-password"})
    assert phone.post("/en/accounts/2fa/totp/deactivate/").status_code == 302
    assert not Authenticator.objects.filter(user=organizer).exists()
    for session in (laptop, phone):
        response = session.get("/en/organize/")
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/2fa/totp/activate/")


def test_ended_sessions_are_gone_from_the_shared_cache_too(settings, volunteer):
    """With Redis, sessions are read from the cache first (cached_db): deleting the database row is not enough."""
    from aidhub.accounts.services import end_sessions

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    phone = sign_in(Client(), volunteer)
    assert phone.get("/en/my/").status_code == 200
    assert end_sessions(user=volunteer) == 1
    assert phone.get("/en/my/").status_code == 302
