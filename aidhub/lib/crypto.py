"""Encryption outside model fields, and keyed hashes for looking up encrypted values without storing them
in clear. Both use the keys of the encrypted fields (SECRET_KEY and FIELD_ENCRYPTION_KEYS)."""

import hashlib
import hmac
from functools import lru_cache

from django.conf import settings
from encrypted_fields.fields import EncryptedTextField


def field_cipher():
    """The (Multi)Fernet of the encrypted fields: encrypts with the first key, decrypts with all."""
    return _cipher(settings.SECRET_KEY, tuple(settings.SECRET_KEY_FALLBACKS), tuple(settings.SALT_KEY))


@lru_cache(maxsize=4)
def _cipher(secret_key, fallbacks, salts):
    # Deriving the keys is deliberately slow (PBKDF2): do it once per set of keys.
    return EncryptedTextField().f


def keyed_hash(value):
    """HMAC-SHA256 of a normalised value under the current field-encryption key; stable across restarts."""
    key = hashlib.sha256(f"aidhub.keyed-hash:{settings.SALT_KEY[0]}:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()


def cache_key(key, key_prefix, version):
    """Cache keys are keyed hashes: rate limits count per client address (allauth, anti-bot) without any
    address ever being readable in the cache, whether it lives in the database or in Redis."""
    digest = hmac.new(_cache_key_secret(), key.encode(), hashlib.sha256).hexdigest()
    return f"{key_prefix}:{version}:{digest}"


@lru_cache(maxsize=1)
def _cache_key_secret():
    return hashlib.sha256(f"aidhub.cache-key:{settings.SECRET_KEY}".encode()).digest()


def encrypted_models():
    """Every model with encrypted fields, with the names of those fields."""
    from django.apps import apps
    from encrypted_fields.fields import EncryptedFieldMixin

    for model in apps.get_models():
        fields = [field.name for field in model._meta.concrete_fields if isinstance(field, EncryptedFieldMixin)]
        if fields:
            yield model, fields


def reset_field_ciphers():
    """Forget derived keys, so that changed settings (a key rotation) take effect in this process."""
    _cipher.cache_clear()
    for model, names in encrypted_models():
        for name in names:
            field = model._meta.get_field(name)
            field.__dict__.pop("keys", None)
            field.__dict__.pop("f", None)
