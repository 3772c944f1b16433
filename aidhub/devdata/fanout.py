"""One alert's audience in bulk, for the fan-out benchmark (bench_alert_fanout) and the RQ workers' test
(tests/test_rq_fanout.py). Scratch databases only."""

import uuid

from django.db import transaction

from aidhub.accounts.models import User
from aidhub.alerts.models import Subscriber
from aidhub.alerts.models.subscribers import address_hash
from aidhub.core.models import Area, Language, Membership, Organization


def alert_audience(tag: str, count: int) -> tuple[Area, Organization, User, User]:
    """An area, an organization with two organizers (an author and a verifier) and `count` confirmed SMS
    subscribers of the area in five languages, made in bulk; everything named with `tag` to be found again."""
    with transaction.atomic():
        area = Area.objects.create(name=f"Bench {tag}", slug=f"bench-{tag}", kind=Area.Kind.CITY)
        organization = Organization.objects.create(
            name=f"Bench {tag}", slug=f"bench-{tag}", main_language=Language.objects.get(code="en")
        )
        organization.areas.set([area])
        people: list[User] = []
        for role in ("author", "verifier"):
            user = User.objects.create_user(email=f"bench-{tag}-{role}@example.invalid")
            Membership.objects.create(organization=organization, user=user)
            people.append(user)
        languages = list(Language.objects.filter(code__in=["en", "es", "ar", "zh", "vi"]))
        new = []
        for index in range(count):
            phone = f"+1202{index:07d}"
            new.append(
                Subscriber(
                    channel="sms",
                    phone=phone,
                    address_hash=address_hash("sms", f"bench-{tag}-{phone}"),
                    language=languages[index % len(languages)],
                    status=Subscriber.Status.CONFIRMED,
                    token_hash=uuid.uuid4().hex + uuid.uuid4().hex,
                )
            )
        created = Subscriber.objects.bulk_create(new, batch_size=1000)
        through = Subscriber.areas.through
        through.objects.bulk_create(
            [through(subscriber_id=subscriber.pk, area_id=area.pk) for subscriber in created], batch_size=2000
        )
    author, verifier = people
    return area, organization, author, verifier
