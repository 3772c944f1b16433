"""The pages the benchmark drives, who reads them, and how their URLs are found in a seeded database.

Shared by bench/run.py (load over HTTP) and bench/inprocess.py (queries per page, in-process figures).
Pages of apps that are not installed (events, before that app is merged) are listed but skipped.
"""

from dataclasses import dataclass

ORGANIZER = "bench-organizer@example.org"
COORDINATOR = "bench-coordinator@example.org"
VOLUNTEER = "bench-volunteer@example.org"
PASSWORD = "bench-pass-2026"  # noqa: S105 (bench databases only; see bench/README.md)
ACCOUNTS = {"organizer": ORGANIZER, "volunteer": VOLUNTEER}


@dataclass(frozen=True)
class Page:
    name: str
    role: str  # "public", "organizer" or "volunteer": who reads it, and which target applies
    path: str  # formatted with the ids found in the database
    app: str = ""  # the app that must be installed for the page to exist

    @property
    def target_share(self):
        """The share of the ceiling's requests per second this page must reach (issue 8)."""
        return 0.10 if self.role == "public" else 0.05


PAGES = [
    Page("home", "public", "/en/"),
    Page("offers", "public", "/en/offers/"),
    Page("offers, filtered", "public", "/en/offers/?category=food&language={es}&time=evenings"),
    Page("help form", "public", "/en/help/"),
    # After the events app is merged: fill in event_ids() below and these run too.
    Page("events list", "public", "/en/events/", app="aidhub.events"),
    Page("one event", "public", "/en/events/{event}/", app="aidhub.events"),
    Page("request queue", "organizer", "/en/organize/requests/"),
    Page("dashboard", "organizer", "/en/organize/"),
    Page("suggestions", "organizer", "/en/organize/requests/{request}/suggestions/"),
    Page("my matches", "volunteer", "/en/my/matches/"),
]


def installed_pages():
    from django.apps import apps

    return [page for page in PAGES if not page.app or apps.is_installed(page.app)]


def suggestion_request():
    """An unmet request of the bench organizer's areas in the commonest kind of help and language: the one
    with the most volunteers to rank."""
    from django.contrib.auth import get_user_model

    from aidhub.needs.models import HelpRequest

    organizer = get_user_model().objects.get(email=ORGANIZER)
    requests = HelpRequest.objects.visible_to_organizer(organizer).filter(status__in=["new", "reviewed"])
    return requests.filter(category="food", language__code="es").order_by("pk").first() or requests.first()


def event_ids():
    """Ids for the events pages; filled in when the events app is merged (see bench/README.md)."""
    from django.apps import apps

    if not apps.is_installed("aidhub.events"):
        return {}
    event = apps.get_model("events", "Event").objects.order_by("pk").first()
    return {"event": event.pk if event else 0}


def page_ids():
    from aidhub.core.models import Language

    return {"es": Language.objects.get(code="es").pk, "request": suggestion_request().pk, **event_ids()}
