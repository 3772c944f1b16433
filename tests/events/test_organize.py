from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from aidhub.core.models import NetworkSettings
from aidhub.events.models import AppointmentSlot, Event
from tests.factories import (
    OrganizationFactory,
    PledgeFactory,
    ShiftFactory,
    ShiftSignupFactory,
    SlotFactory,
    SupplyItemFactory,
    VolunteerProfileFactory,
    language,
    make_booking,
    make_registration,
)
from tests.helpers import count_queries


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def event_data(event=None, **changes):
    """A valid event form, from an event or for a new one in a week."""
    start = event.starts_at if event else timezone.now() + timedelta(days=7)
    data = {
        "organization": event.organization_id if event else None,
        "kind": event.kind if event else "workshop",
        "title": event.title if event else "Know your rights",
        "description": "What to do if someone knocks at your door.",
        "starts_at": _local(start),
        "ends_at": _local(start + timedelta(hours=2)),
        "area": event.area_id if event else None,
        "venue": "public",
        "address": "Library, 5 Court Square",
        "languages": [language("es").pk],
        "accessibility": "",
        "capacity": "20",
    }
    data.update(changes)
    return data


def test_organizer_creates_a_draft_then_publishes_it(client_for, organizer, organization, eastside, client):
    organizer_client = client_for(organizer)
    response = organizer_client.post(
        "/en/organize/events/new/", event_data(organization=organization.pk, area=eastside.pk)
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.status == "draft"
    assert event.created_by == organizer
    assert client.get(f"/en/events/{event.pk}/").status_code == 404
    organizer_client.post(f"/en/organize/events/{event.pk}/publish/")
    event.refresh_from_db()
    assert event.status == "published"
    assert "Know your rights" in client.get("/en/events/").text


def test_times_are_read_in_the_sites_time_zone(client_for, organizer, organization, eastside, settings):
    client_for(organizer).post(
        "/en/organize/events/new/",
        event_data(
            organization=organization.pk, area=eastside.pk, starts_at="2030-03-05T18:00", ends_at="2030-03-05T21:00"
        ),
    )
    event = Event.objects.get()
    assert timezone.localtime(event.starts_at).hour == 18
    assert event.starts_at.utcoffset() is not None
    assert settings.TIME_ZONE == "America/Los_Angeles"
    assert event.starts_at.astimezone(UTC).hour == 2  # 18:00 in Los Angeles is 02:00 UTC the next day


def test_organizer_cannot_create_for_another_organization_or_area(
    client_for, organizer, organization, eastside, lakeview
):
    other = OrganizationFactory(areas=[lakeview])
    client = client_for(organizer)
    response = client.post("/es/organize/events/new/", event_data(organization=other.pk, area=eastside.pk))
    assert "Escoja una opción válida" in response.text
    response = client.post("/es/organize/events/new/", event_data(organization=organization.pk, area=lakeview.pk))
    assert "Escoja una opción válida" in response.text
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Este campo es obligatorio."),
        ("kind", "party", "Escoja una opción válida"),
        ("starts_at", "yesterday", "Introduzca una fecha/hora válida."),
        ("ends_at", "2020-01-01T10:00", "El final debe ser después del comienzo."),
        ("address", "", "Escriba la dirección"),
        ("capacity", "0", "Asegúrese de que este valor es mayor o igual a 1."),
    ],
)
def test_bad_input_gets_a_translated_error_and_saves_nothing(
    client_for, organizer, organization, eastside, field, value, message
):
    data = event_data(organization=organization.pk, area=eastside.pk, **{field: value})
    response = client_for(organizer).post("/es/organize/events/new/", data)
    assert response.status_code == 200
    assert message in response.text
    assert not Event.objects.exists()
    if field != "description":
        assert "What to do if someone knocks at your door." in response.text


def test_extra_posted_fields_cannot_publish_or_move_an_event(
    client_for, organizer, organization, eastside, other_organizer
):
    data = event_data(
        organization=organization.pk,
        area=eastside.pk,
        status="published",
        published_at="2020-01-01",
        created_by=other_organizer.pk,
    )
    client_for(organizer).post("/en/organize/events/new/", data)
    event = Event.objects.get()
    assert event.status == "draft"
    assert event.published_at is None
    assert event.created_by == organizer


def test_other_organizers_get_404_for_every_part_of_an_event(client_for, other_organizer, event, shift, slot, pledge):
    client = client_for(other_organizer)
    for url in (
        f"/en/organize/events/{event.pk}/edit/",
        f"/en/organize/events/shifts/{shift.pk}/edit/",
    ):
        assert client.post(url, {"title": "Hijack"}).status_code == 404
    assert client.post(f"/en/organize/events/slots/{slot.pk}/delete/").status_code == 404
    assert client.post(f"/en/organize/events/pledges/{pledge.pk}/received/").status_code == 404
    event.refresh_from_db()
    assert event.title != "Hijack"
    assert AppointmentSlot.objects.filter(pk=slot.pk).exists()


