from datetime import timedelta

from aidhub.events.models import ShiftSignup
from tests.factories import ShiftFactory, ShiftSignupFactory, SlotFactory, make_booking


def test_volunteer_takes_a_shift_and_sees_it_on_my_page(client_for, event, other_volunteer):
    shift = ShiftFactory(event=event, places=1)
    client = client_for(other_volunteer)
    response = client.post(f"/en/events/shifts/{shift.pk}/sign-up/", follow=True)
    assert "Thank you! You have the shift" in response.text
    assert ShiftSignup.objects.filter(shift=shift, volunteer=other_volunteer).exists()
    dashboard = client.get("/en/my/")
    assert event.title in dashboard.text
    assert "Leave this shift" in dashboard.text


def test_a_full_shift_takes_nobody_else(client_for, event, other_volunteer):
    shift = ShiftFactory(event=event, places=1)
    ShiftSignupFactory(shift=shift)
    response = client_for(other_volunteer).post(f"/es/events/shifts/{shift.pk}/sign-up/", follow=True)
    assert "Lo sentimos, este turno está lleno." in response.text
    assert shift.signups.count() == 1


def test_signing_up_twice_or_for_overlapping_shifts_is_refused(client_for, event, other_volunteer):
    first = ShiftFactory(event=event)
    overlapping = ShiftFactory(
        event=event, role="set_up", language=None, starts_at=event.starts_at + timedelta(hours=1)
    )
    client = client_for(other_volunteer)
    client.post(f"/en/events/shifts/{first.pk}/sign-up/")
    again = client.post(f"/en/events/shifts/{first.pk}/sign-up/", follow=True)
    assert "You already have this shift." in again.text
    response = client.post(f"/en/events/shifts/{overlapping.pk}/sign-up/", follow=True)
    assert "You already have another shift at that time." in response.text
    assert ShiftSignup.objects.filter(volunteer=other_volunteer).count() == 1


def test_no_sign_ups_for_cancelled_or_draft_events(client_for, event, other_volunteer):
    shift = ShiftFactory(event=event)
    event.status = "cancelled"
    event.save()
    response = client_for(other_volunteer).post(f"/en/events/shifts/{shift.pk}/sign-up/", follow=True)
    assert "Sign-ups for this event are closed." in response.text
    event.status = "draft"
    event.published_at = None
    event.save()
    assert client_for(other_volunteer).post(f"/en/events/shifts/{shift.pk}/sign-up/").status_code == 404
    assert not shift.signups.exists()


def test_leaving_a_shift_frees_the_place(client_for, shift, volunteer):
    response = client_for(volunteer).post(f"/en/events/shifts/{shift.pk}/cancel/", {"next": "my"})
    assert response.status_code == 302
    assert response["Location"] == "/en/my/"
    assert not shift.signups.exists()


def test_get_never_signs_anyone_up(client_for, event, other_volunteer):
    shift = ShiftFactory(event=event)
    assert client_for(other_volunteer).get(f"/en/events/shifts/{shift.pk}/sign-up/").status_code == 405
    assert not shift.signups.exists()


def test_my_page_lists_only_coming_shifts_of_events_still_on(client_for, event, shift, volunteer):
    past = ShiftFactory(
        event=event,
        starts_at=event.starts_at - timedelta(days=10),
        ends_at=event.starts_at - timedelta(days=10, hours=-1),
    )
    ShiftSignupFactory(shift=past, volunteer=volunteer)
    text = client_for(volunteer).get("/en/my/").text
    assert text.count("Leave this shift") == 1


def test_volunteer_serving_slots_sees_only_their_slots_never_contacts(client_for, slot, volunteer):
    make_booking(slot, first_name="Amal", contact="+12025550147")
    other = SlotFactory(event=slot.event, starts_at=slot.starts_at + timedelta(minutes=20))
    make_booking(other, first_name="Teresa", contact="+15550109999", code="es")
    text = client_for(volunteer).get(f"/en/my/events/{slot.event_id}/slots/").text
    assert "Amal" in text
    assert "+12025550147" not in text
    assert "Teresa" not in text
