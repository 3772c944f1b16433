"""The public event list is a cached fragment: no queries for the list when cached, and any change to an event
(publishing, cancelling, editing in the admin, deleting) shows at once."""

from aidhub.events.models import Event
from tests.factories import EventFactory
from tests.helpers import get_with_queries


def _get(client, url="/en/events/"):
    """The page's text and the number of queries it took."""
    response, queries = get_with_queries(client, url)
    return response.text, queries


def test_a_cached_list_needs_no_query(client, event):
    text, first = _get(client)
    again, cached = _get(client)
    assert first > 0
    assert cached == 0
    assert again == text
    assert ">Legal aid night</a>" in again


def test_each_language_filter_and_page_has_its_own_fragment(client, event):
    _get(client)
    spanish, queries = _get(client, "/es/events/")
    assert queries > 0
    assert "Eventos" in spanish
    meals, queries = _get(client, "/en/events/?kind=meal")
    assert queries > 0
    assert ">Legal aid night</a>" not in meals


def test_cancelling_shows_at_once(client_for, organizer, event, client, django_capture_on_commit_callbacks):
    assert "Cancelled" not in _get(client)[0]
    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(f"/en/organize/events/{event.pk}/cancel/")
    text, queries = _get(client)
    assert queries > 0
    assert "Cancelled" in text


def test_publishing_shows_at_once(
    client_for, organizer, organization, eastside, client, django_capture_on_commit_callbacks
):
    draft = EventFactory(organization=organization, area=eastside, title="Winter coats", status=Event.Status.DRAFT)
    assert "Winter coats" not in _get(client)[0]
    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(f"/en/organize/events/{draft.pk}/publish/")
    assert "Winter coats" in _get(client)[0]


def test_editing_and_deleting_anywhere_show_at_once(client, event, django_capture_on_commit_callbacks):
    _get(client)
    with django_capture_on_commit_callbacks(execute=True):
        event.title = "Legal clinic"
        event.save()
    assert "Legal clinic" in _get(client)[0]
    with django_capture_on_commit_callbacks(execute=True):
        Event.objects.get(pk=event.pk).delete()
    assert "Legal clinic" not in _get(client)[0]


def test_made_up_parameters_neither_make_copies_nor_reach_the_links(client, organization, eastside, settings):
    settings.EVENTS_PER_PAGE = 1
    for title in ("First", "Second"):
        EventFactory(organization=organization, area=eastside, title=title)
    text, _queries = _get(client, "/en/events/?utm_source=flyer&page=1")
    # The pagination links carry the list's own parameters only (the language menu keeps the page's address).
    assert 'href="?page=2"' in text
    assert "utm_source=flyer&amp;page=2" not in text
    again, queries = _get(client, "/en/events/?page=1&ref=anything")
    assert queries == 0
    assert 'href="?page=2"' in again
