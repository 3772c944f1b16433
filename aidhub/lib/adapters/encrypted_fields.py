"""django-fernet-encrypted-fields behind one door (written against the version pinned in requirements.txt).

The library documents its two model fields. AidHub also needs the keys the fields use, to encrypt what is not a
field (two-factor secrets) and to re-encrypt at a key rotation: the fields' cached properties `keys` (derived from
SECRET_KEY, SECRET_KEY_FALLBACKS and SALT_KEY) and `f` (their cipher). Only this module reads them;
tests/adapters/test_encrypted_fields_contract.py fails, naming the pinned version, when they change.
Models import the fields from here too, so that this is the one module that imports the library (migrations
keep the library's own path, which the fields still report)."""

from cryptography.fernet import Fernet, MultiFernet
from encrypted_fields.fields import EncryptedCharField, EncryptedFieldMixin, EncryptedTextField

__all__ = [
    "DISTRIBUTION",
    "VERIFIED_WITH",
    "Cipher",
    "EncryptedCharField",
    "EncryptedTextField",
    "cipher_of",
    "forget_derived_keys",
    "is_encrypted",
    "new_cipher",
]

# The contract tests were last run against this version (they fail when requirements.txt pins another one).
DISTRIBUTION = "django-fernet-encrypted-fields"
VERIFIED_WITH = "0.4.0"

Cipher = Fernet | MultiFernet

# The cached properties the library derives its keys into, on each field instance.
_DERIVED = ("keys", "f")


def is_encrypted(field: object) -> bool:
    """True for a model field whose values the library encrypts."""
    return isinstance(field, EncryptedFieldMixin)


def cipher_of(field: object) -> Cipher:
    """The cipher an encrypted field encrypts and decrypts its values with (keys derived once per field)."""
    if not isinstance(field, EncryptedFieldMixin):
        raise TypeError(f"{field!r} is not an encrypted field")
    return field.f


def new_cipher() -> MultiFernet:
    """A cipher with the keys of the current settings, as a new field derives them: encrypts with the first key,
    decrypts with all, and can rotate (re-encrypt with the first key) even when there is only one, where the field's
    own cipher is a plain Fernet. Deriving is deliberately slow (PBKDF2): callers keep it."""
    return MultiFernet([Fernet(key) for key in EncryptedTextField().keys])


def forget_derived_keys(field: object) -> None:
    """Makes the field derive its keys again from the settings on next use (after a key rotation)."""
    for name in _DERIVED:
        field.__dict__.pop(name, None)