def test_organizer_generates_twenty_minute_slots_from_six_to_nine(client_for, organizer, event):
    lawyers = ShiftFactory(event=event, role="lawyer", language=None)
    start = timezone.localtime(event.starts_at)
    event.ends_at = event.starts_at + timedelta(hours=4)
    event.save()
    response = client_for(organizer).post(
        f"/en/organize/events/{event.pk}/slots/new/",
        {
            "date": start.date().isoformat(),
            "first_start": start.strftime("%H:%M"),
            "last_end": (start + timedelta(hours=3)).strftime("%H:%M"),
            "minutes": "20",
            "places": "3",
            "shift": lawyers.pk,
        },
    )
    assert response.status_code == 302
    slots = list(event.slots.all())
    assert len(slots) == 9
    assert {slot.places for slot in slots} == {3}
    assert slots[1].starts_at - slots[0].starts_at == timedelta(minutes=20)
    assert all(slot.shift == lawyers for slot in slots)


def test_slots_outside_the_event_are_refused(client_for, organizer, event):
    start = timezone.localtime(event.starts_at)
    response = client_for(organizer).post(
        f"/es/organize/events/{event.pk}/slots/new/",
        {"date": start.date().isoformat(), "first_start": "03:00", "last_end": "04:00", "minutes": "20", "places": "1"},
    )
    assert "Las citas deben estar dentro del horario del evento." in response.text
    assert not event.slots.exists()


def test_shift_needs_a_language_for_interpreters_and_stays_near_the_event(client_for, organizer, event):
    client = client_for(organizer)
    data = {
        "role": "interpreter",
        "starts_at": _local(event.starts_at),
        "ends_at": _local(event.ends_at),
        "places": "2",
    }
    response = client.post(f"/en/organize/events/{event.pk}/shifts/new/", data)
    assert "Choose the language to interpret." in response.text
    data.update(language=language("ar").pk, starts_at=_local(event.starts_at - timedelta(days=2)))
    response = client.post(f"/en/organize/events/{event.pk}/shifts/new/", data)
    assert "A shift must be within 12 hours of the event." in response.text
    assert not event.shifts.exists()


def test_a_shift_with_volunteers_cannot_be_removed_or_shrunk_below_them(client_for, organizer, shift):
    client = client_for(organizer)
    client.post(f"/en/organize/events/shifts/{shift.pk}/delete/")
    assert shift.signups.exists()
    ShiftSignupFactory(shift=shift)
    data = {
        "role": "welcome",
        "language": "",
        "starts_at": _local(shift.starts_at),
        "ends_at": _local(shift.ends_at),
        "places": "1",
    }
    response = client.post(f"/en/organize/events/shifts/{shift.pk}/edit/", data)
    assert "More volunteers have already signed up than this number." in response.text


def test_cancel_asks_first_then_tells_people(client_for, organizer, event, shift):
    client = client_for(organizer)
    confirm = client.get(f"/en/organize/events/{event.pk}/cancel/")
    assert "1 volunteer with a shift" in confirm.text
    event.refresh_from_db()
    assert event.status == "published"
    client.post(f"/en/organize/events/{event.pk}/cancel/")
    event.refresh_from_db()
    assert event.status == "cancelled"
    assert event.cancelled_at is not None


def _grow(event, first, count):
    """Adds `count` of everything the organizer page lists."""
    for index in range(first, first + count):
        shift = ShiftFactory(event=event, places=5)
        for _ in range(2):
            ShiftSignupFactory(shift=shift, volunteer=VolunteerProfileFactory().user)
        slot = SlotFactory(event=event, starts_at=event.starts_at + timedelta(minutes=20 * index), shift=shift)
        make_booking(slot, contact=f"+1202555{index:04d}")
        item = SupplyItemFactory(event=event)
        PledgeFactory(item=item, pledger=VolunteerProfileFactory().user, first_name="")
        PledgeFactory(item=item)
        make_registration(event, contact=f"+1303555{index:04d}")


@pytest.mark.parametrize("page", ["", "attendance/"])
def test_organizer_event_page_runs_the_same_number_of_queries_as_sign_ups_grow(client_for, organizer, event, page):
    client = client_for(organizer)
    url = f"/en/organize/events/{event.pk}/{page}"
    NetworkSettings.load()  # the page asks which kinds need vetting; a running network has the row already
    _grow(event, 0, 2)
    client.get(url)  # a first page keeps the menu's work counts in the cache (aidhub.portal.selectors)
    with_few = count_queries(client, url)
    _grow(event, 2, 8)
    assert count_queries(client, url) == with_few


def test_organizer_event_list_runs_the_same_number_of_queries_as_events_grow(
    client_for, organizer, organization, eastside
):
    from tests.factories import EventFactory

    client = client_for(organizer)
    for _ in range(2):
        ShiftSignupFactory(shift__event=EventFactory(organization=organization, area=eastside))
    client.get(
        "/en/organize/events/"
    )  # a first page keeps the menu's work counts in the cache (aidhub.portal.selectors)
    with_few = count_queries(client, "/en/organize/events/")
    for _ in range(15):
        ShiftSignupFactory(shift__event=EventFactory(organization=organization, area=eastside))
    assert count_queries(client, "/en/organize/events/") == with_few
