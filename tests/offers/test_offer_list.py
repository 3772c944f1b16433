import html
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from aidhub.core import availability
from aidhub.core.models import NetworkSettings
from tests.factories import AreaFactory, OfferFactory, VolunteerProfileFactory, language
from tests.helpers import count_queries


def test_public_list_shows_published_offers_only(client, offer, pending_offer):
    response = client.get("/en/offers/")
    assert response.status_code == 200
    assert offer.title in response.text
    assert pending_offer.title not in response.text


def test_list_and_detail_never_show_the_volunteers_email(client, offer):
    for url in ("/en/offers/", f"/en/offers/{offer.pk}/"):
        response = client.get(url)
        assert "maria@example.org" not in response.text
        assert "María" in response.text


def test_offer_waiting_for_review_has_no_public_page(client, pending_offer):
    assert client.get(f"/en/offers/{pending_offer.pk}/").status_code == 404


def test_filter_by_category_and_language(client, eastside):
    food_es = OfferFactory(title="Comida", category="food", languages=[language("es")], areas=[eastside])
    food_en = OfferFactory(title="Meals", category="food", languages=[language("en")], areas=[eastside])
    rides_es = OfferFactory(title="Viajes", category="rides", languages=[language("es")], areas=[eastside])
    spanish = language("es")
    response = client.get("/es/offers/", {"category": "food", "language": spanish.pk})
    assert food_es.title in response.text
    assert food_en.title not in response.text
    assert rides_es.title not in response.text


def test_filter_by_city_includes_its_neighbourhoods(client, city, eastside, lakeview):
    in_neighbourhood = OfferFactory(title="In Eastside", areas=[eastside])
    citywide = OfferFactory(title="Whole city", areas=[city])
    elsewhere = OfferFactory(title="In Lakeview", areas=[lakeview])
    response = client.get("/en/offers/", {"area": city.pk})
    assert in_neighbourhood.title in response.text
    assert citywide.title in response.text
    assert elsewhere.title not in response.text
    # A city-wide offer also reaches each neighbourhood.
    response = client.get("/en/offers/", {"area": eastside.pk})
    assert citywide.title in response.text
    assert elsewhere.title not in response.text


def test_filter_by_time_of_day_and_text(client, eastside):
    evenings = availability.mask_from_slots((day, 2) for day in range(5))
    mornings = availability.mask_from_slots((day, 0) for day in range(7))
    evening_offer = OfferFactory(title="Evening tutoring", availability=evenings, areas=[eastside])
    morning_offer = OfferFactory(title="Morning rides", availability=mornings, areas=[eastside])
    response = client.get("/en/offers/", {"time": "evenings"})
    assert evening_offer.title in response.text
    assert morning_offer.title not in response.text
    response = client.get("/en/offers/", {"q": "rides"})
    assert morning_offer.title in response.text
    assert evening_offer.title not in response.text


def test_unknown_filter_values_show_a_translated_error_not_a_crash(client, db):
    response = client.get("/es/offers/", {"category": "spaceships", "area": "999999", "time": "never"})
    assert response.status_code == 200
    assert "Escoja una opción válida" in response.text


def _cards(text):
    return re.findall(r'<a href="/en/offers/(\d+)/">', text)


def _link(text, rel):
    match = re.search(rf'rel="{rel}" href="([^"]+)"', text)
    return html.unescape(match.group(1)) if match else None


def test_list_is_paginated_newest_first_with_previous_and_next(client, eastside, settings):
    settings.OFFERS_PER_PAGE = 5
    now = timezone.now()
    # Two offers published at the same moment: the id breaks the tie, none is shown twice or lost.
    offers = [OfferFactory(areas=[eastside], published_at=now - timedelta(hours=index // 2)) for index in range(12)]
    newest_first = [str(o.pk) for o in sorted(offers, key=lambda o: (o.published_at, o.pk), reverse=True)]
    first = client.get("/en/offers/", {"category": "food"}).text
    assert "12 offers" in first
    assert _link(first, "prev") is None
    second = client.get("/en/offers/" + _link(first, "next")).text
    third = client.get("/en/offers/" + _link(second, "next")).text
    assert _cards(first) + _cards(second) + _cards(third) == newest_first
    assert _link(third, "next") is None
    # Back from the last page lands on the same second page; the filters are kept on the way.
    assert "category=food" in _link(third, "prev")
    assert _cards(client.get("/en/offers/" + _link(third, "prev")).text) == _cards(second)


def test_a_made_up_cursor_shows_the_first_page(client, offer):
    for cursor in ("x", "1.2.3", "99999999999999999999999.1", ""):
        response = client.get("/en/offers/", {"after": cursor, "before": cursor})
        assert response.status_code == 200


def _queries_for(client, url):
    """Queries of a page built afresh (the cached fragment is tested in test_offer_list_cache.py)."""
    cache.clear()
    return count_queries(client, url)


@pytest.mark.parametrize("url", ["/en/offers/", "/en/offers/?category=food&time=evenings&q=o"])
def test_offer_list_runs_the_same_number_of_queries_with_5_and_200_offers(client, eastside, city, url, settings):
    settings.OFFERS_PER_PAGE = 500  # every row on one page, so rows really are rendered
    NetworkSettings.load()  # the list asks which kinds need vetting; a running network has the row already
    areas = [eastside, city, AreaFactory()]
    for index in range(5):
        profile = VolunteerProfileFactory()
        OfferFactory(volunteer=profile.user, areas=areas, languages=[language("es"), language("en")], title=f"o{index}")
    with_5 = _queries_for(client, url)
    for index in range(195):
        profile = VolunteerProfileFactory()
        OfferFactory(volunteer=profile.user, areas=areas, languages=[language("es"), language("ar")], title=f"o{index}")
    with_200 = _queries_for(client, url)
    assert with_5 == with_200
