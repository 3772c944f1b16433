"""A volunteer's page: the same queries for 2 or 12 offers; their offers and their matches are cached fragments of
their own, never shown to anyone else, fresh after a change, with this page's CSRF token in their forms."""

import re

from django.core.cache import cache
from django.test import Client

from aidhub.lib.pagecache import hole
from tests.factories import HelpRequestFactory, MatchFactory, OfferFactory, language, vet
from tests.helpers import get_with_queries, sign_in


def _built_afresh(client):
    """Queries of the page built afresh (factories change rows without renewing the cached fragments)."""
    cache.clear()
    return get_with_queries(client, "/en/my/")


def test_queries_stay_flat_with_more_offers_and_matches(client_for, volunteer, eastside):
    client = client_for(volunteer)
    client.get("/en/my/")  # the session's first page notes when it started
    for _ in range(2):
        OfferFactory(volunteer=volunteer, areas=[eastside])
        MatchFactory(volunteer=volunteer, help_request=HelpRequestFactory(area=eastside))
    _response, with_2 = _built_afresh(client)
    for _ in range(10):
        OfferFactory(volunteer=volunteer, areas=[eastside])
        MatchFactory(volunteer=volunteer, help_request=HelpRequestFactory(area=eastside))
    response, with_12 = _built_afresh(client)
    assert with_12 == with_2
    assert response.text.count('class="card mb-3"') == 12
    _again, cached = get_with_queries(client, "/en/my/")
    assert cached < with_12


def test_offers_and_matches_are_each_volunteers_own(client_for, volunteer, other_volunteer, offer, eastside):
    match = MatchFactory(volunteer=volunteer, help_request=HelpRequestFactory(area=eastside))
    assert offer.title in client_for(volunteer).get("/en/my/").text  # cached for the first volunteer
    client_for(None).logout()
    theirs = client_for(other_volunteer).get("/en/my/").text
    assert offer.title not in theirs
    assert f"/en/my/matches/{match.pk}/" not in theirs
    assert "You have no offers yet." in theirs


def test_the_offers_buttons_carry_this_pages_csrf_token(volunteer, offer):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, volunteer)
    client.get("/en/my/")  # cached, with the placeholder in its forms
    page = client.get("/en/my/").text
    assert hole("csrf") not in page
    token = re.search(
        rf'action="/en/my/offers/{offer.pk}/pause/"><input type="hidden" name="csrfmiddlewaretoken" '
        r'value="([^"]+)"',
        page,
    ).group(1)
    response = client.post(f"/en/my/offers/{offer.pk}/pause/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_pausing_an_offer_shows_at_once(client_for, volunteer, offer, django_capture_on_commit_callbacks):
    client = client_for(volunteer)
    assert f"/en/my/offers/{offer.pk}/pause/" in client.get("/en/my/").text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/my/offers/{offer.pk}/pause/")
    page = client.get("/en/my/").text
    assert f"/en/my/offers/{offer.pk}/pause/" not in page
    assert f"/en/my/offers/{offer.pk}/resume/" in page


def test_an_offer_sent_back_shows_why_at_once(
    client, volunteer, organizer, pending_offer, django_capture_on_commit_callbacks
):
    sign_in(client, volunteer)
    assert "An organizer asks for changes" not in client.get("/en/my/").text
    organizer_client = Client()
    sign_in(organizer_client, organizer)
    with django_capture_on_commit_callbacks(execute=True):
        organizer_client.post(
            f"/en/organize/offers/{pending_offer.pk}/", {"decision": "send_back", "reason": "more_detail"}
        )
    assert "Please say more about what you offer." in client.get("/en/my/").text


def test_a_confirmation_shows_at_once(client_for, volunteer, eastside):
    OfferFactory(volunteer=volunteer, areas=[eastside], category="rides", status="pending", published_at=None)
    client = client_for(volunteer)
    waiting = "An organizer will confirm you first for this kind of help."
    assert waiting in client.get("/en/my/").text
    vet(volunteer, "rides")  # no service, so no version bump: the confirmation is part of the fragment's key
    assert waiting not in client.get("/en/my/").text


def test_a_changed_profile_shows_at_once(client_for, volunteer, lakeview, django_capture_on_commit_callbacks):
    client = client_for(volunteer)
    assert "Lakeview" not in client.get("/en/my/").text
    data = {
        "display_name": "María",
        "language": "en",
        "languages": [language("es").pk],
        "areas": [lakeview.pk],
        "categories": ["food"],
        "availability": ["2"],
        "max_active_matches": "2",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/my/profile/", data)
    assert response.status_code == 302, response.text
    assert "Lakeview" in client.get("/en/my/").text


def test_a_profile_changed_in_the_admin_shows_at_once(
    client, admin_user, volunteer, lakeview, django_capture_on_commit_callbacks
):
    sign_in(client, volunteer)
    assert "Lakeview" not in client.get("/en/my/").text
    admin_client = Client()
    sign_in(admin_client, admin_user)
    profile = volunteer.volunteer_profile
    form = {
        "user": volunteer.pk,
        "display_name": profile.display_name,
        "categories": [],
        "languages": [language("es").pk],
        "areas": [lakeview.pk],
        "availability": ["2"],
        "max_active_matches": "2",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/accounts/volunteerprofile/{profile.pk}/change/", form)
    assert response.status_code == 302, response.text[:3000]
    assert "Lakeview" in client.get("/en/my/").text
