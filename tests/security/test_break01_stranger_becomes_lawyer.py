"""Break 1 of issue 14: any signed-up volunteer, vetted for nothing, took the lawyer shift of a legal aid night and
then read that night's bookings (first names, reference codes) and its hidden address.

Taking a shift, seeing the bookings it serves, the event's hidden address, the calendar feed and the reminder all
ask aidhub.accounts.capabilities, at the time of reading: a sign-up taken before vetting was required or removed
grants nothing."""

from datetime import timedelta

import pytest
from django.core import mail

from aidhub.events.models import Event, ShiftSignup
from aidhub.events.services.reminders import send_due_reminders
from aidhub.offers.models import Offer
from tests.factories import EventFactory, ShiftFactory, SlotFactory, make_booking, vet

HIDDEN_ADDRESS = "Back room, 12 Cedar Street"
NOT_ALLOWED = "Only volunteers an organizer has confirmed for legal help can take this shift."


@pytest.fixture
def legal_night(organization, eastside):
    """A legal aid night whose address is only for people with a shift; its appointments are served by lawyers."""
    event = EventFactory(
        organization=organization,
        area=eastside,
        title="Legal aid night",
        venue=Event.Venue.ON_SIGNUP,
        address=HIDDEN_ADDRESS,
    )
    lawyers = ShiftFactory(event=event, role="lawyer", language=None, places=3)
    slot = SlotFactory(event=event, shift=lawyers)
    make_booking(slot, first_name="Amal")
    return event


@pytest.fixture
def lawyer_shift(legal_night):
    return legal_night.shifts.get(role="lawyer")


def test_an_unvetted_volunteer_taking_the_lawyer_shift_is_told_it_is_not_allowed(client_for, volunteer, lawyer_shift):
    response = client_for(volunteer).post(f"/en/events/shifts/{lawyer_shift.pk}/sign-up/", follow=True)
    assert NOT_ALLOWED in response.text
    assert not ShiftSignup.objects.filter(volunteer=volunteer).exists()


def test_the_event_page_says_which_shift_needs_vetting(client_for, volunteer, lawyer_shift):
    response = client_for(volunteer).get(f"/en/events/{lawyer_shift.event_id}/")
    assert "Needs an organizer's confirmation for legal help" in response.text
    assert HIDDEN_ADDRESS not in response.text


def test_the_bookings_page_of_the_legal_night_is_404_for_an_unvetted_volunteer(client_for, volunteer, lawyer_shift):
    client = client_for(volunteer)
    client.post(f"/en/events/shifts/{lawyer_shift.pk}/sign-up/")
    response = client.get(f"/en/my/events/{lawyer_shift.event_id}/slots/")
    assert response.status_code == 404
    assert "Amal" not in response.text


def test_a_sign_up_taken_before_the_rule_grants_nothing(client_for, volunteer, lawyer_shift):
    """A sign-up in the database from before this fix (or made by hand) is checked again when read."""
    ShiftSignup.objects.create(shift=lawyer_shift, volunteer=volunteer)
    client = client_for(volunteer)
    assert client.get(f"/en/my/events/{lawyer_shift.event_id}/slots/").status_code == 404
    assert HIDDEN_ADDRESS not in client.get(f"/en/events/{lawyer_shift.event_id}/").text
    assert HIDDEN_ADDRESS not in client.get("/en/my/").text
    assert "Appointments you serve" not in client.get("/en/my/").text


def test_a_vetted_volunteer_takes_the_lawyer_shift_and_serves_the_appointments(
    client_for, accepted_volunteer, lawyer_shift
):
    vet(accepted_volunteer, "legal")
    client = client_for(accepted_volunteer)
    response = client.post(f"/en/events/shifts/{lawyer_shift.pk}/sign-up/", follow=True)
    assert "You have the shift" in response.text
    assert HIDDEN_ADDRESS in client.get(f"/en/events/{lawyer_shift.event_id}/").text
    assert "Amal" in client.get(f"/en/my/events/{lawyer_shift.event_id}/slots/").text


