"""Demo data for a first look. For local use only: the passwords are printed and written in the README.

Each app's part is seeded by `aidhub/devdata/demo/<app>.py` (a `seed(**context)` function returning what later
apps need); this command runs them in order inside one transaction. Running it again changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from aidhub.devdata.demo import alerts as alerts_demo
from aidhub.devdata.demo import callouts as callouts_demo
from aidhub.devdata.demo import core as core_demo
from aidhub.devdata.demo import events as events_demo
from aidhub.devdata.demo import matching as matching_demo
from aidhub.devdata.demo import needs as needs_demo
from aidhub.devdata.demo import offers as offers_demo
from aidhub.devdata.demo import resources as resources_demo

# In dependency order: each seed gets everything the earlier ones returned.
SEEDS = [core_demo, offers_demo, needs_demo, matching_demo, callouts_demo, alerts_demo, events_demo, resources_demo]


class Command(BaseCommand):
    help = "Loads demo areas, organizations, accounts, offers, events, resources and more (idempotent; local use only)."

    @transaction.atomic
    def handle(self, *args, **options):
        context = {}
        for module in SEEDS:
            context.update(module.seed(**context) or {})
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Accounts (local use only):"))
        for module in SEEDS:
            for email, role in getattr(module, "ACCOUNTS", []):
                self.stdout.write(f"  {email:40} {role}")
        self.stdout.write(f"  password for all: {core_demo.DEMO_PASSWORD}")
