"""The pages the benchmark drives, who reads them, and how their URLs are found in a seeded database.

Shared by bench/run.py (load over HTTP) and bench/inprocess.py (queries per page, in-process figures).
"""

import base64
import hashlib
import hmac
import struct
import time
from dataclasses import dataclass

ORGANIZER = "bench-organizer@example.org"
COORDINATOR = "bench-coordinator@example.org"
SECOND_COORDINATOR = "bench-coordinator-2@example.org"
VOLUNTEER = "bench-volunteer@example.org"
PASSWORD = "bench-pass-2026"  # noqa: S105 (bench databases only; see bench/README.md)
ACCOUNTS = {"organizer": ORGANIZER, "volunteer": VOLUNTEER}
# Organizers sign in with two factors; aidhub/devdata/bench/core.py gives every bench organizer this secret.
TOTP_SECRET = "JBSWY3DPEHPK3PXPBENCHBENCHBENCH2"  # noqa: S105 (bench databases only)


def totp_code(secret=TOTP_SECRET, now=None):
    """The code an authenticator app shows now (RFC 6238: 30-second steps, 6 digits, SHA-1)."""
    counter = int((time.time() if now is None else now) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


@dataclass(frozen=True)
class Page:
    name: str
    role: str  # "public", "organizer" or "volunteer": who reads it, and which target applies
    path: str  # formatted with the ids found in the database

    @property
    def target_share(self):
        """The share of the ceiling's requests per second this page must reach (issue 8)."""
        return 0.10 if self.role == "public" else 0.05


PAGES = [
    Page("home", "public", "/en/"),
    Page("offers", "public", "/en/offers/"),
    Page("offers, filtered", "public", "/en/offers/?category=food&language={es}&time=evenings"),
    Page("help form", "public", "/en/help/"),
    Page("events list", "public", "/en/events/"),
    Page("API: public offers", "public", "/api/public/offers"),
    Page("one event", "public", "/en/events/{event}/"),
    Page("request queue", "organizer", "/en/organize/requests/"),
    Page("request queue, filtered", "organizer", "/en/organize/requests/?status=new&category=food"),
    Page("one request", "organizer", "/en/organize/requests/{request}/"),
    Page("dashboard", "organizer", "/en/organize/"),
    Page("charts", "organizer", "/en/organize/insights/"),
    Page("suggestions", "organizer", "/en/organize/requests/{request}/suggestions/"),
    Page("legal aid night, organizer", "organizer", "/en/organize/events/{night}/"),
    Page("my matches", "volunteer", "/en/my/matches/"),
]


def suggestion_request():
    """An unmet request of the bench organizer's areas in the commonest kind of help and language: the one
    with the most volunteers to rank."""
    from django.contrib.auth import get_user_model

    from aidhub.needs.models import HelpRequest

    organizer = get_user_model().objects.get(email=ORGANIZER)
    requests = HelpRequest.objects.visible_to_organizer(organizer).filter(status__in=["new", "reviewed"])
    return requests.filter(category="food", language__code="es").order_by("pk").first() or requests.first()


def busiest_coming_event():
    """A coming, published legal aid night with the most shifts and slots: the fullest event page."""
    from django.db.models import Count
    from django.utils import timezone

    from aidhub.events.models import Event

    coming = Event.objects.published().filter(starts_at__gte=timezone.now(), kind=Event.Kind.LEGAL_AID)
    busiest = coming.annotate(shifts_count=Count("shifts")).order_by("-shifts_count", "starts_at", "pk").first()
    return busiest or Event.objects.published().order_by("pk").first()


def busiest_organized_night():
    """A coming legal aid night of the bench organizer's organizations with the most shifts: the fullest page of
    the organizer's event view (sign-ups, slots, bookings, interpreters)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.utils import timezone

    from aidhub.events.models import Event

    organizer = get_user_model().objects.get(email=ORGANIZER)
    nights = Event.objects.organized_by(organizer).filter(kind=Event.Kind.LEGAL_AID)
    coming = nights.filter(starts_at__gte=timezone.now())
    busiest = coming.annotate(shifts_count=Count("shifts")).order_by("-shifts_count", "starts_at", "pk").first()
    return busiest or nights.order_by("-pk").first() or Event.objects.organized_by(organizer).order_by("pk").first()


def page_ids():
    from aidhub.core.models import Language

    return {
        "es": Language.objects.get(code="es").pk,
        "request": suggestion_request().pk,
        "event": busiest_coming_event().pk,
        "night": busiest_organized_night().pk,
    }
