"""Benchmark offers (for `manage.py seed_bench`): 50,000 at scale 1, mostly published, with languages and areas."""

from datetime import timedelta

from django.utils import timezone

from aidhub.core.models import Category
from aidhub.devdata.benchkit import bulk_insert, bulk_insert_pairs, scaled, zipf_weights
from aidhub.offers.models import Offer
from aidhub.offers.services import offers_keep_keys

OFFERS = 50_000
STATUSES = [
    (Offer.Status.PUBLISHED, 70),
    (Offer.Status.PENDING, 8),
    (Offer.Status.RETURNED, 2),
    (Offer.Status.PAUSED, 10),
    (Offer.Status.ARCHIVED, 10),
]
TITLES = {
    Category.FOOD: ["Hot meals on Sundays", "Groceries from the food bank", "Home-cooked dinners"],
    Category.CHILDCARE: ["Childcare during appointments", "After-school pick-up", "Babysitting on weekends"],
    Category.INTERPRETING: ["Interpreting at appointments", "Phone interpreting", "Help reading letters"],
    Category.LEGAL: ["Help preparing for court", "Know-your-rights sessions", "Paperwork with a paralegal"],
    Category.RIDES: ["Rides to appointments", "Rides to court", "School runs"],
    Category.EMOTIONAL: ["Someone to talk to", "Peer support group", "Listening, in your language"],
    Category.TUTORING_ART: ["Homework help", "Drawing afternoons", "English conversation"],
    Category.SUPPLIES: ["Diapers and formula", "School supplies", "Winter clothes"],
    Category.HOUSING: ["Temporary room", "Help finding a flat", "Moving help"],
    Category.OTHER: ["Help with forms", "Phone and computer help", "Bike repairs"],
}
DESCRIPTION = "I can help a few families each month. Ask an organizer to put you in touch; I answer within a day."


def seed(rng, scale, context):
    now = timezone.now()
    profiles = context["profiles"]
    statuses, status_weights = zip(*STATUSES, strict=True)
    # A few very active volunteers post many offers; most post one or two.
    volunteer_weights = zipf_weights(len(profiles), 0.3)

    def offer(profile):
        category = rng.choice(profile.categories)
        status = rng.choices(statuses, status_weights)[0]
        submitted = now - timedelta(days=rng.uniform(0, 720))
        published = status in (Offer.Status.PUBLISHED, Offer.Status.PAUSED, Offer.Status.ARCHIVED)
        if status == Offer.Status.PENDING:
            submitted = now - timedelta(hours=rng.uniform(1, 24 * 14))
        return Offer(
            volunteer_id=profile.user_id,
            category=category,
            title=rng.choice(TITLES[category]),
            description=DESCRIPTION,
            availability=profile.availability or rng.getrandbits(21),
            capacity=rng.choice([1, 1, 2, 3]),
            status=status,
            submitted_at=submitted,
            published_at=submitted + timedelta(hours=rng.uniform(2, 72)) if published else None,
            reviewed_at=submitted + timedelta(hours=rng.uniform(2, 72)) if status != Offer.Status.PENDING else None,
        )

    chosen = rng.choices(profiles, volunteer_weights, k=scaled(OFFERS, scale))
    offers = bulk_insert(
        Offer,
        (offer(profile) for profile in chosen),
        keep=lambda o: Offer(pk=o.pk, category=o.category, status=o.status, volunteer_id=o.volunteer_id),
    )
    languages, areas = context["languages"], context["areas"]
    language_weights = zipf_weights(len(languages))
    area_weights = zipf_weights(len(areas), 0.6)
    language_pairs, area_pairs = [], []
    for item in offers:
        for language in {*rng.choices(languages, language_weights, k=rng.randint(1, 3))}:
            language_pairs.append((item.pk, language.pk))
        for area in {*rng.choices(areas, area_weights, k=rng.randint(1, 3))}:
            area_pairs.append((item.pk, area.pk))
    bulk_insert_pairs(Offer.languages.through, "offer_id", "language_id", language_pairs)
    bulk_insert_pairs(Offer.areas.through, "offer_id", "area_id", area_pairs)
    offers_keep_keys(offer_ids=[item.pk for item in offers])
    published = {}
    for item in offers:
        if item.status == Offer.Status.PUBLISHED:
            published.setdefault(item.category, []).append((item.pk, item.volunteer_id))
    return {"published_offers": published}
