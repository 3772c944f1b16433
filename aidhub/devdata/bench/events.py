"""Benchmark events (for `manage.py seed_bench`): 5,000 at scale 1 over two years, most of them over, a few
hundred coming up; two to four volunteer shifts each and 60,000 sign-ups; appointment slots with families'
bookings at the coming legal aid nights. Names and numbers are made up; they are encrypted like real ones."""

import hashlib
from datetime import timedelta

from django.utils import timezone

from aidhub.core.models import Organization
from aidhub.devdata.benchkit import bulk_insert, bulk_insert_pairs, reference_codes, scaled, zipf_weights
from aidhub.events.models import AppointmentSlot, Booking, ContactKind, Event, Shift, ShiftSignup
from aidhub.lib.crypto import keyed_hash

EVENTS = 5_000
SIGNUPS = 60_000
Kind, Role, Status = Event.Kind, Shift.Role, Event.Status
KINDS = [(Kind.LEGAL_AID, 25), (Kind.WORKSHOP, 20), (Kind.SUPPLY_DRIVE, 12), (Kind.SOLIDARITY, 8)]
KINDS += [(Kind.MEAL, 30), (Kind.OTHER, 5)]
ROLES = {
    Kind.LEGAL_AID: [Role.LAWYER, Role.INTERPRETER, Role.WELCOME, Role.CHILDCARE],
    Kind.WORKSHOP: [Role.FACILITATOR, Role.INTERPRETER, Role.CHILDCARE],
    Kind.SUPPLY_DRIVE: [Role.SET_UP, Role.DRIVER, Role.WELCOME],
    Kind.SOLIDARITY: [Role.WELCOME, Role.INTERPRETER, Role.DRIVER],
    Kind.MEAL: [Role.FOOD, Role.SET_UP, Role.CHILDCARE, Role.WELCOME],
    Kind.OTHER: [Role.WELCOME, Role.OTHER],
}
TITLES = {
    Kind.LEGAL_AID: "Legal aid night",
    Kind.WORKSHOP: "Know your rights workshop",
    Kind.SUPPLY_DRIVE: "Winter clothes drive",
    Kind.SOLIDARITY: "Court accompaniment",
    Kind.MEAL: "Community dinner",
    Kind.OTHER: "Volunteer orientation",
}
DESCRIPTION = "Come as you are. Interpreters are there; children are welcome. Nobody asks for papers."
SLOTS_PER_LEGAL_AID_NIGHT = 8
FIRST_NAMES = ["Rosa", "Amal", "Juan", "Lan", "Farid", "Carmen", "Huda", "Yasmin", "Pedro", "Mariam"]


def seed(rng, scale, context):
    now = timezone.now()
    organizations = list(
        Organization.objects.filter(slug__startswith="bench-org-").exclude(slug="bench-org-network").order_by("pk")
    )
    served = dict(Organization.areas.through.objects.filter(organization__in=organizations).values_list(
        "organization_id", "area_id"
    ))  # fmt: skip
    places_in = {}
    for area in context["areas"]:
        places_in.setdefault(area.parent_id, []).append(area.pk)
    languages = context["languages"]
    language_weights = zipf_weights(len(languages), 1.2)
    kinds, kind_weights = zip(*KINDS, strict=True)
    # Bigger networks (the first organizations: regions, busy cities) run more events.
    organization_weights = zipf_weights(len(organizations), 0.5)

    def event(index):
        organization = rng.choices(organizations, organization_weights)[0]
        area_id = served[organization.pk]
        # Most events happen in a place within the organization's area; some in the area as a whole.
        area_id = rng.choice(places_in.get(area_id, [area_id])) if rng.random() < 0.7 else area_id
        kind = rng.choices(kinds, kind_weights)[0]
        upcoming = rng.random() < 0.12
        starts = now + timedelta(days=rng.uniform(1, 90)) if upcoming else now - timedelta(days=rng.uniform(1, 730))
        starts = starts.replace(minute=0, second=0, microsecond=0)
        if upcoming:
            status = rng.choices([Status.PUBLISHED, Status.DRAFT, Status.CANCELLED], [85, 10, 5])[0]
        else:
            status = rng.choices([Status.FINISHED, Status.CANCELLED], [95, 5])[0]
        private = rng.random() < 0.3
        return Event(
            organization=organization,
            kind=kind,
            title=TITLES[kind],
            description=DESCRIPTION,
            starts_at=starts,
            ends_at=starts + timedelta(hours=rng.choice([2, 3, 3, 4])),
            area_id=area_id,
            venue=Event.Venue.ON_SIGNUP if private else Event.Venue.PUBLIC,
            address=f"{rng.randint(1, 999)} Main Street",
            childcare=rng.random() < 0.4,
            capacity=rng.choice([20, 30, 50, 120]) if kind == Kind.WORKSHOP else None,
            status=status,
            created_by=rng.choice(context["organizers"]),
            published_at=starts - timedelta(days=rng.uniform(3, 30)) if status != Status.DRAFT else None,
            cancelled_at=starts - timedelta(days=1) if status == Status.CANCELLED else None,
        )

    events = bulk_insert(
        Event,
        (event(index) for index in range(scaled(EVENTS, scale))),
        keep=lambda e: (e.pk, e.kind, e.status, e.starts_at, e.ends_at),
    )
    pairs = {(pk, language.pk) for pk, *_ in events for language in rng.choices(languages, language_weights, k=3)}
    bulk_insert_pairs(Event.languages.through, "event_id", "language_id", sorted(pairs))
    shifts = _shifts(rng, events, languages, language_weights)
    signups = _signups(rng, scaled(SIGNUPS, scale), shifts, events, context)
    bookings = _legal_aid_slots(rng, events, shifts, languages, now)
    return {"events": len(events), "shift_signups": signups, "bookings": bookings}


