"""Health endpoints for load balancers, process managers and monitoring, outside the language prefix.

/healthz answers as long as the process serves requests (no database, no cache: a slow database must not get
healthy web processes restarted). /readyz answers 200 only when the database and the cache both answer, so a
load balancer stops sending people to a machine that cannot serve them; 503 otherwise.
"""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

READY_KEY = "aidhub:readyz"


@require_safe
@never_cache
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as error:
        logger.warning("readyz: database unreachable (%s)", type(error).__name__)
        return False


def _cache_ok():
    try:
        cache.set(READY_KEY, "1", timeout=10)
        return cache.get(READY_KEY) == "1"
    except Exception as error:
        logger.warning("readyz: cache unreachable (%s)", type(error).__name__)
        return False


@require_safe
@never_cache
def readyz(request):
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    ready = all(checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", **{name: "ok" if ok else "fail" for name, ok in checks.items()}},
        status=200 if ready else 503,
    )
