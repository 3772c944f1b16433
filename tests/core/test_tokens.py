import re

from aidhub.lib.crypto import keyed_hash
from aidhub.lib.tokens import hash_access_token, new_access_token, new_reference_code, normalise_reference_code


def test_reference_code_is_easy_to_read_aloud():
    for _ in range(200):
        code = new_reference_code()
        assert re.fullmatch(r"[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}", code)


def test_reference_code_typed_loosely_is_understood():
    assert normalise_reference_code(" k7p 4qx ") == "K7P-4QX"
    assert normalise_reference_code("K7P-4QX") == "K7P-4QX"
    assert normalise_reference_code("K7P") == ""


def test_access_token_has_at_least_128_bits_and_only_its_hash_is_kept():
    token, digest = new_access_token()
    assert len(token) >= 32  # 24 random bytes, base64
    assert digest == hash_access_token(token)
    assert token not in digest
    assert new_access_token()[0] != token


def test_keyed_hash_is_stable_and_normalised(settings):
    assert keyed_hash("+1 555 0100") == keyed_hash(" +1 555 0100")
    assert keyed_hash("A@Example.org") == keyed_hash("a@example.org")
    before = keyed_hash("+15550100")
    settings.SALT_KEY = ["another-key"]
    assert keyed_hash("+15550100") != before
