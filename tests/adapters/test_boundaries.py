"""The adapters under aidhub/lib/adapters/ are the only code that reaches into a library's undocumented parts:
nothing else imports allauth's `internal` packages, its session records or request context, or
django-fernet-encrypted-fields at all, nor reads the private values they keep (checked in the application, the
tests and the benchmark; migrations keep the field's own path, as Django writes it)."""

import ast
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
ADAPTERS = ROOT / "aidhub" / "lib" / "adapters"
CONTRACTS = Path(__file__).resolve().parent


def _forbidden_import(name):
    """Why importing this dotted name is the adapters' business, or None."""
    parts = name.split(".")
    if parts[0] == "encrypted_fields":
        return "django-fernet-encrypted-fields: use aidhub.lib.adapters.encrypted_fields"
    if parts[0] == "allauth" and ("internal" in parts or name.startswith(_ALLAUTH_UNDOCUMENTED)):
        return "allauth's internals: use aidhub.lib.adapters.allauth"
    return None


_ALLAUTH_UNDOCUMENTED = ("allauth.core.context", "allauth.account.authentication")

# Private values read without an import: session keys, the layout of stored data, cached keys.
_FORBIDDEN_TEXT = {
    r"mfa\.totp\.secret": "allauth's session key of the secret being set up: allauth.pending_totp_secret",
    r"\bget_reauthentication_methods\b": "allauth's re-authentication entries: allauth.mfa_reauthentication_url",
    r"\bget_authentication_records\b": "allauth's session records: allauth.second_factor_ids",
    r"\.data\[\s*[\"'](secret|seed)[\"']": "an authenticator's stored secrets: allauth.stored_secrets",
    r"__dict__\.pop\(\s*[\"'](f|keys)[\"']": "the fields' derived keys: encrypted_fields.forget_derived_keys",
    r"\.f\.(en|de)crypt\b": "an encrypted field's cipher: encrypted_fields.cipher_of",
    r"ratelimit\.time\b": "allauth's rate-limit module: patch time.time",
}


def _sources(*, contracts=True):
    """Every Python file but the adapters and migrations; the contract tests (which name what they check, in
    words) only when asked."""
    for folder in ("aidhub", "tests", "bench"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts or ADAPTERS in path.parents:
                continue
            if not contracts and CONTRACTS in path.resolve().parents:
                continue
            yield path
    yield from sorted(ROOT.glob("*.py"))


def _imported_names(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def test_only_the_adapters_import_library_internals():
    found = set()
    for path in _sources():
        for line, name in _imported_names(ast.parse(path.read_text(encoding="utf-8"))):
            if reason := _forbidden_import(name):
                found.add(f"{path.relative_to(ROOT)}:{line} imports {name} ({reason})")
    assert sorted(found) == []


def test_only_the_adapters_read_private_values_of_libraries():
    found = []
    for path in _sources(contracts=False):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for pattern, instead in _FORBIDDEN_TEXT.items():
                if re.search(pattern, line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()} (instead: {instead})")
    assert found == []


def test_the_check_recognises_what_it_forbids():
    # Without this, a pattern that never matches would pass the two tests above forever.
    assert _forbidden_import("allauth.mfa.totp.internal.auth")
    assert _forbidden_import("allauth.core.internal.ratelimit")
    assert _forbidden_import("allauth.core.context")
    assert _forbidden_import("encrypted_fields.fields.EncryptedCharField")
    assert not _forbidden_import("allauth.account.adapter")
    assert not _forbidden_import("allauth.mfa.models.Authenticator")
    samples = [
        'client.session["mfa.totp.secret"]',
        "adapter.get_reauthentication_methods(user)",
        "get_authentication_records(request, user)",
        'authenticator.data["seed"]',
        'field.__dict__.pop("keys", None)',
        "field.f.decrypt(token)",
        'mock.patch.object(ratelimit.time, "time")',
    ]
    assert [sample for sample in samples if not any(re.search(p, sample) for p in _FORBIDDEN_TEXT)] == []
