"""Encryption outside model fields, and keyed hashes for looking up encrypted values without storing them
in clear. Both use the keys of the encrypted fields (SECRET_KEY and FIELD_ENCRYPTION_KEYS)."""

import hashlib
import hmac
from collections.abc import Iterator
from functools import lru_cache

from cryptography.fernet import MultiFernet
from django.apps import apps
from django.conf import settings
from django.db.models import Model

from aidhub.lib.adapters import encrypted_fields


def field_cipher() -> MultiFernet:
    """A MultiFernet with the keys of the encrypted fields: encrypts with the first key, decrypts with all, rotates."""
    return _cipher(settings.SECRET_KEY, tuple(settings.SECRET_KEY_FALLBACKS), tuple(settings.SALT_KEY))


@lru_cache(maxsize=4)
def _cipher(secret_key: str, fallbacks: tuple[str, ...], salts: tuple[str, ...]) -> MultiFernet:
    # Deriving the keys is deliberately slow (PBKDF2): do it once per set of keys.
    return encrypted_fields.new_cipher()


def keyed_hash(value: str) -> str:
    """HMAC-SHA256 of a normalised value under the current field-encryption key; stable across restarts."""
    key = hashlib.sha256(f"aidhub.keyed-hash:{settings.SALT_KEY[0]}:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()


def cache_key(key: str, key_prefix: str, version: int | str) -> str:
    """Cache keys are keyed hashes: rate limits count per client address (allauth, anti-bot) without any
    address ever being readable in the cache, whether it lives in the database or in Redis."""
    digest = hmac.new(_cache_key_secret(), key.encode(), hashlib.sha256).hexdigest()
    return f"{key_prefix}:{version}:{digest}"


@lru_cache(maxsize=1)
def _cache_key_secret() -> bytes:
    return hashlib.sha256(f"aidhub.cache-key:{settings.SECRET_KEY}".encode()).digest()


def encrypted_models() -> Iterator[tuple[type[Model], list[str]]]:
    """Every model with encrypted fields, with the names of those fields."""
    for model in apps.get_models():
        fields = [field.name for field in model._meta.concrete_fields if encrypted_fields.is_encrypted(field)]
        if fields:
            yield model, fields


def reset_field_ciphers() -> None:
    """Forget derived keys, so that changed settings (a key rotation) take effect in this process."""
    _cipher.cache_clear()
    for model, names in encrypted_models():
        for name in names:
            encrypted_fields.forget_derived_keys(model._meta.get_field(name))
