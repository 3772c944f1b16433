"""Queues the event reminders and cancellation notices that are due. Run it every few minutes (see the README).

Each message is recorded before it is queued, in one transaction, so running this twice, or twice at once,
sends nothing twice.
"""

from django.core.management.base import BaseCommand

from aidhub.events.services.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Queues due event reminders (the day before and two hours before) and cancellation notices."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) queued.")
