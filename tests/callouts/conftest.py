import pytest

from aidhub.callouts.models import CalloutSettings
from aidhub.lib.crypto import keyed_hash
from tests.factories import OfferFactory, VolunteerProfileFactory, language, vet

PHONES = {"es": "+12025550101", "ar": "+12025550102"}


@pytest.fixture(autouse=True)
def no_quiet_hours(settings):
    """Texts go at once unless a test sets quiet hours (start == end: never quiet)."""
    settings.CALLOUT_QUIET_HOURS_START = 0
    settings.CALLOUT_QUIET_HOURS_END = 0


def give_phone(user, phone, accepts=True):
    return CalloutSettings.objects.create(
        user=user, phone=phone, phone_hash=keyed_hash(phone), accepts_callouts=accepts
    )


def driver(eastside, *, name, ui, speaks, phone=None):
    """A volunteer confirmed for rides, with a published offer of rides in Eastside."""
    profile = VolunteerProfileFactory(
        user__email=f"{name.lower()}@example.org", user__language=ui, display_name=name, languages=[language(speaks)]
    )
    vet(profile.user, "rides")
    OfferFactory(volunteer=profile.user, category="rides", areas=[eastside], languages=[language(speaks)])
    if phone:
        give_phone(profile.user, phone)
    return profile.user


@pytest.fixture
def drivers(eastside):
    """Three drivers of Eastside: Lucía reads Spanish, Amina Arabic (both with a phone), Tom English (email only)."""
    return {
        "es": driver(eastside, name="Lucía", ui="es", speaks="es", phone=PHONES["es"]),
        "ar": driver(eastside, name="Amina", ui="ar", speaks="es", phone=PHONES["ar"]),
        "en": driver(eastside, name="Tom", ui="en", speaks="en"),
    }


def callout_form(area, **changes):
    data = {
        "text": "A driver to the clinic, Riverside, tomorrow 9-12",
        "category": "rides",
        "area": area.pk,
        "language": "",
        "needed": 1,
        "help_request": "",
    }
    data.update(changes)
    return data
