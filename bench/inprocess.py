"""In-process figures for the benchmark, printed as one JSON line (run by bench/run.py, one process each):

  python -m bench.inprocess pages    queries per page (django.test.Client + CaptureQueriesContext), the ids
                                     of the pages, the suggestions timing for one request, the database's size
  python -m bench.inprocess export   peak memory while a whole streamed CSV export is consumed
  python -m bench.inprocess alert    the time to queue one verified alert to every confirmed subscriber
                                     (what it adds is deleted afterwards)

It uses the same settings (environment) and database as the servers under load.
"""

import json
import os
import statistics
import sys
import time
import tracemalloc

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidhub.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from aidhub.devdata.sessions import sign_in  # noqa: E402
from bench import pages as bench_pages  # noqa: E402

SUGGESTION_RUNS = 30


def _client(role):
    """A client of someone who reads this page; organizers with their second factor, as organizer pages ask."""
    client = Client()
    if role != "public":
        sign_in(client, get_user_model().objects.get(email=bench_pages.ACCOUNTS[role]))
    return client


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return len(captured)


def pages():
    ids = bench_pages.page_ids()
    result = {"ids": ids, "pages": []}
    for page in bench_pages.PAGES:
        client = _client(page.role)
        path = page.path.format(**ids)
        # The first view fills caches (fragments, network settings); the second is what the load test sees.
        cold = _queries(client, path)
        warm = _queries(client, path)
        result["pages"].append({"name": page.name, "role": page.role, "path": path, "cold": cold, "warm": warm})
    result["suggestions"] = suggestions()
    result["database"] = database_size()
    return result


def database_size():
    """The database's size on disk and per 10,000 requests for help (docs/operations.md's sizing): everything
    else the bench seeds (offers, events, subscribers) grows with the requests, so it counts in the share."""
    from aidhub.needs.models import HelpRequest

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    requests = HelpRequest.objects.count()
    return {
        "size_mb": round(size / 1e6, 1),
        "help_requests": requests,
        "mb_per_10k_requests": round(size / 1e6 / requests * 10_000, 1) if requests else None,
    }


def suggestions():
    from aidhub.matching.suggestions import candidates_for, request_facts, suggestions_for
    from aidhub.offers.models import Offer

    help_request = bench_pages.suggestion_request()
    for _ in range(3):
        suggestions_for(help_request, limit=20)
    timings = []
    for _ in range(SUGGESTION_RUNS):
        started = time.perf_counter()
        ranked = suggestions_for(help_request, limit=20)
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        suggestions_for(help_request, limit=20)
    timings.sort()
    return {
        "request": help_request.reference_code,
        "volunteers": get_user_model().objects.filter(volunteer_profile__isnull=False).count(),
        "published_offers_in_category": Offer.objects.published().filter(category=help_request.category).count(),
        "candidates": len(candidates_for(help_request, request_facts(help_request))),
        "suggested": len(ranked),
        "queries": len(captured),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
    }


def _high_water_mark_kib():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _signed_in_for_export(email):
    """A client signed in as a person does (password, then the authenticator's code), who then enters the
    password again: exports ask for that, which a forced login is not."""
    client = Client()
    client.post("/en/accounts/login/", {"login": email, "password": bench_pages.PASSWORD})
    response = client.post("/en/accounts/2fa/authenticate/", {"code": bench_pages.totp_code()})
    if response.status_code != 302:
        # A code counts once: wait for the authenticator's next one.
        time.sleep(30 - time.time() % 30 + 1)
        response = client.post("/en/accounts/2fa/authenticate/", {"code": bench_pages.totp_code()})
    reauthenticated = client.post("/en/accounts/reauthenticate/", {"password": bench_pages.PASSWORD})
    if response.status_code != 302 or reauthenticated.status_code != 302:
        raise SystemExit(f"could not sign in as {email} with two factors")
    return client


def export():
    """Downloads the coordinator's whole export (every finished request of the network) through the view."""
    client = _signed_in_for_export(bench_pages.COORDINATOR)
    before = _high_water_mark_kib()
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get("/en/organize/requests/export.csv")
    rows, size = -1, 0
    for chunk in response.streaming_content:
        rows += chunk.count(b"\n")
        size += len(chunk)
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "rows": rows,
        "megabytes": round(size / 1e6, 1),
        "seconds": round(seconds, 1),
        "tracemalloc_peak_mb": round(peak / 1e6, 1),
        "rss_growth_mb": round((_high_water_mark_kib() - before) / 1024, 1),
        "rss_peak_mb": round(_high_water_mark_kib() / 1024, 1),
    }


def alert():
    """One coordinator writes an alert for every region, the other verifies it: the time from the verification
    until every delivery row is written and the sending tasks are queued (committed), as in the app. Sending
    itself is the workers' job and is not timed here. Everything the alert added is deleted afterwards."""
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from aidhub.alerts.models import Alert, AlertText, Subscriber
    from aidhub.alerts.services.alerts import alert_verify
    from aidhub.core.models import AuditEvent, Organization

    users = get_user_model().objects
    author = users.get(email=bench_pages.COORDINATOR)
    verifier = users.get(email=bench_pages.SECOND_COORDINATOR)
    network = Organization.objects.get(slug="bench-org-network")
    alert = Alert.objects.create(organization=network, author=author, main_language=network.alert_language())
    alert.areas.set(network.areas.all())
    AlertText.objects.create(alert=alert, language=alert.main_language, text="Benchmark alert: not sent.")
    alert.submit()
    alert.save()
    tasks_before = set(DBTaskResult.objects.values_list("pk", flat=True))
    try:
        started = time.perf_counter()
        with transaction.atomic():
            # The alert is in English only: the verifier accepts, as on the page, that others get it in English.
            queued = alert_verify(alert=alert, verifier=verifier, revision=alert.revision, fallback_accepted=True)
        seconds = time.perf_counter() - started
        tasks = DBTaskResult.objects.exclude(pk__in=tasks_before)
        figures = {
            "confirmed_subscribers": Subscriber.objects.confirmed().count(),
            "deliveries": alert.deliveries.count(),
            "reached": queued,
            "tasks": tasks.count(),
            "seconds": round(seconds, 2),
        }
    finally:
        # The bench database is measured again later: leave it as it was.
        DBTaskResult.objects.exclude(pk__in=tasks_before).delete()
        AuditEvent.objects.filter(target_type="alerts.alert", target_id=alert.pk).delete()
        alert.deliveries.all().delete()
        alert.delete()
    return figures


if __name__ == "__main__":
    figures = {"pages": pages, "export": export, "alert": alert}[sys.argv[1]]()
    print("BENCH_JSON " + json.dumps(figures))
