from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import AreaFactory, EventFactory, ShiftFactory, ShiftSignupFactory, language
from tests.helpers import count_queries


def test_list_shows_upcoming_published_events_soonest_first(client, organization, eastside):
    later = EventFactory(
        organization=organization, area=eastside, title="Later", starts_at=timezone.now() + timedelta(days=9)
    )
    sooner = EventFactory(
        organization=organization, area=eastside, title="Sooner", starts_at=timezone.now() + timedelta(days=1)
    )
    EventFactory(organization=organization, area=eastside, title="A draft", status="draft", published_at=None)
    EventFactory(
        organization=organization,
        area=eastside,
        title="Last month",
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=2),
    )
    text = client.get("/en/events/").text
    assert text.index(sooner.title) < text.index(later.title)
    assert "A draft" not in text
    assert "Last month" not in text


def test_cancelled_events_stay_listed_marked_as_cancelled(client, event):
    event.status = "cancelled"
    event.save()
    response = client.get("/es/events/")
    assert event.title in response.text
    assert "Cancelado" in response.text


def test_filter_by_kind_area_language_and_dates(client, organization, city, eastside, lakeview):
    now = timezone.now()
    workshop = EventFactory(title="Workshop in Eastside", kind="workshop", area=eastside, languages=[language("ar")])
    meal = EventFactory(title="Meal in Lakeview", kind="meal", area=lakeview, languages=[language("es")])
    far = EventFactory(title="Drive next month", kind="supply_drive", area=city, starts_at=now + timedelta(days=40))
    assert_only = lambda params, *expected: _assert_only(client, params, expected, [workshop, meal, far])  # noqa: E731
    assert_only({"kind": "workshop"}, workshop)
    assert_only({"area": city.pk}, workshop, far)  # a city includes its neighbourhoods
    assert_only({"area": eastside.pk}, workshop, far)  # and a city-wide event reaches each neighbourhood
    assert_only({"language": language("es").pk}, meal)
    assert_only({"date_from": (now + timedelta(days=30)).date().isoformat()}, far)
    assert_only({"date_until": (now + timedelta(days=10)).date().isoformat()}, workshop, meal)


def _assert_only(client, params, expected, events):
    text = client.get("/en/events/", params).text
    for event in events:
        assert (event.title in text) == (event in expected), (params, event.title)


def test_bad_filter_values_get_a_translated_error_not_a_crash(client, db):
    response = client.get("/es/events/", {"kind": "party", "area": "999999", "date_from": "tomorrow"})
    assert response.status_code == 200
    assert "Escoja una opción válida" in response.text
    assert "Introduzca una fecha válida" in response.text


def test_list_is_paginated(client, eastside, settings):
    settings.EVENTS_PER_PAGE = 5
    for _ in range(12):
        EventFactory(area=eastside)
    assert client.get("/en/events/").text.count("card h-100 event-card") == 5
    last = client.get("/en/events/", {"page": 3})
    assert last.text.count("card h-100 event-card") == 2
    assert "Page 3 of 3" in last.text


def _events_with_signups(count, areas):
    for index in range(count):
        event = EventFactory(area=areas[index % len(areas)], languages=[language("es"), language("ar")])
        shift = ShiftFactory(event=event)
        ShiftSignupFactory(shift=shift)


@pytest.mark.parametrize("url", ["/en/events/", "/en/events/?kind=legal_aid&date_from=2020-01-01"])
def test_event_list_runs_the_same_number_of_queries_with_5_and_60_events(client, eastside, url, settings):
    settings.EVENTS_PER_PAGE = 500  # every row on one page, so rows really are rendered
    areas = [eastside, AreaFactory()]
    _events_with_signups(5, areas)
    count_queries(client, url)  # the first view builds the cached filter form
    with_5 = count_queries(client, url)
    _events_with_signups(55, areas)
    assert count_queries(client, url) == with_5


def test_home_header_and_list_link_to_events_and_the_calendar_follows_the_filters(client, eastside):
    home = client.get("/es/").text
    assert 'href="/es/events/"' in home
    # The header's link (once in the phone's Menu, once in the wide screen's row) and the home page button.
    assert home.count('href="/es/events/"') == 3
    page = client.get("/en/events/", {"kind": "meal", "area": eastside.pk, "page": "1"})
    assert f'href="/en/events/calendar.ics?area={eastside.pk}"' in page.text
