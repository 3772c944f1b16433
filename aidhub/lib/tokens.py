"""Reference codes people can read aloud, and private-link tokens of which only a hash is stored."""

import hashlib
import secrets

# No 0, O, 1, I, L or U: letters that are easily confused when a code is read out over the phone.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference_code() -> str:
    """A code like K7P-4QX: 30^6 ≈ 730 million possibilities; callers keep them unique in the database."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
    return f"{raw[:3]}-{raw[3:]}"


def normalise_reference_code(text: str) -> str:
    """Accepts codes typed in any case, with or without the dash or spaces."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return f"{cleaned[:3]}-{cleaned[3:6]}" if len(cleaned) == 6 else ""


def new_access_token() -> tuple[str, str]:
    """A 192-bit URL-safe secret for a private link, and the hash to store in its place."""
    token = secrets.token_urlsafe(24)
    return token, hash_access_token(token)


def hash_access_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
