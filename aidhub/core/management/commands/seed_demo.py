"""Demo data for a first look: areas, organizations, an organizer, an admin, a dozen volunteers and offers.

For local use only: the passwords are printed and written in the README. Running it again changes nothing.
"""

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from aidhub.accounts.models import User, VolunteerProfile
from aidhub.core import availability
from aidhub.core.models import Area, Category, Language, Membership, Organization
from aidhub.offers.models import Offer

DEMO_PASSWORD = "demo-pass-2026"

AREAS = [
    # (slug, name, kind, parent slug)
    ("riverside", "Riverside", Area.Kind.CITY, None),
    ("eastside", "Eastside", Area.Kind.NEIGHBOURHOOD, "riverside"),
    ("westside", "Westside", Area.Kind.NEIGHBOURHOOD, "riverside"),
    ("downtown", "Downtown", Area.Kind.NEIGHBOURHOOD, "riverside"),
    ("north-hills", "North Hills", Area.Kind.NEIGHBOURHOOD, "riverside"),
    ("lakeview", "Lakeview", Area.Kind.CITY, None),
    ("harbor", "Harbor", Area.Kind.NEIGHBOURHOOD, "lakeview"),
]

ORGANIZATIONS = [
    {
        "slug": "eastside-mutual-aid",
        "name": "Eastside Mutual Aid",
        "description": "Neighbours in Riverside sharing food, rides and childcare since 2019.",
        "areas": ["riverside"],
        "languages": ["en", "es", "mam", "ar"],
        "public_email": "hello@eastside-aid.example.org",
        "public_phone": "+1 555 010 2000",
        "website": "https://eastside-aid.example.org",
    },
    {
        "slug": "lakeview-families-network",
        "name": "Lakeview Families Network",
        "description": "Legal aid nights, interpreting and know-your-rights workshops in Lakeview.",
        "areas": ["lakeview"],
        "languages": ["en", "es", "fa", "prs", "ht"],
        "public_email": "contact@lakeview-families.example.org",
        "public_phone": "+1 555 010 3000",
        "website": "",
    },
]

EVENINGS = availability.mask_from_slots((day, 2) for day in range(5))
WEEKENDS = availability.mask_from_slots((day, part) for day in (5, 6) for part in range(3))
MORNINGS = availability.mask_from_slots((day, 0) for day in range(7))

# (email name, display name, languages, areas, offer category, title, description, availability)
VOLUNTEERS = [
    (
        "maria",
        "María",
        ["es", "en"],
        ["eastside"],
        Category.FOOD,
        "Hot meals on Sundays",
        "I cook for up to four families every Sunday and can deliver in Eastside.",
        WEEKENDS,
    ),
    (
        "ahmed",
        "Ahmed",
        ["ar", "en"],
        ["westside", "downtown"],
        Category.INTERPRETING,
        "Arabic interpreting",
        "I can interpret Arabic–English at appointments, schools and by phone.",
        EVENINGS,
    ),
    (
        "lucia",
        "Lucía",
        ["es", "mam"],
        ["eastside", "north-hills"],
        Category.INTERPRETING,
        "Mam and Spanish interpreting",
        "Interpreting between Mam, Spanish and English, in person or by phone.",
        MORNINGS | EVENINGS,
    ),
    (
        "joseph",
        "Joseph",
        ["en", "ht", "fr"],
        ["lakeview"],
        Category.RIDES,
        "Rides to appointments",
        "I have a car with two child seats. Rides to court, clinics and schools.",
        MORNINGS,
    ),
    (
        "sara",
        "Sara",
        ["en", "es"],
        ["riverside"],
        Category.LEGAL,
        "Help preparing for court",
        "Paralegal. I help families understand letters and prepare for hearings, with a lawyer's supervision.",
        EVENINGS,
    ),
    (
        "fatima",
        "Fatima",
        ["fa", "prs", "en"],
        ["lakeview", "harbor"],
        Category.EMOTIONAL,
        "Someone to talk to",
        "Trained peer supporter. I listen, in Dari, Persian or English.",
        WEEKENDS | EVENINGS,
    ),
    (
        "tom",
        "Tom",
        ["en"],
        ["downtown"],
        Category.TUTORING_ART,
        "Homework help and drawing",
        "Retired teacher: homework help for children and a weekly drawing afternoon.",
        WEEKENDS,
    ),
    (
        "ana",
        "Ana",
        ["pt", "es", "en"],
        ["westside"],
        Category.CHILDCARE,
        "Childcare during appointments",
        "I can look after children while parents go to appointments.",
        MORNINGS,
    ),
    (
        "minh",
        "Minh",
        ["vi", "en"],
        ["eastside"],
        Category.SUPPLIES,
        "Diapers and school supplies",
        "I collect and deliver diapers, formula and school supplies.",
        WEEKENDS,
    ),
    (
        "olga",
        "Olga",
        ["ru", "uk", "en"],
        ["harbor"],
        Category.HOUSING,
        "Temporary room",
        "A spare room for a parent and child for up to two weeks.",
        availability.ALL,
    ),
    (
        "kofi",
        "Kofi",
        ["en", "fr"],
        ["lakeview"],
        Category.FOOD,
        "Groceries from the food bank",
        "I pick up groceries from the food bank on Saturdays and bring them to families.",
        WEEKENDS,
    ),
    (
        "li",
        "Li",
        ["zh", "yue", "en"],
        ["downtown", "westside"],
        Category.OTHER,
        "Help with forms",
        "I help fill in school, clinic and benefit forms in Chinese or English.",
        EVENINGS,
    ),
]


