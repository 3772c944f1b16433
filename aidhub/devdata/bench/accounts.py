"""Benchmark volunteers (for `manage.py seed_bench`): 20,000 at scale 1, each with a confirmed email and a
profile (languages, areas, kinds of help, weekly availability), plus the known bench volunteer."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from aidhub.accounts.models import VolunteerProfile
from aidhub.core.models import Category
from aidhub.devdata.benchkit import bulk_insert, bulk_insert_pairs, scaled, zipf_weights

VOLUNTEERS = 20_000
BENCH_VOLUNTEER = "bench-volunteer@example.org"
FIRST_NAMES = [
    "María", "Ahmed", "Lucía", "Joseph", "Sara", "Fatima", "Tom", "Ana", "Minh", "Olga", "Kofi", "Li", "Amal",
    "Juan", "Carmen", "Farid", "Huda", "Rosa", "Daniel", "Aisha", "Pedro", "Mei", "Yusuf", "Elena", "Kwame",
    "Sofia", "Omar", "Priya", "Diego", "Leila", "Tran", "Ines", "Samir", "Nadia", "Arturo", "Zainab",
]  # fmt: skip


def seed(rng, scale, context):
    user_model = get_user_model()
    count = scaled(VOLUNTEERS, scale)
    emails = [BENCH_VOLUNTEER] + [f"bench-volunteer-{n}@example.org" for n in range(1, count)]
    users = bulk_insert(
        user_model,
        (
            user_model(email=email, password=context["password_hash"], language=rng.choice(["en", "en", "es", "ar"]))
            for email in emails
        ),
    )
    bulk_insert(EmailAddress, (EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users))
    categories = list(Category.values)
    profiles = bulk_insert(
        VolunteerProfile,
        (
            VolunteerProfile(
                user=user,
                display_name=f"{rng.choice(FIRST_NAMES)} {index}",
                categories=rng.sample(categories, rng.randint(1, 3)),
                availability=rng.getrandbits(21),
                max_active_matches=rng.choice([1, 2, 2, 3, 5]),
            )
            for index, user in enumerate(users)
        ),
    )
    languages, areas = context["languages"], context["areas"]
    language_weights = zipf_weights(len(languages))
    area_weights = zipf_weights(len(areas), 0.6)
    # Every volunteer speaks one to three languages and reaches one to three areas.
    language_pairs, area_pairs = [], []
    for profile in profiles:
        for language in {*rng.choices(languages, language_weights, k=rng.randint(1, 3))}:
            language_pairs.append((profile.pk, language.pk))
        for area in {*rng.choices(areas, area_weights, k=rng.randint(1, 3))}:
            area_pairs.append((profile.pk, area.pk))
    bulk_insert_pairs(VolunteerProfile.languages.through, "volunteerprofile_id", "language_id", language_pairs)
    bulk_insert_pairs(VolunteerProfile.areas.through, "volunteerprofile_id", "area_id", area_pairs)
    return {"volunteers": users, "profiles": profiles, "bench_volunteer": users[0]}
