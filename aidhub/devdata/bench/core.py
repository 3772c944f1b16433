"""Benchmark reference data (for `manage.py seed_bench`): 204 nested areas, 80 languages, organizations and
their organizers, and the known bench organizer. The same at every scale: a big network has its places and
languages whatever the number of requests. Local benchmark databases only: the password is public.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from aidhub.core.models import Area, Language, Membership, Organization
from aidhub.lib.adapters.allauth import activate_totp

BENCH_PASSWORD = "bench-pass-2026"  # noqa: S105 (published in bench/README.md; bench databases only)
BENCH_ORGANIZER = "bench-organizer@example.org"
# Organize for the whole network (every region): the widest scope, used to measure the CSV export and to
# queue an alert to every subscriber (one writes it, the other verifies it).
BENCH_COORDINATOR = "bench-coordinator@example.org"
BENCH_SECOND_COORDINATOR = "bench-coordinator-2@example.org"
# Organizers sign in with two factors: every bench organizer's authenticator app has this secret.
BENCH_TOTP_SECRET = "JBSWY3DPEHPK3PXPBENCHBENCHBENCH2"  # noqa: S105 (bench databases only)
REGIONS = 4
CITIES_PER_REGION = 10
NEIGHBOURHOODS_PER_CITY = 4

# With the 48 languages of a new installation (core.languages), 80 in all.
MORE_LANGUAGES = [
    ("de", "German", "Deutsch", False), ("it", "Italian", "Italiano", False), ("el", "Greek", "Ελληνικά", False),
    ("hy", "Armenian", "Հայերեն", False), ("ka", "Georgian", "ქართული", False),
    ("az", "Azerbaijani", "Azərbaycanca", False), ("uz", "Uzbek", "Oʻzbekcha", False),
    ("tg", "Tajik", "Тоҷикӣ", False), ("kk", "Kazakh", "Қазақша", False), ("mn", "Mongolian", "Монгол", False),
    ("bo", "Tibetan", "བོད་སྐད་", False), ("ta", "Tamil", "தமிழ்", False), ("te", "Telugu", "తెలుగు", False),
    ("gu", "Gujarati", "ગુજરાતી", False), ("ml", "Malayalam", "മലയാളം", False), ("si", "Sinhala", "සිංහල", False),
    ("id", "Indonesian", "Bahasa Indonesia", False), ("ms", "Malay", "Bahasa Melayu", False),
    ("ceb", "Cebuano", "Cebuano", False), ("ilo", "Ilocano", "Ilokano", False), ("sm", "Samoan", "Gagana Samoa", False),
    ("to", "Tongan", "Lea faka-Tonga", False), ("chk", "Chuukese", "Chuuk", False), ("yo", "Yoruba", "Yorùbá", False),
    ("ig", "Igbo", "Igbo", False), ("ha", "Hausa", "Hausa", False), ("om", "Oromo", "Afaan Oromoo", False),
    ("sq", "Albanian", "Shqip", False), ("bs", "Bosnian", "Bosanski", False), ("sr", "Serbian", "Српски", False),
    ("ckb", "Central Kurdish", "کوردی", True), ("kek", "Q'eqchi'", "Q'eqchi'", False),
]  # fmt: skip

REGION_NAMES = ["North County", "South Valley", "East Bay", "West Shore"]
CITY_NAMES = [
    "Ashford", "Brookdale", "Cedar Falls", "Dunmore", "Elmwood", "Fairview", "Glenhaven", "Harlow", "Ironside",
    "Juniper", "Kingsport", "Linden", "Maplewood", "Northgate", "Oakridge", "Pinecrest", "Quarry Hill", "Redfield",
    "Stonebridge", "Thornbury", "Upton", "Valemont", "Westbrook", "Yardley", "Zephyr Point", "Alder Creek",
    "Birchwood", "Clearwater", "Driftwood", "Eastmoor", "Foxhollow", "Greystone", "Hollis", "Ivybridge",
    "Jasper Bay", "Kestrel", "Lakemont", "Millbrook", "Newhaven", "Orchard Park",
]  # fmt: skip
NEIGHBOURHOOD_SUFFIXES = ["Centre", "Heights", "Riverside", "Old Town"]


def bench_user(email, password_hash, **extra):
    """A bench account with a confirmed email."""
    user = get_user_model().objects.create(email=email, password=password_hash, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def seed(rng, scale, context):
    if Area.objects.filter(slug__startswith="bench-").exists():
        raise RuntimeError("This database already holds bench data: seed_bench needs a fresh, migrated database.")
    for code, name_en, native_name, is_rtl in MORE_LANGUAGES:
        Language.objects.get_or_create(
            code=code, defaults={"name_en": name_en, "native_name": native_name, "is_rtl": is_rtl}
        )
    regions, cities, neighbourhoods = [], [], []
    for r, region_name in enumerate(REGION_NAMES[:REGIONS]):
        region = Area.objects.create(name=region_name, slug=f"bench-r{r}", kind=Area.Kind.REGION)
        regions.append(region)
        for c in range(CITIES_PER_REGION):
            name = CITY_NAMES[r * CITIES_PER_REGION + c]
            city = Area.objects.create(name=name, slug=f"bench-r{r}-c{c}", kind=Area.Kind.CITY, parent=region)
            cities.append(city)
            neighbourhoods.extend(
                Area(name=f"{name} {suffix}", slug=f"bench-r{r}-c{c}-n{n}", kind=Area.Kind.NEIGHBOURHOOD, parent=city)
                for n, suffix in enumerate(NEIGHBOURHOOD_SUFFIXES[:NEIGHBOURHOODS_PER_CITY])
            )
    neighbourhoods = Area.objects.bulk_create(neighbourhoods)
    languages = list(Language.objects.order_by("pk"))
    password_hash = make_password(BENCH_PASSWORD)
    organizers = []
    # One organization per city and one per region; two organizers each.
    for index, area in enumerate([*regions, *cities]):
        organization = Organization.objects.create(
            name=f"{area.name} Mutual Aid", slug=f"bench-org-{area.slug}", description="Benchmark organization."
        )
        organization.areas.set([area])
        organization.languages.set(rng.sample(languages[:20], 3))
        for member in range(2):
            email = BENCH_ORGANIZER if index == 0 and member == 0 else f"bench-organizer-{index}-{member}@example.org"
            user = bench_user(email, password_hash)
            Membership.objects.create(organization=organization, user=user)
            organizers.append(user)
    network = Organization.objects.create(name="Network coordination", slug="bench-org-network")
    network.areas.set(regions)
    for email in (BENCH_COORDINATOR, BENCH_SECOND_COORDINATOR):
        user = bench_user(email, password_hash)
        Membership.objects.create(organization=network, user=user)
        organizers.append(user)
    for user in organizers:
        activate_totp(user, BENCH_TOTP_SECRET)
    return {
        "areas": [*regions, *cities, *neighbourhoods],
        "regions": regions,
        "neighbourhoods": neighbourhoods,
        "languages": languages,
        "organizers": organizers,
        "bench_organizer": organizers[0],
        "password_hash": password_hash,
    }
