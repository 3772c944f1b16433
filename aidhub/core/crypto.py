"""Keyed hashes for looking up encrypted values (a phone number, an email) without storing them in clear."""

import hashlib
import hmac

from django.conf import settings


def keyed_hash(value):
    """HMAC-SHA256 of a normalised value under the current field-encryption key; stable across restarts."""
    key = hashlib.sha256(f"aidhub.keyed-hash:{settings.SALT_KEY[0]}:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()