def _shifts(rng, events, languages, language_weights):
    """Two to four shifts per event, for the whole event, with two to eight places each."""

    def shifts_of(pk, kind, starts, ends):
        for role in rng.sample(ROLES[kind], min(len(ROLES[kind]), rng.randint(2, 4))):
            interpreter = role == Role.INTERPRETER
            yield Shift(
                event_id=pk,
                role=role,
                language=rng.choices(languages, language_weights)[0] if interpreter else None,
                starts_at=starts,
                ends_at=ends,
                places=rng.randint(2, 8),
            )

    return bulk_insert(
        Shift,
        (shift for pk, kind, _status, starts, ends in events for shift in shifts_of(pk, kind, starts, ends)),
        keep=lambda s: (s.pk, s.event_id, s.places, s.role),
    )


def _signups(rng, target, shifts, events, context):
    """About `target` sign-ups, each shift filled in proportion to its places; the bench volunteer takes a few
    coming shifts (their My page lists them)."""
    volunteer_ids = [user.pk for user in context["volunteers"]]
    bench_volunteer = context["bench_volunteer"].pk
    upcoming = {pk for pk, _kind, status, starts, _ends in events if status == Status.PUBLISHED}
    fill = min(1.0, target / max(1, sum(places for _pk, _event, places, _role in shifts)))
    bench_shifts = {pk for pk, event_id, _places, _role in shifts if event_id in upcoming}
    bench_shifts = set(rng.sample(sorted(bench_shifts), min(4, len(bench_shifts))))

    def signups_of(pk, places):
        count = min(places, int(places * fill + rng.random()), len(volunteer_ids))
        chosen = set(rng.sample(volunteer_ids, count))
        if pk in bench_shifts:
            chosen = {bench_volunteer, *list(chosen)[: count - 1]}
        for volunteer_id in sorted(chosen):
            yield ShiftSignup(shift_id=pk, volunteer_id=volunteer_id)

    rows = bulk_insert(
        ShiftSignup,
        (signup for pk, _event, places, _role in shifts for signup in signups_of(pk, places)),
        keep=lambda signup: signup.pk,
    )
    return len(rows)


def _legal_aid_slots(rng, events, shifts, languages, now):
    """Coming legal aid nights have half-hour appointment slots served by the lawyers' shift; families have
    booked about half of them."""
    lawyer_shift = {event_id: pk for pk, event_id, _places, role in shifts if role == Role.LAWYER}
    slots = []
    for pk, kind, status, starts, _ends in events:
        if kind != Kind.LEGAL_AID or status != Status.PUBLISHED or starts < now:
            continue
        slots.extend(
            AppointmentSlot(
                event_id=pk,
                starts_at=starts + timedelta(minutes=30 * n),
                ends_at=starts + timedelta(minutes=30 * (n + 1)),
                places=rng.choice([1, 1, 2]),
                shift_id=lawyer_shift.get(pk),
            )
            for n in range(SLOTS_PER_LEGAL_AID_NIGHT)
        )
    slots = bulk_insert(AppointmentSlot, slots, keep=lambda slot: (slot.pk, slot.event_id, slot.places))
    booked = [(pk, event_id) for pk, event_id, places in slots for _ in range(places) if rng.random() < 0.5]
    codes = reference_codes(rng, len(booked))
    common = languages[:10]

    def booking(index, slot_id, event_id):
        contact = f"+1202556{index % 10000:04d}"
        return Booking(
            event_id=event_id,
            slot_id=slot_id,
            first_name=rng.choice(FIRST_NAMES),
            contact_kind=ContactKind.PHONE,
            contact=contact,
            contact_hash=keyed_hash(contact),
            language=rng.choice(common),
            message_language=rng.choice(["en", "es", "ar"]),
            reference_code=codes[index],
            token_hash=hashlib.sha256(f"bench-booking-{index}".encode()).hexdigest(),
        )

    return len(bulk_insert(Booking, (booking(i, *pair) for i, pair in enumerate(booked)), keep=lambda b: b.pk))
