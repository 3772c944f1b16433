"""Public fragments with the cache on. They hold no organization's private data by design: everyone reading them in
one language with the same filters sees the same thing. The cases check what that rests on:

- whoever builds the fragment (an organizer of A signed in, a volunteer of B, a visitor), it is the same, byte for
  byte: nothing of the reader's is kept for the next one (no name, no CSRF token, no draft an organizer may see);
- a language or a filter is its own fragment (the Spanish page is never served the English one, Lakeview's offers
  are not Eastside's), and a made-up parameter neither makes another copy nor reaches the fragment's links;
- what is not public (a pending offer, a draft event) is never in it, even when an organizer who may see it looked
  first.
"""

from django.core.cache import cache
from django.test import Client

from aidhub.catalogs import live as catalogs_live
from aidhub.events.models import Event
from tests.caching.cases import assert_read_back, isolates, uses
from tests.factories import ShiftFactory, ShiftSignupFactory
from tests.helpers import api_token_for


def _empty_cache():
    """As a site whose cache was emptied (the translation corrections' version put back, as in tests/conftest.py)."""
    cache.clear()
    catalogs_live.start_without_corrections()


def _get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response.content.decode()


def _readers(side_a, side_b):
    """An organizer of A, a volunteer of B and a visitor: each builds the fragment into an empty cache in turn."""
    return {
        "A's organizer": side_a.organizer_client(),
        "B's volunteer": side_b.volunteer_client(),
        "a visitor": Client(),
    }


def _built_by_each(readers, url, name, fragment_log, **headers):
    """{reader: the fragment `name` as built for them}, each into an empty cache."""
    built = {}
    for reader, client in readers.items():
        _empty_cache()
        _get(client, url, **headers)
        use = uses(fragment_log, name)[-1]
        assert use.built, f"{name!r} for {reader}: not built into the empty cache"
        built[reader] = use.result
    return built


def _assert_the_same_for_everyone(built, name):
    first_reader, first = next(iter(built.items()))
    for reader, fragment in built.items():
        assert fragment == first, (
            f"{name!r} as built for {reader} differs from {first_reader}'s: it holds a reader's data"
        )


# The offers list and the API's.


@isolates("offers")
def test_offers_list_is_the_same_whoever_builds_it(side_a, side_b, fragment_log):
    built = _built_by_each(_readers(side_a, side_b), "/en/offers/", "offers", fragment_log)
    _assert_the_same_for_everyone(built, "offers")
    listing = next(iter(built.values()))
    assert "Quill published offer" in listing and "Bramble published offer" in listing
    assert "waiting for review" not in listing


@isolates("offers")
def test_offers_list_is_kept_per_area_language_and_only_known_parameters(side_a, side_b, fragment_log):
    client = Client()
    eastside = _get(client, f"/en/offers/?area={side_a.area.pk}")
    assert "Quill published offer" in eastside and "Bramble published offer" not in eastside
    lakeview = _get(client, f"/en/offers/?area={side_b.area.pk}")
    assert "Bramble published offer" in lakeview and "Quill published offer" not in lakeview
    spanish = _get(client, f"/es/offers/?area={side_a.area.pk}")
    english_use, _lakeview_use, spanish_use = uses(fragment_log, "offers")
    assert spanish_use.built and spanish_use.result != english_use.result and english_use.result not in spanish
    # A parameter the list does not know is left out: the Eastside fragment, read back, without it.
    again = _get(side_b.organizer_client(), f"/en/offers/?area={side_a.area.pk}&utm_source=leak-probe")
    kept = uses(fragment_log, "offers")[-1]
    assert not kept.built and "leak-probe" not in kept.result and kept.result in again
    assert_read_back(fragment_log, "offers")


@isolates("api-offers")
def test_api_offers_are_the_same_whoever_asks(side_a, side_b, fragment_log):
    readers = _readers(side_a, side_b)
    built = _built_by_each(readers, "/api/public/offers", "api-offers", fragment_log)
    _empty_cache()
    _get(Client(), "/api/public/offers", authorization=f"Bearer {api_token_for(side_a.organizer)}")
    built["A's organizer's API token"] = uses(fragment_log, "api-offers")[-1].result
    _assert_the_same_for_everyone(built, "api-offers")
    body = next(iter(built.values()))
    assert "Quill published offer" in body and "Bramble published offer" in body and "waiting for review" not in body


@isolates("api-offers")
def test_api_offers_are_kept_per_filter(side_a, side_b, fragment_log):
    client = Client()
    eastside = client.get("/api/public/offers", {"area": side_a.area.pk}).json()
    lakeview = client.get("/api/public/offers", {"area": side_b.area.pk}).json()
    assert [item["title"] for item in eastside["items"]] == ["Quill published offer"]
    assert [item["title"] for item in lakeview["items"]] == ["Bramble published offer"]
    again = client.get("/api/public/offers", {"area": side_a.area.pk, "leak": "probe"}).json()
    assert again == eastside
    assert_read_back(fragment_log, "api-offers")


# The events list and an event's page.


@isolates("events")
def test_events_list_is_the_same_whoever_builds_it(side_a, side_b, fragment_log):
    built = _built_by_each(_readers(side_a, side_b), "/en/events/", "events", fragment_log)
    _assert_the_same_for_everyone(built, "events")
    listing = next(iter(built.values()))
    assert "Quill legal night" in listing and "Bramble legal night" in listing
    assert "draft event" not in listing


