"""Demo reference data and staff accounts (for `manage.py seed_demo`; local use only)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model

from aidhub.core.models import Area, Language, Membership, Organization
from aidhub.lib.adapters.allauth import activate_totp

DEMO_PASSWORD = "demo-pass-2026"
# Organizers and administrators must use two-factor sign-in. Demo accounts share this authenticator-app
# secret; with `make run` the code 123456 also works (MFA_TOTP_INSECURE_BYPASS_CODE, refused unless DEBUG).
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

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
        "translations": {
            "es": {"description": "Vecinos de Riverside que comparten comida, viajes y cuidado de niños desde 2019."},
            "ar": {"description": "جيران في ريفرسايد يتشاركون الطعام والتوصيل ورعاية الأطفال منذ 2019."},
        },
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
        "translations": {
            "es": {"description": "Noches de ayuda legal, interpretación y talleres sobre sus derechos en Lakeview."}
        },
        "areas": ["lakeview"],
        "languages": ["en", "es", "fa", "prs", "ht"],
        "public_email": "contact@lakeview-families.example.org",
        "public_phone": "+1 555 010 3000",
        "website": "",
    },
]

# (email, organization slug, interface language)
ORGANIZERS = [
    ("organizer@example.org", "eastside-mutual-aid", "en"),
    ("organizer.lakeview@example.org", "lakeview-families-network", "es"),
]

ACCOUNTS = [
    ("two-factor code", "123456 with make run; or add this secret to an app: " + DEMO_TOTP_SECRET),
    ("organizer@example.org", "organizer, Eastside Mutual Aid (Riverside)"),
    ("organizer.lakeview@example.org", "organizer, Lakeview Families Network (Lakeview)"),
    ("admin@example.org", "administrator (/admin/)"),
]


def demo_user(email, language="en", **extra):
    """A demo account with a confirmed email, created once."""
    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is None:
        user = user_model.objects.create_user(email=email, password=DEMO_PASSWORD, language=language, **extra)
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def seed(**_context):
    """Areas, organizations, organizers and an administrator. Returns what later apps build on."""
    areas = {}
    for slug, name, kind, parent in AREAS:
        areas[slug], _created = Area.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "parent": areas.get(parent)}
        )
    organizations = {}
    for data in ORGANIZATIONS:
        data = dict(data)
        area_slugs, language_codes = data.pop("areas"), data.pop("languages")
        organization, created = Organization.objects.get_or_create(slug=data.pop("slug"), defaults=data)
        if created:
            organization.areas.set([areas[slug] for slug in area_slugs])
            organization.languages.set(Language.objects.filter(code__in=language_codes))
        organizations[organization.slug] = organization
    organizers = {}
    for email, organization_slug, language in ORGANIZERS:
        organizers[email] = demo_user(email, language=language)
        Membership.objects.get_or_create(organization=organizations[organization_slug], user=organizers[email])
        with_two_factor(organizers[email])
    with_two_factor(demo_user("admin@example.org", is_staff=True, is_superuser=True))
    return {"areas": areas, "organizations": organizations, "organizers": organizers}


def with_two_factor(user):
    """Organizers and administrators must use two-factor sign-in: demo accounts get the shared secret."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        activate_totp(user, DEMO_TOTP_SECRET)
    return user
