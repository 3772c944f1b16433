"""Benchmark requests for help (for `manage.py seed_bench`): 200,000 at scale 1 over three years, most of them
done or closed, a few thousand waiting. Names and numbers are made up; they are encrypted like real ones."""

import hashlib
from datetime import timedelta

from django.utils import timezone

from aidhub.core.models import Category
from aidhub.devdata.benchkit import bulk_insert, reference_codes, scaled, zipf_weights
from aidhub.needs.models import HelpRequest

REQUESTS = 200_000
Status = HelpRequest.Status
STATUSES = [
    (Status.DONE, 45.0),
    (Status.CLOSED, 40.0),
    (Status.WITHDRAWN, 7.0),
    (Status.MATCHED, 3.0),
    (Status.MATCHING, 1.5),
    (Status.NEW, 1.5),
    (Status.REVIEWED, 1.5),
    (Status.NEEDS_INFO, 0.5),
]
OPEN = {Status.MATCHED, Status.MATCHING, Status.NEW, Status.REVIEWED, Status.NEEDS_INFO}
CATEGORY_WEIGHTS = [30, 10, 12, 10, 8, 6, 5, 10, 4, 5]
FIRST_NAMES = ["Rosa", "Amal", "Juan", "Lan", "Farid", "Carmen", "Huda", "Yasmin", "Pedro", "Mariam", "Tomás", "Awa"]
DESCRIPTIONS = ["Three children, no food since yesterday.", "Need an interpreter for a school meeting.", None, None]


def seed(rng, scale, context):
    now = timezone.now()
    count = scaled(REQUESTS, scale)
    statuses, status_weights = zip(*STATUSES, strict=True)
    # Families live in neighbourhoods mostly, some say only their city; a few places are much busier.
    places = [area for area in context["areas"] if area.parent_id is not None]
    place_weights = zipf_weights(len(places), 0.5)
    languages = context["languages"]
    language_weights = zipf_weights(len(languages), 1.2)
    codes = reference_codes(rng, count)
    methods = [m for m in HelpRequest.ContactMethod.values if m != HelpRequest.ContactMethod.PARTNER]

    def help_request(index):
        status = rng.choices(statuses, status_weights)[0]
        age = timedelta(days=rng.uniform(0, 60)) if status in OPEN else timedelta(days=rng.uniform(30, 3 * 365))
        created = now - age
        method = rng.choice(methods)
        language = rng.choices(languages, language_weights)[0]
        return HelpRequest(
            reference_code=codes[index],
            access_token_hash=hashlib.sha256(f"bench-request-{index}".encode()).hexdigest(),
            category=rng.choices(Category.values, CATEGORY_WEIGHTS)[0],
            language=language,
            area=rng.choices(places, place_weights)[0],
            first_name=rng.choice(FIRST_NAMES),
            contact_method=method,
            contact_value=f"family{index}@example.org" if method == "email" else f"+1202555{index % 10000:04d}",
            description=rng.choice(DESCRIPTIONS),
            best_times=rng.getrandbits(21),
            urgency=rng.choices(HelpRequest.Urgency.values, [15, 55, 30])[0],
            message_language=language.code if language.code in ("en", "es", "ar") else "en",
            status=status,
            close_reason=rng.choice(HelpRequest.CloseReason.values) if status == Status.CLOSED else "",
            source=rng.choices([HelpRequest.Source.WEB, HelpRequest.Source.HOTLINE], [85, 15])[0],
            created_at=created,
            status_changed_at=created + min(age, timedelta(days=rng.uniform(0, 20))),
        )

    requests = bulk_insert(
        HelpRequest,
        (help_request(index) for index in range(count)),
        keep=lambda r: (r.pk, r.category, r.status, r.created_at),
    )
    return {"help_requests": requests}
