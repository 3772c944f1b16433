"""Two organizations side by side, with a real cache: what one organizer or volunteer is shown must never be what
the cache kept for another (issue 20).

Organization A serves Riverside (with Eastside in it), organization B serves Lakeview. Everything of A's is marked
with "Quill", "RVA-" or its area names, everything of B's with "Bramble", "LKB-" or "Lakeview", so that a page shows
at a glance whose data it holds.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from aidhub.catalogs import live as catalogs_live
from aidhub.lib import fragments
from aidhub.lib.adapters.allauth import activate_totp, new_totp_secret
from tests.factories import (
    AlertFactory,
    EventFactory,
    HelpRequestFactory,
    MatchFactory,
    MembershipFactory,
    OfferFactory,
    OrganizationFactory,
    ReportFactory,
    UserFactory,
    VolunteerProfileFactory,
    language,
    vet,
)
from tests.helpers import sign_in

# Django's in-memory cache, with the site's own key function: the fragments are really kept and really read back
# (the test settings' database cache would do too; this one is unmistakably on, and empty for each test).
REAL_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragment-isolation",
        "KEY_FUNCTION": "aidhub.lib.crypto.cache_key",
        "KEY_PREFIX": "",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}


@pytest.fixture(autouse=True)
def real_cache(settings):
    settings.CACHES = REAL_CACHE
    cache.clear()
    catalogs_live.start_without_corrections()
    yield
    cache.clear()


@dataclass(frozen=True)
class FragmentUse:
    name: str
    parts: list[object]
    built: bool
    result: object


@pytest.fixture
def fragment_log(monkeypatch):
    """Every fragments.cached call the pages make, in order, and whether it was built or read from the cache."""
    log: list[FragmentUse] = []
    real = fragments.cached

    def recording(name, parts, *, versions, build, timeout=fragments.TIMEOUT, keep=None):
        parts = list(parts)
        built = []

        def counting_build():
            built.append(True)
            return build()

        result = real(name, parts, versions=versions, build=counting_build, timeout=timeout, keep=keep)
        log.append(FragmentUse(name, parts, built=bool(built), result=result))
        return result

    monkeypatch.setattr(fragments, "cached", recording)
    return log


@dataclass
class Side:
    """One organization with its area, organizer, volunteer and work, and the strings that mark its data."""

    organization: Any
    area: Any
    organizer: Any
    volunteer: Any
    marks: tuple[str, ...]
    new_requests: int
    work_total: int
    clients: dict[str, Client] = field(default_factory=dict)

    def organizer_client(self) -> Client:
        if "organizer" not in self.clients:
            self.clients["organizer"] = sign_in(Client(), self.organizer)
        return self.clients["organizer"]

    def volunteer_client(self) -> Client:
        if "volunteer" not in self.clients:
            self.clients["volunteer"] = sign_in(Client(), self.volunteer)
        return self.clients["volunteer"]


def _side(*, organization, area, organizer, code, name, category, request_language, new_requests, reports, alerts):
    """An organization's data: `new_requests` new requests, one waiting for its volunteer's answer, a pending offer,
    pending alerts, open reports, a published event and a draft one."""
    volunteer = VolunteerProfileFactory(
        user__email=f"{name.lower()}.volunteer@example.org",
        display_name=f"{name} Volunteer",
        languages=[language("es")],
        areas=[area],
    ).user
    created = timezone.now() - timedelta(days=2)
    for number in range(1, new_requests + 1):
        HelpRequestFactory(
            area=area,
            status="new",
            category=category,
            language=language(request_language),
            reference_code=f"{code}-00{number}",
            created_at=created,
        )
    waiting = HelpRequestFactory(
        area=area, status="matching", category=category, reference_code=f"{code}-009", created_at=created
    )
    # Confirmed for the kind of help they offer, so that the offer is listed (legal help needs it).
    vet(volunteer, category)
    offer = OfferFactory(volunteer=volunteer, areas=[area], category=category, title=f"{name} published offer")
    MatchFactory(help_request=waiting, volunteer=volunteer, offer=offer, status="proposed")
    OfferFactory(
        volunteer=VolunteerProfileFactory(display_name=f"{name} Newcomer", areas=[area]).user,
        areas=[area],
        status="pending",
        published_at=None,
        title=f"{name} offer waiting for review",
    )
    author = UserFactory(email=f"{name.lower()}.author@example.org")
    MembershipFactory(organization=organization, user=author)
    for number in range(alerts):
        AlertFactory(
            organization=organization,
            author=author,
            areas=[area],
            status="pending",
            submitted_at=timezone.now(),
            texts={"en": f"{name} alert {number}: road closed"},
        )
    for number in range(reports):
        ReportFactory(area=area, what=f"{name} report {number}: vans by the school")
    EventFactory(organization=organization, area=area, title=f"{name} legal night")
    EventFactory(organization=organization, area=area, title=f"{name} draft event", status="draft", published_at=None)
    return volunteer


@pytest.fixture
def side_a(organization, organizer, city, eastside):
    """Organization A: Riverside (Eastside in it), 3 new requests, 1 alert to verify, 2 reports to vet."""
    volunteer = _side(
        organization=organization,
        area=eastside,
        organizer=organizer,
        code="RVA",
        name="Quill",
        category="legal",
        request_language="ar",
        new_requests=3,
        alerts=1,
        reports=2,
    )
    return Side(
        organization=organization,
        area=eastside,
        organizer=organizer,
        volunteer=volunteer,
        marks=("Quill", "RVA-", "Riverside", "Eastside"),
        new_requests=3,
        # 3 new requests, 1 offer to review, 1 alert to verify, 2 reports to vet (the proposed match's request is
        # being matched: not counted).
        work_total=3 + 1 + 1 + 2,
    )


@pytest.fixture
def side_b(lakeview):
    """Organization B: Lakeview, 1 new request, no alert to verify, 1 report to vet."""
    organization = OrganizationFactory(name="Lakeview Tenants Union", areas=[lakeview])
    organizer = UserFactory(email="bramble.organizer@example.org")
    MembershipFactory(organization=organization, user=organizer)
    activate_totp(organizer, new_totp_secret())
    volunteer = _side(
        organization=organization,
        area=lakeview,
        organizer=organizer,
        code="LKB",
        name="Bramble",
        category="food",
        request_language="uk",
        new_requests=1,
        alerts=0,
        reports=1,
    )
    return Side(
        organization=organization,
        area=lakeview,
        organizer=organizer,
        volunteer=volunteer,
        marks=("Bramble", "LKB-", "Lakeview"),
        new_requests=1,
        work_total=1 + 1 + 0 + 1,
    )


def assert_shows_only_its_own(text: str, own: Side, other: Side, *, where: str) -> None:
    """`text` (a page) holds none of the other side's marks."""
    leaked = [mark for mark in other.marks if mark in text]
    assert not leaked, f"{where}: shows another organization's data ({', '.join(leaked)})"