def test_removing_the_vetting_takes_back_the_bookings_and_the_address(
    client_for, accepted_volunteer, organizer, lawyer_shift
):
    vet(accepted_volunteer, "legal")
    volunteer_client = client_for(accepted_volunteer)
    volunteer_client.post(f"/en/events/shifts/{lawyer_shift.pk}/sign-up/")
    assert volunteer_client.get(f"/en/my/events/{lawyer_shift.event_id}/slots/").status_code == 200

    organizer_client = client_for(organizer)
    profile_pk = accepted_volunteer.volunteer_profile.pk
    organizer_client.post(f"/en/organize/volunteers/{profile_pk}/", {"categories": []})

    volunteer_client = client_for(accepted_volunteer)
    assert volunteer_client.get(f"/en/my/events/{lawyer_shift.event_id}/slots/").status_code == 404
    assert HIDDEN_ADDRESS not in volunteer_client.get(f"/en/events/{lawyer_shift.event_id}/").text


def test_the_calendar_feed_leaves_out_a_shift_the_volunteer_may_not_serve(client_for, volunteer, lawyer_shift):
    ShiftSignup.objects.create(shift=lawyer_shift, volunteer=volunteer)
    client = client_for(volunteer)
    response = client.post("/en/my/events/calendar/")
    link = response.context["link"]
    feed = client.get(link.removeprefix("http://testserver")).content.decode()
    assert "BEGIN:VCALENDAR" in feed
    assert "Cedar" not in feed
    assert "Legal aid night" not in feed


def test_only_a_volunteer_who_may_serve_the_shift_gets_its_reminder_with_the_address(
    volunteer, accepted_volunteer, lawyer_shift, django_capture_on_commit_callbacks
):
    ShiftSignup.objects.create(shift=lawyer_shift, volunteer=volunteer)
    vet(accepted_volunteer, "legal")
    ShiftSignup.objects.create(shift=lawyer_shift, volunteer=accepted_volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        send_due_reminders(now=lawyer_shift.starts_at - timedelta(hours=20))
    assert [message.to for message in mail.outbox] == [[accepted_volunteer.email]]
    assert HIDDEN_ADDRESS in mail.outbox[0].body


def test_an_unvetted_volunteer_offering_legal_help_is_told_an_organizer_will_confirm_them_first(
    client_for, volunteer, organizer, eastside
):
    from tests.factories import language

    response = client_for(volunteer).post(
        "/en/my/offers/new/",
        {
            "category": "legal",
            "title": "Help with court letters",
            "description": "I read letters from the court with you.",
            "languages": [language("es").pk],
            "areas": [eastside.pk],
            "availability": ["2", "5"],
            "capacity": 1,
        },
        follow=True,
    )
    assert "An organizer will confirm you first" in response.text
    offer = Offer.objects.get(volunteer=volunteer)
    # Even once an organizer approves the text of the offer, it is not listed until the volunteer is confirmed.
    client_for(organizer).post(f"/en/organize/offers/{offer.pk}/", {"decision": "approve"})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    assert client_for(None).get(f"/en/offers/{offer.pk}/").status_code == 404
    assert "Help with court letters" not in client_for(None).get("/en/offers/").text


def test_the_booking_form_tells_families_truly_who_sees_their_first_name(client, legal_night):
    text = client.get(f"/en/events/{legal_night.pk}/book/").text
    assert "Only the organizers see them" not in text
    assert "the volunteers they confirmed to serve your appointment see your first name" in text


def test_the_organizer_sees_which_sign_ups_are_not_confirmed(client_for, organizer, volunteer, lawyer_shift):
    ShiftSignup.objects.create(shift=lawyer_shift, volunteer=volunteer)
    page = client_for(organizer).get(f"/en/organize/events/{lawyer_shift.event_id}/").text
    assert 'María</bdi> <span class="badge text-bg-warning">Not confirmed</span>' in page