class Command(BaseCommand):
    help = "Loads demo areas, organizations, accounts and offers (idempotent; for local use only)."

    @transaction.atomic
    def handle(self, *args, **options):
        areas = self._areas()
        organizations = self._organizations(areas)
        organizer = self._user("organizer@example.org", language="en")
        Membership.objects.get_or_create(organization=organizations["eastside-mutual-aid"], user=organizer)
        self._profile(organizer, "Rosa (organizer)", ["en", "es"], [areas["riverside"]])
        organizer_lakeview = self._user("organizer.lakeview@example.org", language="es")
        Membership.objects.get_or_create(
            organization=organizations["lakeview-families-network"], user=organizer_lakeview
        )
        self._profile(organizer_lakeview, "Daniel (organizer)", ["en", "es"], [areas["lakeview"]])
        self._user("admin@example.org", language="en", is_staff=True, is_superuser=True)
        for index, (name, display, languages, area_slugs, category, title, description, mask) in enumerate(VOLUNTEERS):
            user = self._user(f"{name}@example.org", language=languages[0] if languages[0] in ("es", "ar") else "en")
            self._profile(user, display, languages, [areas[slug] for slug in area_slugs], category, mask)
            self._offer(
                user, index, category, title, description, languages, [areas[slug] for slug in area_slugs], mask
            )
        self._print_accounts()

    def _areas(self):
        areas = {}
        for slug, name, kind, parent in AREAS:
            areas[slug], _created = Area.objects.get_or_create(
                slug=slug, defaults={"name": name, "kind": kind, "parent": areas.get(parent)}
            )
        return areas

    def _organizations(self, areas):
        organizations = {}
        for data in ORGANIZATIONS:
            data = dict(data)
            area_slugs, language_codes = data.pop("areas"), data.pop("languages")
            organization, created = Organization.objects.get_or_create(slug=data.pop("slug"), defaults=data)
            if created:
                organization.areas.set([areas[slug] for slug in area_slugs])
                organization.languages.set(Language.objects.filter(code__in=language_codes))
            organizations[organization.slug] = organization
        return organizations

    def _user(self, email, language, **extra):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=DEMO_PASSWORD, language=language, **extra)
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        return user

    def _profile(self, user, display_name, language_codes, areas, category=None, mask=0):
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
        return profile

    def _offer(self, user, index, category, title, description, language_codes, areas, mask):
        if Offer.objects.filter(volunteer=user, title=title).exists():
            return
        # Most demo offers are published; every fourth waits for review so the queue has work in it.
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

    def _print_accounts(self):
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Accounts (local use only):"))
        for email, role in [
            ("organizer@example.org", "organizer, Eastside Mutual Aid (Riverside)"),
            ("organizer.lakeview@example.org", "organizer, Lakeview Families Network (Lakeview)"),
            ("admin@example.org", "administrator (/admin/)"),
            ("maria@example.org … li@example.org", "volunteers"),
        ]:
            self.stdout.write(f"  {email:40} {role}")
        self.stdout.write(f"  password for all: {DEMO_PASSWORD}")
