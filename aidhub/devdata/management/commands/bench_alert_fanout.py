"""Measures how long it takes to queue one verified alert to many subscribers (and, optionally, to send it).

    python manage.py bench_alert_fanout --subscribers 10000 [--send]

It makes its own area, organization, organizers and confirmed subscribers, measures the second organizer's
"verify" (one Delivery row per subscriber by one INSERT … SELECT, the sending tasks enqueued with the database
task backend), then deletes everything it made. Run it on a scratch database, never on a live one: it briefly
adds thousands of rows. Messages are never handed to a real provider (--send uses the in-memory SMS backend).
"""

import time
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django_tasks_db.models import DBTaskResult

from aidhub.accounts.models import User
from aidhub.alerts.models import Alert, AlertText, Delivery, Subscriber
from aidhub.alerts.services.alerts import alert_verify
from aidhub.alerts.tasks import send_deliveries
from aidhub.devdata.fanout import alert_audience
from aidhub.messaging import sms


class Command(BaseCommand):
    help = "Times the fan-out of one alert to N confirmed subscribers (scratch databases only)."

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, default=10_000)
        parser.add_argument("--send", action="store_true", help="Also time sending with the in-memory SMS backend.")

    def handle(self, *args, subscribers, send, **options):
        tag = uuid.uuid4().hex[:8]
        started = time.perf_counter()
        area, organization, author, verifier = alert_audience(tag, subscribers)
        self.stdout.write(f"set-up: {subscribers} confirmed subscribers in {time.perf_counter() - started:.2f} s")
        try:
            alert = Alert.objects.create(
                organization=organization, author=author, main_language=organization.alert_language()
            )
            alert.areas.set([area])
            AlertText.objects.create(alert=alert, language=alert.main_language, text="Benchmark alert.")
            alert.submit()
            alert.save()
            tasks_before = DBTaskResult.objects.count()
            with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
                started = time.perf_counter()
                queued = alert_verify(alert=alert, verifier=verifier, revision=alert.revision, fallback_accepted=True)
                elapsed = time.perf_counter() - started
            rows = Delivery.objects.filter(alert=alert).count()
            tasks = DBTaskResult.objects.count() - tasks_before
            self.stdout.write(
                self.style.SUCCESS(
                    f"queued: {rows} deliveries ({queued} subscribers reached) and {tasks} sending tasks "
                    f"in {elapsed:.2f} s ({rows / elapsed:,.0f} rows/s)"
                )
            )
            if send:
                self._send(alert, rows)
        finally:
            self._cleanup(tag, area, organization)

    def _send(self, alert, rows):
        with override_settings(SMS_BACKEND="aidhub.messaging.sms.LocmemBackend"):
            started = time.perf_counter()
            sent = send_deliveries.call(alert_id=alert.pk, kind="alert")
            elapsed = time.perf_counter() - started
        sms.outbox.clear()
        self.stdout.write(f"sent: {sent} of {rows} through the in-memory backend in {elapsed:.2f} s")

    def _cleanup(self, tag, area, organization):
        with transaction.atomic():
            alerts = Alert.objects.filter(organization=organization)
            DBTaskResult.objects.filter(
                args_kwargs__kwargs__alert_id__in=list(alerts.values_list("pk", flat=True))
            ).delete()
            Delivery.objects.filter(alert__in=alerts).delete()
            AlertText.objects.filter(alert__in=alerts).delete()
            alerts.delete()
            Subscriber.objects.filter(areas=area).delete()
            User.objects.filter(email__startswith=f"bench-{tag}-").delete()
            organization.delete()
            area.delete()
        self.stdout.write("cleaned up")
