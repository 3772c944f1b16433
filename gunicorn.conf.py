"""gunicorn settings for AidHub: `gunicorn aidhub.wsgi -c gunicorn.conf.py` (deploy/aidhub-web.service).

Environment: GUNICORN_BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (workers; default 2 × CPUs + 1),
GUNICORN_ACCESS_LOG (a path, "-" for standard output, or empty for none; default "-"), GUNICORN_MAX_REQUESTS
(requests before a worker is replaced; default 5000, 0 for never).
"""

import multiprocessing
import os

wsgi_app = "aidhub.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Synchronous workers: each serves one request at a time, so the count bounds concurrency and memory.
# Two per core plus one keeps the CPUs busy while some workers wait on PostgreSQL.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
timeout = 30
graceful_timeout = 20
# Recycle workers now and then, so that a slow leak never grows without bound (0: never; the benchmark
# uses 0 for AidHub and the ceiling alike, since a restart in a 5-second round would only measure Python's start).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# Only the reverse proxy on this machine may say which scheme the visitor used (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access log without the client address (%(h)s), the query string and the referrer: a family's private
# status link carries its token in the query string, so the log has the path only (%(U)s, never %(r)s).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
# Other private links carry their token in the path (bookings, registrations, alert subscriptions, calendar
# feeds): this logger writes "[redacted]" in its place, and escapes line breaks and terminal codes in every
# logged field (%(U)s is decoded: /x%0d%0aforged would otherwise add a line). See aidhub/lib/redaction.py.
logger_class = "aidhub.lib.accesslog.PrivateLogger"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Logs go to the journal through standard output and error; no process title tricks, no pid file needed.
proc_name = "aidhub"
