"""Organizer sessions end after 30 minutes idle and 12 hours in all; sign-in rotates the session key;
sign-out and deactivation end sessions on the server."""

from unittest import mock

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from aidhub.accounts.services import end_sessions
from aidhub.core import security


def _later(seconds):
    start = security.time.time()
    return mock.patch.object(security.time, "time", return_value=start + seconds)


def test_organizer_session_ends_after_30_minutes_idle(client_for, organizer):
    client = client_for(organizer)
    assert client.get("/en/organize/").status_code == 200
    with _later(29 * 60):
        assert client.get("/en/organize/").status_code == 200
    with _later(29 * 60 + 31 * 60):
        response = client.get("/en/organize/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert client.get("/en/organize/").status_code == 302


def test_pages_opened_within_a_minute_do_not_write_the_session(client_for, organizer):
    client = client_for(organizer)
    client.get("/en/organize/")
    saved = Session.objects.get().expire_date
    with _later(30):
        assert client.get("/en/organize/").status_code == 200
    assert Session.objects.get().expire_date == saved
    with _later(90):
        assert client.get("/en/organize/").status_code == 200
    assert Session.objects.get().expire_date > saved


def test_organizer_session_ends_after_12_hours_even_when_busy(client_for, organizer):
    client = client_for(organizer)
    client.get("/en/organize/")
    for minutes in range(20, 12 * 60, 20):
        with _later(minutes * 60):
            assert client.get("/en/organize/").status_code == 200
    with _later(12 * 60 * 60 + 60):
        assert client.get("/en/organize/").status_code == 302


def test_volunteer_sessions_are_not_cut_after_30_minutes(client_for, volunteer):
    client = client_for(volunteer)
    client.get("/en/my/")
    with _later(45 * 60):
        assert client.get("/en/my/").status_code == 200


def test_sign_in_rotates_the_session_key(client, volunteer):
    client.post("/en/help/", {})  # an anonymous session exists before signing in
    session = client.session
    session["seen"] = True
    session.save()
    before = session.session_key
    client.post("/en/accounts/login/", {"login": volunteer.email, "password": "a-good-long-test-password"})
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()


def test_sign_out_ends_the_session_on_the_server(client, volunteer):
    client.post("/en/accounts/login/", {"login": volunteer.email, "password": "a-good-long-test-password"})
    stolen_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post("/en/accounts/logout/")
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = stolen_cookie
    assert thief.get("/en/my/").status_code == 302
    assert not Session.objects.filter(session_key=stolen_cookie).exists()


def test_deactivating_a_user_ends_all_their_sessions(volunteer, other_volunteer):
    phone, laptop, other = Client(), Client(), Client()
    for client, user in ((phone, volunteer), (laptop, volunteer), (other, other_volunteer)):
        client.force_login(user)
    assert end_sessions(user=volunteer) == 2
    assert phone.get("/en/my/").status_code == 302
    assert laptop.get("/en/my/").status_code == 302
    assert other.get("/en/my/").status_code == 200


def test_admin_deactivation_signs_the_person_out(client_for, admin_user, volunteer):
    phone = Client()
    phone.force_login(volunteer)
    client_for(admin_user).post("/admin/accounts/user/", {"action": "deactivate", "_selected_action": [volunteer.pk]})
    volunteer.refresh_from_db()
    assert not volunteer.is_active
    assert phone.get("/en/my/").status_code == 302
