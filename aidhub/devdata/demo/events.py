"""Demo events of every kind for both demo organizations (for `manage.py seed_demo`; local use only).

Dates are set relative to the first run, so the events are coming up when you first look; running again changes
nothing.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from aidhub.core.models import Language
from aidhub.devdata.demo.event_translations import event_translations, supply_translations
from aidhub.events.models import AppointmentSlot, Booking, Event, Pledge, Registration, Shift, ShiftSignup, SupplyItem
from aidhub.lib.crypto import keyed_hash
from aidhub.lib.tokens import new_access_token, new_reference_code

K = Event.Kind
R = Shift.Role

# (organization slug, kind, title, area slug, days ahead, start, end, venue, address, languages, capacity,
#  childcare, description)
EVENTS = [
    ("eastside-mutual-aid", K.LEGAL_AID, "Legal aid night: immigration questions", "eastside", 5, "18:00", "21:00",
     Event.Venue.ON_SIGNUP, "Eastside Community Center, 210 Alder Street", ["en", "es", "ar", "mam"], None, True,
     "Free and confidential advice from immigration lawyers, with interpreters. Book a 20-minute appointment."),
    ("eastside-mutual-aid", K.WORKSHOP, "Know your rights at home and at work", "downtown", 9, "10:00", "12:30",
     Event.Venue.PUBLIC, "Downtown Library, Room B, 5 Court Square", ["en", "es", "ar"], 25, True,
     "What to do if someone knocks at your door or comes to your work. Bring your questions."),
    ("eastside-mutual-aid", K.SUPPLY_DRIVE, "Winter supply drive", "westside", 3, "09:00", "15:00",
     Event.Venue.PUBLIC, "Westside Church Hall, 48 Pine Avenue", ["en", "es"], None, False,
     "We collect blankets, warm coats and food for families who just arrived."),
    ("eastside-mutual-aid", K.SOLIDARITY, "Vigil outside the county detention center", "north-hills", 6, "19:00",
     "21:00", Event.Venue.ON_SIGNUP, "Meet at the North Hills bus stop, Line 4", ["en", "es", "ar"], None, False,
     "A quiet vigil with candles for our neighbours inside. Peaceful, with trained marshals."),
    ("eastside-mutual-aid", K.MEAL, "Community dinner", "eastside", 12, "17:30", "20:00",
     Event.Venue.PUBLIC, "Eastside Community Center, 210 Alder Street", ["en", "es", "mam"], None, True,
     "A free dinner for everyone. Come and meet your neighbours."),
    ("eastside-mutual-aid", K.OTHER, "New volunteer orientation", "downtown", 14, "18:30", "20:00",
     Event.Venue.PUBLIC, "Downtown Library, Room A, 5 Court Square", ["en", "es"], 30, False,
     "How the network works, how we keep families safe, and how you can help."),
    ("lakeview-families-network", K.LEGAL_AID, "Noche de ayuda legal / Legal aid night", "lakeview", 8, "18:00",
     "21:00", Event.Venue.ON_SIGNUP, "Lakeview Family Center, 3 Harbor Road", ["es", "en", "ht", "prs"], None, True,
     "Consultas gratis con abogados. Free advice with lawyers, in Spanish, Haitian Creole and Dari."),
    ("lakeview-families-network", K.WORKSHOP, "Preparing for a court hearing", "harbor", 4, "17:00", "19:00",
     Event.Venue.PUBLIC, "Harbor Library, 77 Dock Street", ["es", "en"], 2, False,
     "What happens at an immigration hearing and how to prepare. Small group."),
    ("lakeview-families-network", K.SUPPLY_DRIVE, "Back-to-school supplies", "harbor", 10, "10:00", "14:00",
     Event.Venue.PUBLIC, "Harbor Library, 77 Dock Street", ["es", "en", "ht"], None, False,
     "Backpacks, notebooks and pencils for children starting school."),
    ("lakeview-families-network", K.SOLIDARITY, "Solidarity walk to the courthouse", "lakeview", 7, "08:00",
     "10:00", Event.Venue.ON_SIGNUP, "Lakeview Park, north gate", ["es", "en"], None, False,
     "We walk with families to their hearings so no one goes alone."),
    ("lakeview-families-network", K.MEAL, "Harbor potluck", "harbor", 2, "12:00", "15:00",
     Event.Venue.PUBLIC, "Harbor Park, picnic area", ["es", "en", "fa", "prs", "ht"], None, True,
     "Bring a dish from home, or just come. Everyone is welcome."),
    ("lakeview-families-network", K.OTHER, "Interpreter training: Haitian Creole and Dari", "lakeview", 15,
     "18:00", "20:30", Event.Venue.PUBLIC, "Lakeview Family Center, 3 Harbor Road", ["ht", "prs", "en"], 12, False,
     "A first training for volunteer interpreters: confidentiality, roles and practice."),
]  # fmt: skip

# (event title, role, language code, places, volunteers)
SHIFTS = [
    ("Legal aid night: immigration questions", R.LAWYER, None, 3, ["sara"]),
    ("Legal aid night: immigration questions", R.INTERPRETER, "es", 2, ["lucia"]),
    ("Legal aid night: immigration questions", R.INTERPRETER, "ar", 1, ["ahmed"]),
    ("Legal aid night: immigration questions", R.CHILDCARE, None, 2, ["ana"]),
    ("Legal aid night: immigration questions", R.WELCOME, None, 1, []),
    ("Know your rights at home and at work", R.FACILITATOR, None, 2, ["sara"]),
    ("Know your rights at home and at work", R.CHILDCARE, None, 2, []),
    ("Winter supply drive", R.SET_UP, None, 3, ["minh", "maria"]),
    ("Winter supply drive", R.DRIVER, None, 2, []),
    ("Vigil outside the county detention center", R.OTHER, None, 4, ["tom"]),
    ("Community dinner", R.FOOD, None, 4, ["maria"]),
    ("Community dinner", R.SET_UP, None, 2, []),
    ("New volunteer orientation", R.FACILITATOR, None, 1, []),
    ("Noche de ayuda legal / Legal aid night", R.LAWYER, None, 2, []),
    ("Noche de ayuda legal / Legal aid night", R.INTERPRETER, "ht", 1, ["joseph"]),
    ("Noche de ayuda legal / Legal aid night", R.INTERPRETER, "prs", 1, ["fatima"]),
    ("Back-to-school supplies", R.SET_UP, None, 2, ["kofi"]),
    ("Solidarity walk to the courthouse", R.DRIVER, None, 2, ["joseph"]),
    ("Harbor potluck", R.SET_UP, None, 3, ["fatima"]),
    ("Interpreter training: Haitian Creole and Dari", R.FACILITATOR, None, 1, []),
]

# (event title, item, quantity, pledges as (volunteer or first name, quantity))
SUPPLIES = [
    ("Legal aid night: immigration questions", "Snacks and water for families waiting", 40, [("ana", 10)]),
    ("Winter supply drive", "Blankets", 40, [("maria", 6), ("Rosa", 10)]),
    ("Winter supply drive", "Children's winter coats", 25, [("Jamal", 4)]),
    ("Winter supply drive", "Hot meals", 30, [("kofi", 30)]),
    ("Vigil outside the county detention center", "Candles", 60, []),
    ("Vigil outside the county detention center", "Thermos of hot tea", 8, [("li", 2)]),
    ("Back-to-school supplies", "Backpacks", 50, [("Marta", 12)]),
    ("Back-to-school supplies", "Notebooks", 200, []),
    ("Harbor potluck", "Paper plates (packs)", 10, []),
]

ACCOUNTS = [
    (
        "sara@example.org",
        "volunteer confirmed for legal help: lawyer shift at the Eastside legal aid night, serves its appointments",
    )
]


def seed(areas, organizations, organizers, volunteers, **_context):
    """Events of every kind in both organizations, with shifts, slots, a booking, pledges and a waiting list."""
    events = {}
    for row in EVENTS:
        event, created = _event(row, areas, organizations, organizers)
        events[event.title] = (event, created)
        if created and event_translations(event.title):
            event.translations = event_translations(event.title)
            event.save(update_fields=["translations"])
    for title, role, language_code, places, names in SHIFTS:
        event, created = events[title]
        if created:
            _shift(event, role, language_code, places, [volunteers[name] for name in names])
    for title, name, quantity, pledges in SUPPLIES:
        event, created = events[title]
        if created:
            item = SupplyItem.objects.create(
                event=event, name=name, quantity=quantity, translations=supply_translations(name)
            )
            for who, amount in pledges:
                pledger = volunteers.get(who)
                Pledge.objects.create(item=item, quantity=amount, pledger=pledger, first_name="" if pledger else who)
    for title in ("Legal aid night: immigration questions", "Noche de ayuda legal / Legal aid night"):
        event, created = events[title]
        if created:
            _slots(event)
    legal_aid, created = events["Legal aid night: immigration questions"]
    if created:
        _booking(legal_aid, "Amal", "+1 555 010 4477", "ar")
        _booking(legal_aid, "Teresa", "teresa@example.net", "es")
    hearing, created = events["Preparing for a court hearing"]
    if created:
        for name, contact, status in [
            ("Rosa", "+1 555 010 5501", Registration.Status.CONFIRMED),
            ("Jean", "+1 555 010 5502", Registration.Status.CONFIRMED),
            ("Karim", "+1 555 010 5503", Registration.Status.WAITING),
        ]:
            _registration(hearing, name, contact, status)
    _draft(areas, organizations, organizers)
    return {"events": {title: event for title, (event, _created) in events.items()}}


def _local(days, clock):
    hour, minute = (int(part) for part in clock.split(":"))
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_current_timezone())


def _event(row, areas, organizations, organizers):
    slug, kind, title, area, days, start, end, venue, address, languages, capacity, childcare, description = row
    organization = organizations[slug]
    event, created = Event.objects.get_or_create(
        organization=organization,
        title=title,
        defaults={
            "kind": kind,
            "description": description,
            "starts_at": _local(days, start),
            "ends_at": _local(days, end),
            "area": areas[area],
            "venue": venue,
            "address": address,
            "capacity": capacity,
            "childcare": childcare,
            "status": Event.Status.PUBLISHED,
            "published_at": timezone.now(),
            "created_by": organization.members.first(),
        },
    )
    if created:
        event.languages.set(Language.objects.filter(code__in=languages))
    return event, created


def _shift(event, role, language_code, places, people):
    shift = Shift.objects.create(
        event=event,
        role=role,
        language=Language.objects.filter(code=language_code).first() if language_code else None,
        starts_at=event.starts_at - timedelta(minutes=30 if role in (R.SET_UP, R.WELCOME) else 0),
        ends_at=event.ends_at,
        places=places,
    )
    for user in people:
        ShiftSignup.objects.create(shift=shift, volunteer=user)


def _slots(event):
    """20-minute appointments, three families at a time, served by the lawyers' shift."""
    lawyers = event.shifts.filter(role=R.LAWYER).first()
    start = event.starts_at
    while start + timedelta(minutes=20) <= event.ends_at:
        AppointmentSlot.objects.create(
            event=event, starts_at=start, ends_at=start + timedelta(minutes=20), places=3, shift=lawyers
        )
        start += timedelta(minutes=20)


