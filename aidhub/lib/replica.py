"""Reading from a replica of the database: the dashboard, the charts and the exports (reports that may be a
moment behind), when DATABASE_REPLICA_URL names one. Everything else, and every write, uses the primary.

A view opts in with `@reads_from_replica` (innermost, under the access decorators: who may see the page is
decided on the primary). While it runs, and while a streamed answer (a CSV export) is being sent, the router
sends reads to the replica. Without a replica configured the decorator changes nothing.

Why only these pages: a replica lags the primary by a little. A page that shows what its reader has just done
(the request queue after a status change, a form after saving) must read the primary; a report of the past
weeks may be a second late, and it is the heaviest reading there is (docs/operations.md, "Past one machine")."""

import functools
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, cast

from django.conf import settings
from django.db.models import Model
from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse

REPLICA = "replica"
# Always the primary, even inside a report: the database cache (fragments, rate counters) and sessions are read
# right after they are written.
PRIMARY_ONLY_APPS = {"django_cache", "sessions"}
_reading: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def _while_reading(chunks: Iterator[Any]) -> Iterator[Any]:
    token = _reading.set(True)
    try:
        yield from chunks
    finally:
        _reading.reset(token)


def reads_from_replica(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        token = _reading.set(True)
        try:
            response = view(request, *args, **kwargs)
        finally:
            _reading.reset(token)
        if isinstance(response, StreamingHttpResponse) and not response.is_async:
            response.streaming_content = _while_reading(cast(Iterator[bytes], response.streaming_content))
        return response

    return wrapped


class ReplicaRouter:
    """Reads of an opted-in view go to the replica; all else to the primary ("default"), which alone migrates."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        if _reading.get() and replica_configured() and model._meta.app_label not in PRIMARY_ONLY_APPS:
            return REPLICA
        return "default"

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"
