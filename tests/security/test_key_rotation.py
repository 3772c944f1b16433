"""Key rotation: re-encrypt with the new key, drop the old one, and every row still decrypts."""

from io import StringIO

import pytest
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from cryptography.fernet import InvalidToken
from django.core.management import call_command
from django.db import connection

from aidhub.lib.adapters.allauth import stored_secrets
from aidhub.lib.crypto import reset_field_ciphers
from aidhub.matching.models import CheckIn
from aidhub.needs.models import HelpRequest
from tests.factories import HelpRequestFactory


@pytest.fixture
def keys(settings):
    def use(*salts):
        settings.SALT_KEY = list(salts)
        reset_field_ciphers()

    use("old-key")
    yield use
    reset_field_ciphers()


def _raw(pk):
    with connection.cursor() as cursor:
        cursor.execute("SELECT first_name FROM needs_helprequest WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_rotation_keeps_every_row_readable(keys, eastside, organizer, done_match):
    requests = [HelpRequestFactory(area=eastside, first_name=f"Name {n}", description=f"Text {n}") for n in range(7)]
    CheckIn.objects.create(match=done_match, outcome="helped", note="Canary note")
    old_ciphertext = _raw(requests[0].pk)
    keys("new-key", "old-key")
    call_command("rotate_encryption_keys", stdout=StringIO())
    keys("new-key")
    assert _raw(requests[0].pk) != old_ciphertext
    for n, request in enumerate(requests):
        fresh = HelpRequest.objects.get(pk=request.pk)
        assert (fresh.first_name, fresh.description) == (f"Name {n}", f"Text {n}")
    assert CheckIn.objects.get().note == "Canary note"
    # Two-factor secrets too: the organizer can still be checked against their TOTP secret.
    authenticator = Authenticator.objects.get(user=organizer, type="totp")
    assert len(get_adapter().decrypt(stored_secrets(authenticator)["secret"])) == 32


def test_without_rotation_the_old_key_is_needed(keys, eastside):
    request = HelpRequestFactory(area=eastside, first_name="Only old key")
    keys("new-key")
    # The library returns undecryptable values as they are: never the plaintext.
    assert HelpRequest.objects.get(pk=request.pk).first_name != "Only old key"
    from aidhub.lib.crypto import field_cipher

    with pytest.raises(InvalidToken):
        field_cipher().decrypt(_raw(request.pk).encode())


def test_rotation_with_a_single_key_re_encrypts_two_factor_secrets_too(keys, organizer):
    """Run with one key only (before adding a new one, or after dropping the old one), the command used to stop
    at the first two-factor secret: one key made a plain Fernet cipher, which cannot rotate."""
    secret = get_adapter().decrypt(stored_secrets(Authenticator.objects.get(user=organizer))["secret"])
    call_command("rotate_encryption_keys", stdout=StringIO())
    authenticator = Authenticator.objects.get(user=organizer)
    assert get_adapter().decrypt(stored_secrets(authenticator)["secret"]) == secret