def _private(event, first_name, contact, language_code):
    language = Language.objects.get(code=language_code)
    return {
        "event": event,
        "first_name": first_name,
        "contact_kind": "email" if "@" in contact else "phone",
        "contact": contact,
        "contact_hash": keyed_hash(contact),
        "language": language,
        "message_language": language_code if language_code in ("en", "es", "ar") else "en",
        "reference_code": new_reference_code(),
        "token_hash": new_access_token()[1],
    }


def _booking(event, first_name, contact, language_code):
    slot = event.slots.order_by("starts_at")[1]
    Booking.objects.create(slot=slot, **_private(event, first_name, contact, language_code))


def _registration(event, first_name, contact, status):
    Registration.objects.create(status=status, **_private(event, first_name, contact, "es"))


def _draft(areas, organizations, organizers):
    """A draft for the organizer to finish and publish."""
    Event.objects.get_or_create(
        organization=organizations["eastside-mutual-aid"],
        title="Legal aid night (next month)",
        defaults={
            "kind": K.LEGAL_AID,
            "description": "Draft: add shifts and slots, then publish.",
            "starts_at": _local(33, "18:00"),
            "ends_at": _local(33, "21:00"),
            "area": areas["westside"],
            "venue": Event.Venue.ON_SIGNUP,
            "address": "Westside Church Hall, 48 Pine Avenue",
            "created_by": organizers["organizer@example.org"],
        },
    )
