"""Helpers shared by the modules of `aidhub/devdata/bench/` (for `manage.py seed_bench`)."""

import itertools

from aidhub.lib.tokens import CODE_ALPHABET

BATCH = 2000


def scaled(count_at_one, scale):
    """How many rows at this scale (at least one)."""
    return max(1, round(count_at_one * scale))


def zipf_weights(count, exponent=1.0):
    """A few very common, many rare: how languages and places spread in a real network."""
    return [1 / (rank + 1) ** exponent for rank in range(count)]


def bulk_insert(model, objects, batch_size=BATCH, keep=None):
    """Inserts model instances in batches (field values still go through get_prep_value, so encrypted fields
    are encrypted). Returns the saved instances with their primary keys, or `keep(instance)` of each, so that
    hundreds of thousands of rows need not stay in memory as model instances."""
    saved = []
    iterator = iter(objects)
    while batch := list(itertools.islice(iterator, batch_size)):
        created = model.objects.bulk_create(batch, batch_size=batch_size)
        saved.extend(map(keep, created) if keep else created)
    return saved


def bulk_insert_pairs(through, left, right, pairs, batch_size=BATCH * 5):
    """Rows of a many-to-many table from (left id, right id) pairs."""
    bulk_insert(through, (through(**{left: a, right: b}) for a, b in pairs), batch_size)


def reference_codes(rng, count):
    """Distinct codes in the shape of real ones (K7P-4QX), drawn from the seeded generator, in random order."""
    codes = set()
    while len(codes) < count:
        raw = "".join(rng.choices(CODE_ALPHABET, k=6))
        codes.add(f"{raw[:3]}-{raw[3:]}")
    return rng.sample(sorted(codes), count)
