"""Seals message payloads before they enter the task queue.

A queued task is a database row in production. Addresses and message texts must not sit there in plain text,
so the payload is encrypted with a key derived from SECRET_KEY (and its fallbacks, for rotation).
"""

import base64
import json
from typing import Any

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes


def _fernet() -> MultiFernet:
    keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return MultiFernet(
        [
            Fernet(
                base64.urlsafe_b64encode(
                    salted_hmac("aidhub.messaging.payload", "key", secret=key, algorithm="sha256").digest()
                )
            )
            for key in keys
        ]
    )


def seal(data: dict[str, Any]) -> str:
    return _fernet().encrypt(force_bytes(json.dumps(data))).decode("ascii")


def unseal(token: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_fernet().decrypt(force_bytes(token)))
    return data
