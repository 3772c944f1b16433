"""Break 10 of issue 14: a deactivated volunteer's private calendar link still answered with their shifts and
places. Links that work without a session die with their owner: deactivation deletes them, and the feed asks
whether its owner is still active each time it is read."""

import pytest
from django.contrib.auth import get_user_model

from aidhub.events.models import CalendarFeed, ShiftSignup
from tests.helpers import form_values


@pytest.fixture
def feed_url(client_for, volunteer, shift):
    """The volunteer's private calendar link, made on their page, for a volunteer with a welcome-desk shift."""
    response = client_for(volunteer).post("/en/my/events/calendar/")
    assert ShiftSignup.objects.filter(volunteer=volunteer).exists()
    client_for(None).logout()
    return response.context["link"].removeprefix("http://testserver")


def test_the_feed_answers_while_its_owner_is_active(client, feed_url):
    response = client.get(feed_url)
    assert response.status_code == 200
    assert "Community Center" in response.content.decode()


def test_deactivating_in_the_admin_list_kills_the_feed(client_for, admin_user, volunteer, feed_url):
    client = client_for(admin_user)
    response = client.post(
        "/admin/accounts/user/", {"action": "deactivate", "_selected_action": [volunteer.pk], "index": 0}
    )
    assert response.status_code == 302
    client.logout()
    assert client.get(feed_url).status_code == 404
    assert not CalendarFeed.objects.filter(user=volunteer).exists()


def test_unticking_active_on_the_admin_change_page_kills_the_feed(client_for, admin_user, volunteer, feed_url):
    client = client_for(admin_user)
    url = f"/admin/accounts/user/{volunteer.pk}/change/"
    data = form_values(client.get(url).text)
    data.pop("is_active")
    response = client.post(url, data)
    assert response.status_code == 302
    volunteer.refresh_from_db()
    assert not volunteer.is_active
    client.logout()
    assert client.get(feed_url).status_code == 404
    assert not CalendarFeed.objects.filter(user=volunteer).exists()


def test_a_feed_of_a_user_deactivated_any_other_way_answers_404(client, volunteer, feed_url):
    """Even where is_active was switched off without the service (a shell, a bulk update), the feed is dead."""
    get_user_model().objects.filter(pk=volunteer.pk).update(is_active=False)
    assert client.get(feed_url).status_code == 404


def test_a_deleted_user_s_feed_answers_404(client, volunteer, feed_url):
    volunteer.delete()
    assert client.get(feed_url).status_code == 404
    assert not CalendarFeed.objects.exists()
