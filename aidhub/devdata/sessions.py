"""A `django.test.Client` signed in as allauth would have signed the person in, for the tests and the benchmark."""

from allauth.mfa.models import Authenticator
from django.test import Client, RequestFactory

from aidhub.accounts.models import User
from aidhub.lib.adapters.allauth import record_authentication


def sign_in(client: Client, user: User) -> Client:
    """The session records that the person gave their password and, when they have an authenticator, their second
    factor (allauth's own record_authentication). Organizer and administrator pages need that second record
    (aidhub.core.security.session_passed_mfa); `client.force_login` alone does not open them."""
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session = client.session
    record_authentication(request, user, "password", email=user.email)
    authenticator = Authenticator.objects.filter(user=user, type__in=["totp", "webauthn"]).first()
    if authenticator is not None:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    request.session.save()
    return client
