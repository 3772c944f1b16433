"""Every page of requests and matches renders in every interface language, right to left where needed."""

import pytest
from django.conf import settings

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _check(response, code):
    assert response.status_code == 200
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in response.text


@pytest.mark.parametrize("code", LANGUAGES)
def test_public_and_family_pages(client, code, eastside):
    for url in ("/help/", "/help/find/", "/help/deleted/"):
        _check(client.get(f"/{code}{url}"), code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_organizer_pages(client_for, organizer, done_match, code):
    client = client_for(organizer)
    pk = done_match.help_request_id
    for url in (
        "/organize/",
        "/organize/requests/",
        "/organize/requests/new/",
        f"/organize/requests/{pk}/",
        f"/organize/requests/{pk}/contact/",
        f"/organize/requests/{pk}/suggestions/",
        f"/organize/matches/{done_match.pk}/check-in/",
        "/organize/volunteers/",
        f"/organize/volunteers/{done_match.volunteer.volunteer_profile.pk}/",
    ):
        _check(client.get(f"/{code}{url}"), code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_volunteer_pages(client_for, proposed_match, code):
    client = client_for(proposed_match.volunteer)
    for url in ("/my/", "/my/matches/", f"/my/matches/{proposed_match.pk}/"):
        _check(client.get(f"/{code}{url}"), code)
