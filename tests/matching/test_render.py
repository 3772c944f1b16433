"""Every page of requests and matches renders in every interface language, right to left where needed, with
words of its own content translated."""

import pytest

from tests.helpers import assert_pages_in_every_language

pytestmark = pytest.mark.slow


# Each page once per language, with the objects made once (issue 21: thirty languages).
def test_public_and_family_pages(client, eastside):
    pages = {
        "/help/": "Ask for help",
        "/help/find/": "Find your request",
        "/help/deleted/": "Your request is deleted",
    }
    assert_pages_in_every_language(client, {f"/{{code}}{url}": text for url, text in pages.items()})


def test_organizer_pages(client_for, organizer, done_match):
    client = client_for(organizer)
    pk = done_match.help_request_id
    pages = {
        "/organize/": "Organizing",
        "/organize/requests/": "Requests for help",
        "/organize/requests/new/": "Enter a request for a caller",
        f"/organize/requests/{pk}/": "What the family needs",
        f"/organize/requests/{pk}/contact/": "Family's details",
        f"/organize/requests/{pk}/suggestions/": "Find a volunteer",
        f"/organize/matches/{done_match.pk}/check-in/": "Save the check-in",
        "/organize/volunteers/": "Search by name",
        f"/organize/volunteers/{done_match.volunteer.volunteer_profile.pk}/": "When they are usually free",
    }
    assert_pages_in_every_language(client, {f"/{{code}}{url}": text for url, text in pages.items()})


def test_volunteer_pages(client_for, proposed_match):
    client = client_for(proposed_match.volunteer)
    pages = {
        "/my/": "Families I help",
        "/my/matches/": "Families I help",
        f"/my/matches/{proposed_match.pk}/": "Yes, I can help",
    }
    assert_pages_in_every_language(client, {f"/{{code}}{url}": text for url, text in pages.items()})
