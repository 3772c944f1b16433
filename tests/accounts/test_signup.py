from allauth.account.models import EmailAddress
from django.core import mail

from aidhub.accounts.models import User, VolunteerProfile


def test_sign_up_in_spanish_keeps_the_language_and_creates_a_profile(client, db):
    response = client.post(
        "/es/accounts/signup/",
        {"email": "Nuevo@Example.org", "password1": "una-clave-muy-larga-1", "password2": "una-clave-muy-larga-1"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="nuevo@example.org")
    assert user.language == "es"
    assert VolunteerProfile.objects.filter(user=user).exists()
    # The confirmation email is in Spanish.
    assert len(mail.outbox) == 1
    assert "Confirme" in mail.outbox[0].subject or "confirm" in mail.outbox[0].body.lower()
    assert "/es/accounts/confirm-email/" in mail.outbox[0].body


def test_unconfirmed_email_cannot_sign_in(client, db):
    client.post(
        "/en/accounts/signup/",
        {"email": "new@example.org", "password1": "a-very-long-pass-1", "password2": "a-very-long-pass-1"},
    )
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "new@example.org", "password": "a-very-long-pass-1"})
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]


def test_duplicate_email_in_other_case_is_refused(client, volunteer):
    response = client.post(
        "/es/accounts/signup/",
        {"email": "MARIA@example.org", "password1": "a-very-long-pass-1", "password2": "a-very-long-pass-1"},
    )
    # allauth does not reveal that the address exists: it sends a notice to the owner instead.
    assert User.objects.filter(email__iexact="maria@example.org").count() == 1
    assert response.status_code in (200, 302)


def test_sign_up_with_bad_input_shows_translated_errors_and_creates_nothing(client, db):
    response = client.post(
        "/es/accounts/signup/", {"email": "not-an-email", "password1": "short", "password2": "other"}
    )
    assert response.status_code == 200
    assert "Introduzca una dirección de correo electrónico válida." in response.text
    assert User.objects.count() == 0
    assert EmailAddress.objects.count() == 0
