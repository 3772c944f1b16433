"""Demo volunteers and their offers (for `manage.py seed_demo`; local use only)."""

from django.utils import timezone

from aidhub.accounts.models import Vetting, VolunteerProfile
from aidhub.core import availability
from aidhub.core.models import Category, Language
from aidhub.devdata.demo.core import demo_user
from aidhub.offers.models import Offer
from aidhub.offers.services import offers_keep_keys

EVENINGS = availability.mask_from_slots((day, 2) for day in range(5))
WEEKENDS = availability.mask_from_slots((day, part) for day in (5, 6) for part in range(3))
MORNINGS = availability.mask_from_slots((day, 0) for day in range(7))

# (email name, display name, languages, areas, category, offer title, description, availability)
VOLUNTEERS = [
    ("maria", "María", ["es", "en"], ["eastside"], Category.FOOD, "Hot meals on Sundays",
     "I cook for up to four families every Sunday and can deliver in Eastside.", WEEKENDS),
    ("ahmed", "Ahmed", ["ar", "en"], ["westside", "downtown"], Category.INTERPRETING, "Arabic interpreting",
     "I can interpret Arabic–English at appointments, schools and by phone.", EVENINGS),
    ("lucia", "Lucía", ["es", "mam"], ["eastside", "north-hills"], Category.INTERPRETING,
     "Mam and Spanish interpreting", "Interpreting between Mam, Spanish and English, in person or by phone.",
     MORNINGS | EVENINGS),
    ("joseph", "Joseph", ["en", "ht", "fr"], ["lakeview"], Category.RIDES, "Rides to appointments",
     "I have a car with two child seats. Rides to court, clinics and schools.", MORNINGS),
    ("sara", "Sara", ["en", "es"], ["riverside"], Category.LEGAL, "Help preparing for court",
     "Paralegal. I help families understand letters and prepare for hearings, with a lawyer's supervision.",
     EVENINGS),
    ("fatima", "Fatima", ["fa", "prs", "en"], ["lakeview", "harbor"], Category.EMOTIONAL, "Someone to talk to",
     "Trained peer supporter. I listen, in Dari, Persian or English.", WEEKENDS | EVENINGS),
    ("tom", "Tom", ["en"], ["downtown"], Category.TUTORING_ART, "Homework help and drawing",
     "Retired teacher: homework help for children and a weekly drawing afternoon.", WEEKENDS),
    ("ana", "Ana", ["pt", "es", "en"], ["westside"], Category.CHILDCARE, "Childcare during appointments",
     "I can look after children while parents go to appointments.", MORNINGS),
    ("minh", "Minh", ["vi", "en"], ["eastside"], Category.SUPPLIES, "Diapers and school supplies",
     "I collect and deliver diapers, formula and school supplies.", WEEKENDS),
    ("olga", "Olga", ["ru", "uk", "en"], ["harbor"], Category.HOUSING, "Temporary room",
     "A spare room for a parent and child for up to two weeks.", availability.ALL),
    ("kofi", "Kofi", ["en", "fr"], ["lakeview"], Category.FOOD, "Groceries from the food bank",
     "I pick up groceries from the food bank on Saturdays and bring them to families.", WEEKENDS),
    ("li", "Li", ["zh", "yue", "en"], ["downtown", "westside"], Category.OTHER, "Help with forms",
     "I help fill in school, clinic and benefit forms in Chinese or English.", EVENINGS),
]  # fmt: skip

# Who an organizer confirmed for kinds of help that need vetting (their offers and shifts), and by whom.
VETTED = [
    ("sara", Category.LEGAL, "organizer@example.org"),
    ("ahmed", Category.INTERPRETING, "organizer@example.org"),
    ("lucia", Category.INTERPRETING, "organizer@example.org"),
    ("ana", Category.CHILDCARE, "organizer@example.org"),
    ("joseph", Category.RIDES, "organizer.lakeview@example.org"),
    ("joseph", Category.INTERPRETING, "organizer.lakeview@example.org"),
    ("fatima", Category.EMOTIONAL, "organizer.lakeview@example.org"),
    ("fatima", Category.INTERPRETING, "organizer.lakeview@example.org"),
]
# Li helps with forms and asked to interpret for paperwork: the Eastside organizer's queue shows it.
ASKING = [("li", Category.INTERPRETING)]

ACCOUNTS = [
    ("maria@example.org … li@example.org", "volunteers with offers"),
    ("li@example.org", "volunteer waiting to be confirmed for interpreting (Organize: Confirm volunteers)"),
]


def seed(areas, organizers, **_context):
    """A dozen volunteers with one offer each; every fourth offer waits for review. Returns the volunteers."""
    for email, display_name in [
        ("organizer@example.org", "Rosa (organizer)"),
        ("organizer.lakeview@example.org", "Daniel (organizer)"),
    ]:
        _profile(organizers[email], display_name, ["en", "es"], [])
    volunteers = {}
    for index, (name, display, languages, area_slugs, category, title, description, mask) in enumerate(VOLUNTEERS):
        user = demo_user(f"{name}@example.org", language=languages[0] if languages[0] in ("es", "ar") else "en")
        volunteer_areas = [areas[slug] for slug in area_slugs]
        _profile(user, display, languages, volunteer_areas, category, mask)
        _offer(user, index, category, title, description, languages, volunteer_areas, mask)
        volunteers[name] = user
    for name, category, organizer in VETTED:
        Vetting.objects.get_or_create(
            volunteer=volunteers[name],
            category=category,
            defaults={
                "status": Vetting.Status.VETTED,
                "decided_by": organizers[organizer],
                "decided_at": timezone.now(),
            },
        )
    for name, category in ASKING:
        Vetting.objects.get_or_create(
            volunteer=volunteers[name],
            category=category,
            defaults={"status": Vetting.Status.REQUESTED, "requested_at": timezone.now()},
        )
    return {"volunteers": volunteers}


def _profile(user, display_name, language_codes, areas, category=None, mask=0):
    profile, created = VolunteerProfile.objects.get_or_create(
        user=user,
        defaults={
            "display_name": display_name,
            "categories": [category] if category else [],
            "availability": mask,
            "max_active_matches": 3,
        },
    )
    if created:
        profile.languages.set(Language.objects.filter(code__in=language_codes))
        profile.areas.set(areas)


def _offer(user, index, category, title, description, language_codes, areas, mask):
    if Offer.objects.filter(volunteer=user, title=title).exists():
        return
    waiting = index % 4 == 3
    offer = Offer.objects.create(
        volunteer=user,
        category=category,
        title=title,
        description=description,
        availability=mask,
        capacity=2,
        status=Offer.Status.PENDING if waiting else Offer.Status.PUBLISHED,
        published_at=None if waiting else timezone.now(),
    )
    offer.languages.set(Language.objects.filter(code__in=language_codes))
    offer.areas.set(areas)
    offers_keep_keys(offer_ids=[offer.pk])
