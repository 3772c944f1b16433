"""Fills an empty database with a large, realistic, reproducible mix for the benchmark (bench/README.md).

Each app's part is seeded by `aidhub/devdata/bench/<app>.py` (a `seed(rng, scale, context)` function returning
what later apps need), in dependency order, with one seeded random generator: the same scale and seed give the
same data.
Rows go in with bulk inserts in batches; encrypted fields are still encrypted (bulk_create prepares every value).
"""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from aidhub.devdata.bench import accounts as accounts_bench
from aidhub.devdata.bench import alerts as alerts_bench
from aidhub.devdata.bench import core as core_bench
from aidhub.devdata.bench import events as events_bench
from aidhub.devdata.bench import matching as matching_bench
from aidhub.devdata.bench import needs as needs_bench
from aidhub.devdata.bench import offers as offers_bench

# In dependency order; each seed gets everything the earlier ones returned.
SEEDS = [core_bench, accounts_bench, offers_bench, events_bench, needs_bench, matching_bench, alerts_bench]


class Command(BaseCommand):
    help = "Loads benchmark data into an empty, migrated database: --scale 1 is a big city's network."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = 20,000 volunteers, 200,000 requests…")
        parser.add_argument("--seed", type=int, default=2026, help="seed of the random generator")

    def handle(self, *args, scale, seed, **options):
        if not 0 < scale <= 10:
            raise CommandError("--scale must be between 0 and 10.")
        # Reproducible made-up data, not secrets: a seeded generator is what is wanted.
        rng = random.Random(seed)  # noqa: S311
        context, started = {}, time.perf_counter()
        try:
            with transaction.atomic():
                for module in SEEDS:
                    step = time.perf_counter()
                    context.update(module.seed(rng, scale, context) or {})
                    name = module.__name__.rpartition(".")[2] + ".bench"
                    self.stdout.write(f"  {name:18} {time.perf_counter() - step:6.1f} s")
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        if connection.vendor == "postgresql" and connection.get_autocommit():
            # As autovacuum would leave a live database: fresh statistics for the planner, and the visibility
            # map set, so that counts can read indexes only.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"Bench data at scale {scale:g} loaded in {time.perf_counter() - started:.1f} s.")
        )
        self.stdout.write(f"  {core_bench.BENCH_ORGANIZER} / {accounts_bench.BENCH_VOLUNTEER}")
        self.stdout.write(f"  password for all bench accounts: {core_bench.BENCH_PASSWORD}")
