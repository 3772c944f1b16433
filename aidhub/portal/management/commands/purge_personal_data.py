"""The daily purge of personal data past its retention period. Run it once a day (deploy/ has a timer)."""

from django.core.management.base import BaseCommand

from aidhub.portal.retention import purge_on_schedule


class Command(BaseCommand):
    help = "Deletes personal data that is past the retention periods set in the admin."

    def handle(self, *args, **options):
        for what, count in purge_on_schedule().items():
            self.stdout.write(f"{what}: {count}")
