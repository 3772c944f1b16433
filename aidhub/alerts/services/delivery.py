"""Fan-out and sending of alerts: one Delivery row per (alert, subscriber, kind), claimed before each send.

Idempotent by construction:
- rows are created in the database by one INSERT … SELECT from the audience, leaving out whoever has their row
  already, and the unique (alert, subscriber, kind) refuses any second row: queueing twice adds nothing;
- a worker claims a row with a conditional UPDATE (queued → sending) before it calls the provider: two workers,
  a retried task or a restarted one never send the same row twice;
- a row left "sending" by a worker that died is never sent again automatically (the provider may have taken it):
  after a lease it is marked failed ("interrupted"), and an organizer may choose to try failed rows again.
- the claim is committed durably before the send; the "sent" mark after it is not waited for on disk (PostgreSQL's
  asynchronous commit, visible to every session at once): should the database itself crash, a lost mark leaves
  the row claimed, hence "interrupted", never sent twice. It halves the disk flushes of a fan-out (each is some
  5 ms on the benchmark machine: 50,000 messages spent 4 minutes waiting for them; tests/test_rq_fanout.py).
Provider errors put the row back in the queue with a growing delay, up to ALERTS_SEND_MAX_ATTEMPTS.

This module queues rows and starts the tasks; aidhub.alerts.services.sending sends them (called by the tasks).
"""

from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Exists, F, OuterRef, QuerySet
from django.utils import timezone

from aidhub.alerts.models import Alert, Delivery, Subscriber
from aidhub.alerts.tasks import send_deliveries


def audience(alert: Alert, kind: str) -> QuerySet[Subscriber]:
    """Who gets this message: everyone confirmed in reach for an alert; the same people for what follows it."""
    confirmed = Subscriber.objects.confirmed()
    if kind == Delivery.Kind.ALERT:
        return confirmed.in_reach_of(alert.areas.all())
    original = alert.corrects if kind == Delivery.Kind.CORRECTION else alert
    return confirmed.filter(deliveries__alert=original, deliveries__kind=Delivery.Kind.ALERT)


def deliveries_queue(*, alert: Alert, kind: str) -> int:
    """Creates the rows and starts the sending tasks once the transaction commits. Returns the rows it created
    (every subscriber of the audience, the first time)."""
    created = _insert_rows(alert, kind)
    tasks = min(settings.ALERTS_PARALLEL_TASKS, max(1, -(-created // 500)))
    transaction.on_commit(lambda: _start(alert.pk, kind, tasks))
    return created


def _insert_rows(alert: Alert, kind: str) -> int:
    """One row per subscriber of the audience who has none yet, in one INSERT … SELECT. The ids never leave the
    database: 50,000 of them read into Python and sent back in bulk inserts were most of the 3–5 s a verification
    took (issue 20). The other columns take the values of a new Delivery(alert=…, subscriber=…, kind=…), prepared
    as bulk_create would prepare them.

    Existing rows are left out by NOT EXISTS rather than skipped by ON CONFLICT DO NOTHING: a speculative insert
    checks both unique indexes before each row (43% fewer pages touched without it, the INSERT a third faster on
    the N=1 bench database). The unique constraint still holds: a second queueing at the same moment would fail
    and roll back, never add a row; it cannot happen anyway, as verifying and retracting lock the alert first."""
    ops = connection.ops
    audience_id = f"audience.{ops.quote_name('audience_id')}"
    given = {"alert": alert.pk, "kind": kind}
    columns, selected, values = [], [], []
    for field in Delivery._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(ops.quote_name(field.column or field.name))
        if field.name == "subscriber":
            selected.append(audience_id)
        else:
            selected.append("%s")
            value = given[field.name] if field.name in given else field.get_default()
            values.append(field.get_db_prep_save(value, connection))
    queued = Delivery.objects.filter(alert_id=alert.pk, kind=kind, subscriber_id=OuterRef("pk"))
    ids = audience(alert, kind).exclude(Exists(queued)).order_by().values(audience_id=F("pk"))
    ids_sql, ids_params = ids.query.get_compiler(connection=connection).as_sql()
    # Only names from the models and the ORM's own compiled SQL are joined into the statement; values are parameters.
    # In the subscribers' order, each index of the new rows grows at its end (fewer pages touched than in the order
    # a hash join leaves them in), and the workers send in that order too.
    select = f"SELECT {', '.join(selected)} FROM ({ids_sql}) audience ORDER BY {audience_id}"  # noqa: S608
    sql = f"INSERT INTO {ops.quote_name(Delivery._meta.db_table)} ({', '.join(columns)}) {select}"
    with connection.cursor() as cursor:
        cursor.execute(sql, (*values, *ids_params))
        created: int = cursor.rowcount
    return created


def _start(alert_id: int, kind: str, tasks: int) -> None:
    for _ in range(tasks):
        send_deliveries.enqueue(alert_id=alert_id, kind=kind)


def deliveries_retry_failed(*, alert: Alert) -> int:
    """An organizer's choice to try failed messages again (interrupted ones may then arrive twice)."""
    kinds = list(
        alert.deliveries.filter(status=Delivery.Status.FAILED).values_list("kind", flat=True).distinct().order_by()
    )
    alert.deliveries.filter(status=Delivery.Status.FAILED).update(
        status=Delivery.Status.QUEUED, attempts=0, next_attempt_at=timezone.now(), error=""
    )
    for kind in kinds:
        transaction.on_commit(partial(_start, alert.pk, kind, 1))
    return len(kinds)


def progress(alert: Alert) -> dict[str, int]:
    """Counts of rows per status, for the organizer's live view."""
    counts = dict(alert.deliveries.values_list("status").annotate(n=Count("pk")).order_by())
    counts = {status: counts.get(status, 0) for status in Delivery.Status.values}
    counts["total"] = sum(counts.values())
    counts["waiting"] = counts[Delivery.Status.QUEUED] + counts[Delivery.Status.SENDING]
    return counts
