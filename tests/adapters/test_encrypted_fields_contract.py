"""What aidhub/lib/adapters/encrypted_fields.py relies on in django-fernet-encrypted-fields: that its fields
encrypt with the cipher the adapter hands out (two-factor secrets and sealed messages use it too), and that the
keys are derived again once forgotten (key rotation). An upgrade that changes one fails here, by name."""

import importlib
from types import SimpleNamespace

import pytest
from cryptography.fernet import InvalidToken
from django.db import models

from tests.adapters.contract import check_verified_version, relied_on

_BEFORE_IMPORT = SimpleNamespace(
    __name__="aidhub.lib.adapters.encrypted_fields",
    DISTRIBUTION="django-fernet-encrypted-fields",
    VERIFIED_WITH="(see the module)",
)


def _adapter():
    with relied_on(_BEFORE_IMPORT, "encrypted_fields.fields with EncryptedCharField, EncryptedTextField and "
                   "EncryptedFieldMixin"):  # fmt: skip
        return importlib.import_module("aidhub.lib.adapters.encrypted_fields")


encrypted_fields = _adapter()


def test_the_adapter_was_checked_against_the_pinned_version():
    check_verified_version(encrypted_fields)


def test_the_fields_are_django_fields_the_adapter_recognises():
    with relied_on(encrypted_fields, "EncryptedCharField and EncryptedTextField built on EncryptedFieldMixin"):
        assert issubclass(encrypted_fields.EncryptedCharField, models.CharField)
        assert issubclass(encrypted_fields.EncryptedTextField, models.TextField)
        assert encrypted_fields.is_encrypted(encrypted_fields.EncryptedCharField(max_length=20))
        assert encrypted_fields.is_encrypted(encrypted_fields.EncryptedTextField())
        assert not encrypted_fields.is_encrypted(models.CharField(max_length=20))


def test_a_field_stores_what_its_cipher_opens_and_opens_what_its_cipher_sealed():
    field = encrypted_fields.EncryptedTextField()
    with relied_on(encrypted_fields, "the field's cached `f` being the cipher get_prep_value and to_python use"):
        stored = field.get_prep_value("Rosa")
        assert stored != "Rosa"
        assert encrypted_fields.cipher_of(field).decrypt(stored.encode()).decode() == "Rosa"
        sealed = encrypted_fields.cipher_of(field).encrypt(b"Rosa").decode()
        assert field.to_python(sealed) == "Rosa"


def test_a_new_cipher_has_the_keys_every_field_has_and_rotates_with_one(settings):
    settings.SALT_KEY = ["contract-check-only-salt"]
    settings.SECRET_KEY_FALLBACKS = []
    field = encrypted_fields.EncryptedCharField(max_length=200)
    with relied_on(encrypted_fields, "the field's cached `keys`, derived from SECRET_KEY, its fallbacks and SALT_KEY"):
        cipher = encrypted_fields.new_cipher()
        sealed = cipher.encrypt(b"Rosa").decode()
        assert field.to_python(sealed) == "Rosa"
        assert field.to_python(cipher.rotate(field.get_prep_value("Rosa").encode()).decode()) == "Rosa"


def test_forgotten_keys_are_derived_again_from_the_settings(settings):
    field = encrypted_fields.EncryptedTextField()
    field.get_prep_value("derives the keys under the current settings")
    old_salts = list(settings.SALT_KEY)
    settings.SALT_KEY = ["contract-check-new-salt"]
    only_the_new_key = encrypted_fields.new_cipher()
    settings.SALT_KEY = ["contract-check-new-salt", *old_salts]
    with relied_on(encrypted_fields, "the derived keys living in the field's cached `keys` and `f`"):
        before = field.get_prep_value("Rosa")
        with pytest.raises(InvalidToken):
            only_the_new_key.decrypt(before.encode())
        encrypted_fields.forget_derived_keys(field)
        after = field.get_prep_value("Rosa")
        assert only_the_new_key.decrypt(after.encode()) == b"Rosa"
        assert field.to_python(before) == "Rosa", "the old key no longer decrypts after a rotation"


def test_a_cipher_is_asked_only_of_encrypted_fields():
    with relied_on(encrypted_fields, "cipher_of refusing a field that does not encrypt"):
        try:
            encrypted_fields.cipher_of(models.CharField(max_length=5))
        except TypeError:
            return
        raise AssertionError("cipher_of gave a cipher for a plain field")
