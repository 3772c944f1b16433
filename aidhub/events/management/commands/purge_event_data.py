"""Erases the names and contacts that people gave for events that are over (run it daily; see the README)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from aidhub.events.services.reminders import purge_personal_data


class Command(BaseCommand):
    help = "Erases names and contacts of bookings, registrations and pledges EVENTS_PERSONAL_DATA_DAYS after the event."

    def handle(self, *args, **options):
        erased = purge_personal_data()
        days = settings.EVENTS_PERSONAL_DATA_DAYS
        self.stdout.write(f"{erased} record(s) erased (events over for more than {days} days).")
