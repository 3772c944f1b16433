"""The public offer list is a cached fragment: no queries when cached, fresh after any change to offers."""

from tests.factories import OfferFactory, VolunteerProfileFactory, language, vet
from tests.helpers import get_with_queries


def _get(client, url="/en/offers/"):
    """The page's text and the number of queries it took."""
    response, queries = get_with_queries(client, url)
    return response.text, queries


def test_a_cached_list_needs_no_query(client, offer):
    text, first = _get(client)
    again, cached = _get(client)
    assert first > 0
    assert cached == 0
    assert again == text
    assert offer.title in again


def test_each_language_and_filter_has_its_own_fragment(client, offer):
    _get(client)
    spanish, queries = _get(client, "/es/offers/")
    assert queries > 0
    assert "Ofertas de ayuda" in spanish
    filtered, queries = _get(client, "/en/offers/?category=rides")
    assert queries > 0
    assert offer.title not in filtered


def test_approving_an_offer_shows_it_at_once(client_for, organizer, pending_offer, django_capture_on_commit_callbacks):
    vet(pending_offer.volunteer, "rides")  # rides need vetting: the offer is listed once approved too
    client = client_for(organizer)
    assert pending_offer.title not in _get(client)[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/organize/offers/{pending_offer.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    assert pending_offer.title in _get(client)[0]


def test_pausing_an_offer_hides_it_at_once(client_for, volunteer, offer, django_capture_on_commit_callbacks):
    client = client_for(volunteer)
    assert offer.title in _get(client)[0]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/my/offers/{offer.pk}/pause/")
    assert offer.title not in _get(client)[0]


def test_renaming_a_volunteer_shows_the_new_name(
    client_for, volunteer, offer, eastside, django_capture_on_commit_callbacks
):
    client = client_for(volunteer)
    assert "María" in _get(client)[0]
    data = {
        "display_name": "Mariela",
        "language": "en",
        "languages": [language("es").pk],
        "areas": [eastside.pk],
        "categories": ["food"],
        "availability": ["2"],
        "max_active_matches": "2",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/my/profile/", data)
    assert response.status_code == 302, response.text
    assert "Mariela" in _get(client)[0]


def test_searches_are_not_cached(client, eastside):
    OfferFactory(title="Evening rides", volunteer=VolunteerProfileFactory().user, areas=[eastside])
    _get(client, "/en/offers/?q=rides")
    text, queries = _get(client, "/en/offers/?q=rides")
    assert queries > 0
    assert "Evening rides" in text


def test_renaming_an_area_in_the_admin_shows_at_once(
    client_for, admin_user, eastside, offer, client, django_capture_on_commit_callbacks
):
    assert "Eastside" in _get(client)[0]
    data = {
        "name": "East End",
        "slug": "eastside",
        "kind": eastside.kind,
        "parent": eastside.parent_id,
        "is_active": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin_user).post(f"/admin/core/area/{eastside.pk}/change/", data)
    assert response.status_code == 302
    client.logout()
    text = _get(client)[0]
    assert "East End" in text
    assert "Eastside" not in text
