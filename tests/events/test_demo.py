from io import StringIO

from django.core.management import call_command

from aidhub.events.models import AppointmentSlot, Booking, Event, Pledge, Registration, ShiftSignup


def test_demo_has_events_of_every_kind_in_both_organizations_and_is_idempotent(db):
    call_command("seed_demo", stdout=StringIO())
    for slug in ("eastside-mutual-aid", "lakeview-families-network"):
        kinds = set(Event.objects.filter(organization__slug=slug, status="published").values_list("kind", flat=True))
        assert kinds == set(Event.Kind.values)
    models = [Event, ShiftSignup, AppointmentSlot, Booking, Registration, Pledge]
    first = {model.__name__: model.objects.count() for model in models}
    assert all(first.values())
    call_command("seed_demo", stdout=StringIO())
    assert {model.__name__: model.objects.count() for model in models} == first


def test_demo_lawyer_sees_her_shift_and_the_slots_she_serves(client, db):
    call_command("seed_demo", stdout=StringIO())
    client.post("/en/accounts/login/", {"login": "sara@example.org", "password": "demo-pass-2026"})
    page = client.get("/en/my/")
    assert "Legal aid night: immigration questions" in page.text
    event = Event.objects.get(title="Legal aid night: immigration questions")
    slots = client.get(f"/en/my/events/{event.pk}/slots/")
    assert "Amal" in slots.text
