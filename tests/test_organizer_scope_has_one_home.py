"""The question "which organizations (and areas) does this person organize?" has one answer: aidhub/core/selectors.py.

It was written six times and drifted (the audit trail forgot that an organization can be deactivated; the report
page forgot the region level). A copy anywhere else in the code, the templates included, fails here: ask the
selectors instead (organized_organizations, organizer_areas, is_organizer, acting_organization…).
"""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SELECTORS = ROOT / "aidhub" / "core" / "selectors.py"

# Ways of reading who organizes what without the selectors: lookups through memberships (or the organization's
# `members`, which go through them), the organizer role, and the membership table queried directly. Creating a
# membership, or picking any member as the author of demo data (the seeders), is not a question about scope.
COPIES = re.compile(
    r"memberships__"
    r"|\.memberships\."
    r"|Membership\.Role\."
    r"|role\s*=\s*[\"']organizer[\"']"
    r"|Membership\.objects\.(?!create\b|get_or_create\b)"
    r"|\bmembers__"
    r"|[(,]\s*members\s*="
    r"|user\.organizations\b"
)


def _sources():
    for path in sorted((ROOT / "aidhub").rglob("*.py")):
        if "migrations" not in path.parts and path != SELECTORS:
            yield path
    yield from sorted((ROOT / "templates").rglob("*.html"))
    yield from sorted((ROOT / "templates").rglob("*.txt"))


def test_no_copy_of_the_organizer_scope_outside_the_selectors():
    copies = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if COPIES.search(line)
    ]
    assert copies == []


def test_the_pattern_finds_the_copies_it_replaced():
    # The six copies of issue 15 and the drifted ones after them, as they were written.
    for copy in [
        'organizations__memberships__user=user, organizations__memberships__role="organizer",',
        "Organization.objects.active().filter(memberships__user=user, memberships__role=Membership.Role.ORGANIZER)",
        "user.memberships.filter(role=Membership.Role.ORGANIZER, organization__is_active=True).exists()",
        '.filter(memberships__user=user, memberships__role="organizer")',
        "organization__memberships__user=user, organization__memberships__role=Membership.Role.ORGANIZER",
        "serving.filter(memberships__user=user).first()",
        "Membership.objects.filter(user=user).exists()",
        "Organization.objects.filter(members=user)",
        "request.user.organizations.all()",
    ]:
        assert COPIES.search(copy), copy
    for fine in ["Membership.objects.create(organization=organization, user=user)", "organized_organizations(user)"]:
        assert not COPIES.search(fine), fine
