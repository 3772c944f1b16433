from tests.factories import EventFactory, PledgeFactory, ShiftSignupFactory, SupplyItemFactory


def test_draft_has_no_public_page(client, organization, eastside):
    draft = EventFactory(organization=organization, area=eastside, status="draft", published_at=None)
    assert client.get(f"/en/events/{draft.pk}/").status_code == 404


def test_page_shows_shifts_slots_supplies_and_places(client, event, shift, slot, supply_item):
    response = client.get(f"/en/events/{event.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "Welcome desk" in text
    assert "1 of 2 places taken" in text
    assert "Book an appointment" in text
    assert "Blankets" in text
    assert "40 of 40 still missing" in text
    assert "10 places left." in text
    # Volunteers' names and emails are not public.
    assert "maria@example.org" not in text
    assert "María" not in text


def test_address_shared_on_signup_is_hidden_until_one_signs_up(client, client_for, event, other_volunteer):
    event.venue = "on_signup"
    event.address = "Hidden Hall, 9 Secret Street"
    event.save()
    assert "Hidden Hall" not in client.get(f"/en/events/{event.pk}/").text
    assert "The exact place is shared with people who sign up." in client.get(f"/en/events/{event.pk}/").text
    volunteer_client = client_for(other_volunteer)
    assert "Hidden Hall" not in volunteer_client.get(f"/en/events/{event.pk}/").text
    ShiftSignupFactory(shift__event=event, volunteer=other_volunteer)
    assert "Hidden Hall" in volunteer_client.get(f"/en/events/{event.pk}/").text


def test_signed_in_pledger_sees_the_private_address(client_for, event, other_volunteer):
    event.venue = "on_signup"
    event.address = "Hidden Hall, 9 Secret Street"
    event.save()
    PledgeFactory(item=SupplyItemFactory(event=event), pledger=other_volunteer, first_name="")
    assert "Hidden Hall" in client_for(other_volunteer).get(f"/en/events/{event.pk}/").text


def test_cancelled_event_says_so_and_takes_no_sign_ups(client_for, event, shift, other_volunteer):
    event.status = "cancelled"
    event.save()
    response = client_for(other_volunteer).get(f"/es/events/{event.pk}/")
    assert "Este evento está cancelado." in response.text
    assert f"/events/shifts/{shift.pk}/sign-up/" not in response.text
