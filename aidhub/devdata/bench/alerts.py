"""Benchmark alert subscribers (for `manage.py seed_bench`): 50,000 confirmed at scale 1, by text message and by
email, each for one to three places; plus some who never confirmed or left. Numbers and addresses are made up;
they are encrypted like real ones."""

import hashlib
from datetime import timedelta

from django.utils import timezone

from aidhub.alerts.models import Subscriber
from aidhub.alerts.models.subscribers import address_hash
from aidhub.devdata.benchkit import bulk_insert, bulk_insert_pairs, scaled, zipf_weights

CONFIRMED = 50_000
# On top of the confirmed ones: people who never entered their code, and people who unsubscribed.
PENDING_SHARE, UNSUBSCRIBED_SHARE = 0.05, 0.03


def seed(rng, scale, context):
    now = timezone.now()
    confirmed = scaled(CONFIRMED, scale)
    statuses = [Subscriber.Status.CONFIRMED] * confirmed
    statuses += [Subscriber.Status.PENDING] * round(confirmed * PENDING_SHARE)
    statuses += [Subscriber.Status.UNSUBSCRIBED] * round(confirmed * UNSUBSCRIBED_SHARE)
    rng.shuffle(statuses)
    # People read alerts in the language they speak; the few common languages cover most of them.
    languages = context["languages"]
    language_weights = zipf_weights(len(languages), 1.2)

    def subscriber(index, status):
        by_sms = rng.random() < 0.8
        address = f"+1202{index:07d}" if by_sms else f"subscriber{index}@example.org"
        channel = Subscriber.Channel.SMS if by_sms else Subscriber.Channel.EMAIL
        since = now - timedelta(days=rng.uniform(0, 700))
        return Subscriber(
            channel=channel,
            phone=address if by_sms else None,
            email=None if by_sms else address,
            address_hash=address_hash(channel, address),
            language=rng.choices(languages, language_weights)[0],
            status=status,
            token_hash=hashlib.sha256(f"bench-subscriber-{index}".encode()).hexdigest(),
            confirmed_at=since if status != Subscriber.Status.PENDING else None,
            unsubscribed_at=since + timedelta(days=30) if status == Subscriber.Status.UNSUBSCRIBED else None,
        )

    subscribers = bulk_insert(
        Subscriber, (subscriber(i, status) for i, status in enumerate(statuses)), keep=lambda s: s.pk
    )
    # Most follow their neighbourhood, some their city or region too.
    areas = context["areas"]
    area_weights = zipf_weights(len(areas), 0.6)
    pairs = {(pk, area.pk) for pk in subscribers for area in rng.choices(areas, area_weights, k=rng.randint(1, 3))}
    bulk_insert_pairs(Subscriber.areas.through, "subscriber_id", "area_id", sorted(pairs))
    return {"confirmed_subscribers": confirmed, "subscribers": len(subscribers)}
