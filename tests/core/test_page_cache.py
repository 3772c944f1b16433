"""Whole public pages kept for visitors who are not signed in (aidhub.lib.pagecache): served to them alone, never
built from or shown to a signed-in person, renewed by the versions of what they show."""

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from aidhub.lib import pagecache
from aidhub.offers.services import offer_pause
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def _renders(client, path, **extra):
    """The answer, and how many templates rendering it took: a kept page takes none."""
    response = client.get(path, **extra)
    assert response.status_code == 200
    return response, len(response.templates)


def test_a_visitor_reads_the_kept_page_and_a_change_renews_it(client, offer, django_capture_on_commit_callbacks):
    first, _ = _renders(client, "/en/offers/")
    assert offer.title in first.text
    again, rendered = _renders(client, "/en/offers/")
    assert rendered == 0 and again.content == first.content
    with django_capture_on_commit_callbacks(execute=True):
        offer_pause(actor=offer.volunteer, offer=offer)
    renewed, _ = _renders(client, "/en/offers/")
    assert offer.title not in renewed.text


def test_the_kept_page_carries_no_cookie_and_the_headers_of_the_site(client, offer):
    client.get("/en/offers/")
    response = client.get("/en/offers/")
    assert not response.cookies.get("__Host-csrftoken") and not response.cookies.get("csrftoken")
    assert "Content-Security-Policy" in response.headers
    assert response.headers["Content-Type"].startswith("text/html")


def test_each_language_and_filter_has_its_own_page(client, offer):
    english, _ = _renders(client, "/en/")
    spanish, _ = _renders(client, "/es/")
    assert 'lang="en"' in english.text and 'lang="es"' in spanish.text
    assert _renders(client, "/es/")[0].content == spanish.content
    food, _ = _renders(client, "/en/offers/?category=food")
    childcare, _ = _renders(client, "/en/offers/?category=childcare")
    assert food.content != childcare.content


def test_a_signed_in_persons_page_is_neither_kept_nor_shown_to_visitors(client, volunteer, offer):
    client.force_login(volunteer)
    signed_in, _ = _renders(client, "/en/offers/")
    assert "Sign out" in signed_in.text
    client.logout()
    client.cookies.clear()
    visitor, _ = _renders(client, "/en/offers/")
    assert "Sign out" not in visitor.text and volunteer.email not in visitor.text
    # And the other way: the visitors' kept page is not what the volunteer gets.
    client.force_login(volunteer)
    assert "Sign out" in _renders(client, "/en/offers/")[0].text


def test_a_visitor_with_messages_waiting_is_served_afresh(client, offer):
    client.get("/en/offers/")
    client.cookies[CookieStorage.cookie_name] = "anything"
    assert _renders(client, "/en/offers/")[1] > 0


def test_made_up_parameters_and_searches_are_not_kept(client, offer):
    for path in ("/en/offers/?utm_source=x", f"/en/offers/?q={offer.title[:5]}"):
        client.get(path)
        assert _renders(client, path)[1] > 0, path


def test_a_page_that_used_a_csrf_token_or_set_a_cookie_is_not_kept(db):
    request = RequestFactory().get("/en/somewhere/")
    builds = []

    def with_token():
        builds.append(1)
        get_token(request)
        return HttpResponse("<form>token</form>")

    pagecache.page(request, "test-token", versions=["reference"], build=with_token)
    pagecache.page(request, "test-token", versions=["reference"], build=with_token)
    assert len(builds) == 2

    def with_cookie():
        builds.append(1)
        response = HttpResponse("<p>hello</p>")
        response.set_cookie("chosen", "1")
        return response

    fresh = RequestFactory().get("/en/elsewhere/")
    pagecache.page(fresh, "test-cookie", versions=["reference"], build=with_cookie)
    pagecache.page(fresh, "test-cookie", versions=["reference"], build=with_cookie)
    assert len(builds) == 4


def test_an_unpublished_events_page_is_not_served_from_the_cache(client, django_capture_on_commit_callbacks):
    event = EventFactory()
    assert client.get(f"/en/events/{event.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        event.status = event.Status.DRAFT
        event.save()
    assert client.get(f"/en/events/{event.pk}/").status_code == 404