@isolates("events")
def test_events_list_is_kept_per_area_and_language(side_a, side_b, fragment_log):
    client = side_a.organizer_client()
    eastside = _get(client, f"/en/events/?area={side_a.area.pk}")
    assert "Quill legal night" in eastside and "Bramble legal night" not in eastside
    lakeview = _get(Client(), f"/en/events/?area={side_b.area.pk}")
    assert "Bramble legal night" in lakeview and "Quill legal night" not in lakeview
    spanish = _get(Client(), f"/es/events/?area={side_a.area.pk}")
    english_use, _lakeview_use, spanish_use = uses(fragment_log, "events")
    assert spanish_use.built and english_use.result not in spanish
    _get(Client(), f"/en/events/?area={side_a.area.pk}")
    assert_read_back(fragment_log, "events")


def _event(title):
    return Event.objects.get(title=title)


@isolates("event")
def test_event_page_is_the_same_for_every_visitor_and_never_a_volunteers(side_a, side_b, fragment_log):
    """A volunteer's page (their shift, the address they were given) is never kept: visitors after them, and other
    volunteers, see the page everyone sees."""
    event = _event("Quill legal night")
    event.venue = Event.Venue.ON_SIGNUP
    event.address = "12 Quill Lane, back door"
    event.save()
    ShiftSignupFactory(shift=ShiftFactory(event=event), volunteer=side_a.volunteer)
    url = f"/en/events/{event.pk}/"
    own = _get(side_a.volunteer_client(), url)
    assert "Your shift" in own and "12 Quill Lane" in own
    first_visitor = _get(Client(), url)
    second_visitor = _get(Client(), url)
    for page in (first_visitor, second_visitor, _get(side_b.volunteer_client(), url)):
        assert "Your shift" not in page and "12 Quill Lane" not in page
    # The first visitor's page is built (and its body fragment); the second is served the kept page whole.
    (first,) = uses(fragment_log, "event")
    first_page, second_page = uses(fragment_log, "page:event")
    assert first.built and first_page.built and not second_page.built
    _title, body = first.result
    assert "csrfmiddlewaretoken" not in body and body in second_visitor


@isolates("event")
def test_event_page_is_kept_per_language_and_a_draft_is_never_served(
    side_a, fragment_log, django_capture_on_commit_callbacks
):
    event = _event("Quill legal night")
    url = f"/en/events/{event.pk}/"
    english = _get(Client(), url)
    spanish = _get(Client(), f"/es/events/{event.pk}/")
    english_use, spanish_use = uses(fragment_log, "event")
    (_title, english_body), (_titulo, _spanish_body) = english_use.result, spanish_use.result
    assert spanish_use.built and english_body not in spanish and english_body in english
    draft = _event("Quill draft event")
    assert side_a.organizer_client().get(f"/en/events/{draft.pk}/").status_code == 404
    assert Client().get(f"/en/events/{draft.pk}/").status_code == 404
    # Back to a draft after its page was kept: the kept page is not served (Event.save renews its version).
    event.status = Event.Status.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        event.save()
    assert Client().get(url).status_code == 404


# The help form.


@isolates("help-form")
def test_help_form_is_the_same_whoever_builds_it_and_its_one_time_fields_are_fresh(side_a, side_b, fragment_log):
    readers = _readers(side_a, side_b)
    built = _built_by_each(readers, "/en/help/", "help-form", fragment_log)
    _assert_the_same_for_everyone(built, "help-form")
    fields = next(iter(built.values()))
    assert "submission_id" not in fields and "antibot" not in fields
    first, second = _get(Client(), "/en/help/"), _get(Client(), "/en/help/")
    assert not uses(fragment_log, "page:help-form")[-1].built
    assert _submission_id(first) != _submission_id(second)


def _submission_id(page):
    marker = 'name="submission_id" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


@isolates("help-form")
def test_help_form_is_kept_per_language(db, fragment_log):
    english = _get(Client(), "/en/help/")
    spanish = _get(Client(), "/es/help/")
    english_use, spanish_use = uses(fragment_log, "help-form")
    assert spanish_use.built and english_use.result not in spanish and english_use.result in english


# Whole pages kept for visitors who are not signed in (aidhub.lib.pagecache).

KEPT_PAGES = {
    "page:home": "/en/",
    "page:offers": "/en/offers/",
    "page:events": "/en/events/",
    "page:help-form": "/en/help/",
}


def _kept_page_case(side_a, side_b, fragment_log, name, url):
    """Signed-in people are neither served the visitors' page nor leave theirs behind; visitors share one page
    holding none of a signed-in reader's data."""
    organizer_page = _get(side_a.organizer_client(), url)
    assert "Sign out" in organizer_page
    assert not [use for use in fragment_log if use.name == name], f"{name}: a signed-in person's page was kept"
    first, second = _get(Client(), url), _get(Client(), url)
    built, read = uses(fragment_log, name)
    assert built.built and not read.built
    kept = built.result.content.decode()
    for page in (kept, first, second):
        assert "Sign out" not in page and side_a.organizer.email not in page
        # Requests' references: private to each organization (the public words of offers and events may show).
        assert "RVA-" not in page and "LKB-" not in page
    assert "csrfmiddlewaretoken" not in kept or 'value="aidhub-hole:csrf:aidhub-hole"' in kept
    assert "Sign out" in _get(side_b.volunteer_client(), url), "a signed-in volunteer is not served the kept page"


@isolates(*KEPT_PAGES)
def test_pages_kept_for_visitors_hold_nothing_of_a_signed_in_reader(side_a, side_b, fragment_log):
    for name, url in KEPT_PAGES.items():
        _empty_cache()
        _kept_page_case(side_a, side_b, fragment_log, name, url)


@isolates("page:event")
def test_an_event_page_kept_for_visitors_holds_nothing_of_a_signed_in_reader(side_a, side_b, fragment_log):
    event = _event("Quill legal night")
    _kept_page_case(side_a, side_b, fragment_log, "page:event", f"/en/events/{event.pk}/")
