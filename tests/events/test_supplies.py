from aidhub.events.models import Pledge
from tests.factories import PledgeFactory
from tests.helpers import antibot_fields


def test_anyone_pledges_and_the_page_shows_what_is_still_missing(client, supply_item):
    event = supply_item.event
    response = client.post(
        f"/en/events/{event.pk}/pledge/",
        {"item": supply_item.pk, "quantity": "15", "first_name": "Rosa", "contact": "", **antibot_fields()},
    )
    assert response.status_code == 200
    # The item's name, typed by an organizer, is isolated from the sentence around it (issue 16, item 7).
    assert "You pledged 15 × <bdi>Blankets</bdi>." in response.text
    assert event.address in response.text
    assert "25 of 40 still missing" in client.get(f"/en/events/{event.pk}/").text
    pledge = Pledge.objects.get()
    assert pledge.first_name == "Rosa"
    assert pledge.pledger is None


def test_signed_in_volunteer_pledges_without_typing_a_name(client_for, supply_item, volunteer):
    client_for(volunteer).post(
        f"/en/events/{supply_item.event_id}/pledge/", {"item": supply_item.pk, "quantity": "2", **antibot_fields()}
    )
    pledge = Pledge.objects.get()
    assert pledge.pledger == volunteer
    assert not pledge.first_name


def test_pledging_more_than_is_missing_is_refused(client, supply_item):
    PledgeFactory(item=supply_item, quantity=38)
    response = client.post(
        f"/es/events/{supply_item.event_id}/pledge/",
        {"item": supply_item.pk, "quantity": "5", "first_name": "Rosa", **antibot_fields()},
    )
    assert "Solo se necesitan 2 más." in response.text
    assert Pledge.objects.count() == 1


def test_anonymous_pledge_needs_a_first_name(client, supply_item):
    response = client.post(
        f"/es/events/{supply_item.event_id}/pledge/", {"item": supply_item.pk, "quantity": "5", **antibot_fields()}
    )
    assert "Este campo es obligatorio." in response.text
    assert not Pledge.objects.exists()


def test_organizer_marks_a_pledge_received_and_can_undo_it(client_for, organizer, pledge):
    client = client_for(organizer)
    client.post(f"/en/organize/events/pledges/{pledge.pk}/received/")
    pledge.refresh_from_db()
    assert pledge.received_at is not None
    assert "35 of 40 missing · 5 received" in client.get(f"/en/organize/events/{pledge.item.event_id}/").text
    client.post(f"/en/organize/events/pledges/{pledge.pk}/received/")
    pledge.refresh_from_db()
    assert pledge.received_at is None


def test_organizer_adds_an_item_but_not_twice(client_for, organizer, event):
    client = client_for(organizer)
    assert (
        client.post(
            f"/en/organize/events/{event.pk}/supplies/new/", {"name": "Hot meals", "quantity": "30"}
        ).status_code
        == 302
    )
    response = client.post(f"/en/organize/events/{event.pk}/supplies/new/", {"name": "hot  meals", "quantity": "3"})
    assert "This item is already on the list." in response.text
    assert event.supplies.count() == 1


def test_an_item_with_pledges_stays(client_for, organizer, pledge):
    client_for(organizer).post(f"/en/organize/events/supplies/{pledge.item_id}/delete/")
    assert Pledge.objects.exists()
