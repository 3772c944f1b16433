"""Break 5: private links in access logs, and forged log lines.

gunicorn runs with the project's gunicorn.conf.py (one worker, a scratch SQLite database, its access log in a
file, its standard error, where the error log and Django's loggers write, in another). The test opens every
page whose address carries a private token, as the family, attendee, subscriber or calendar program would,
plus a guessed token (a 404 that Django logs), a form posted without its CSRF token (a 403 that Django logs) and
paths with encoded line breaks and terminal escapes. Then no token is in either log, and the access log has
exactly one line per request.
"""

import io
import json
import logging
import os
import re
import signal
import subprocess
import sys
import time
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver

from aidhub.lib import redaction
from tests.helpers import free_port
from tests.scratch import migrated_sqlite

ROOT = Path(settings.BASE_DIR)

# Made-up tokens: probes of links that do not exist (or no longer do) are logged by Django as "Not Found".
GUESSED_BOOKING = "GuessedBookingToken0123456789abcdef"
GUESSED_FEED = "GuessedFeedToken0123456789abcdefgh"
GUESSED_EMAIL_KEY = "MQ:1tGuessedEmailConfirmationKey0123"

# Data of the scratch database, made through the ORM of a separate process; prints the private tokens.
SETUP = """
import json
from aidhub.alerts.models import Subscriber
from aidhub.alerts.services.subscribers import unsubscribe_token
from aidhub.lib.tokens import hash_access_token, new_access_token
from aidhub.events.models import CalendarFeed
from aidhub.needs.services import status_token_for_submission
from tests.factories import (
    AreaFactory, EventFactory, HelpRequestFactory, ShiftFactory, ShiftSignupFactory, SlotFactory,
    SubscriberFactory, UserFactory, make_booking, make_registration,
)
area = AreaFactory(name="Eastside", slug="eastside")
event = EventFactory(area=area, capacity=10)
volunteer = UserFactory(email="sara@example.org")
shift = ShiftFactory(event=event)
ShiftSignupFactory(shift=shift, volunteer=volunteer)
first_slot = SlotFactory(event=event, shift=shift)
second_slot = SlotFactory(event=event, shift=shift, starts_at=first_slot.ends_at)
booking, booking_token = make_booking(first_slot)
cancelled, cancelled_token = make_booking(second_slot, contact="+12025550148")
registration, registration_token = make_registration(event)
confirm_token, confirm_hash = new_access_token()
SubscriberFactory(areas=[area], status=Subscriber.Status.PENDING, token_hash=confirm_hash)
feed_token, feed_hash = new_access_token()
CalendarFeed.objects.create(user=volunteer, token_hash=feed_hash)
status_token = status_token_for_submission("break05-submission")
HelpRequestFactory(area=area, status="reviewed", access_token_hash=hash_access_token(status_token))
print(json.dumps({
    "booking": booking_token,
    "cancelled_booking": cancelled_token,
    "registration": registration_token,
    "subscribe_confirm": confirm_token,
    "unsubscribe": unsubscribe_token(SubscriberFactory(areas=[area])),
    "calendar_feed": feed_token,
    "family_status": status_token,
    "second_slot": second_slot.pk,
}))
"""


@pytest.fixture
def server_env(request, tmp_path):
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "break05-test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "FIELD_ENCRYPTION_KEYS": "break05-test-field-key",
        # A copy of the run's migrated SQLite database (tests/scratch.py).
        "DATABASE_URL": migrated_sqlite(request, tmp_path / "break05.sqlite3"),
        "CACHE_URL": "locmemcache://break05",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_MANIFEST": "false",
        "TASKS_BACKEND": "immediate",
        "SMS_BACKEND": "locmem",
        "EMAIL_URL": "memorymail://",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESS_LOG": str(tmp_path / "access.log"),
        "LOG_LEVEL": "INFO",
    }
    return env


@pytest.fixture
def tokens(server_env):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SETUP], cwd=ROOT, env=server_env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


class Server:
    """gunicorn with the project's config; counts the requests it answered."""

    def __init__(self, env, port, error_log):
        self.port = port
        self.answered = 0
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                *("-c", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}"),
                # No control socket: it lives in one place per user, which other servers started at once would share.
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=error_log,
            stderr=error_log,
        )

    def request(self, method, path, cookies=None, form=None):
        connection = HTTPConnection("127.0.0.1", self.port, timeout=20)
        headers = {"Host": "127.0.0.1"}
        if cookies:
            headers["Cookie"] = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        self.answered += 1
        if cookies is not None:
            for header in response.headers.get_all("Set-Cookie") or []:
                cookies.load(header)
        connection.close()
        return response.status, text

    def wait_until_ready(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if self.request("GET", "/readyz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("gunicorn did not get ready")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@pytest.fixture
def server(server_env, tokens, tmp_path):
    with open(tmp_path / "stderr.log", "wb") as error_log:
        running = Server(server_env, free_port(range(8230, 8300)), error_log)
        try:
            running.wait_until_ready()
            yield running
        finally:
            running.stop()


def _csrf(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def _visit_every_private_page(server, tokens):
    """Every page a private link opens, and what a person does there, with the statuses they get."""
    booking = f"/en/events/bookings/{tokens['booking']}/"
    cookies = SimpleCookie()
    status, page = server.request("GET", booking, cookies)
    assert status == 200
    csrf = {"csrfmiddlewaretoken": _csrf(page)}
    assert server.request("POST", f"{booking}move/", cookies, {**csrf, "slot": tokens["second_slot"]})[0] == 302
    # A form posted without its CSRF token: Django's security logger writes the path.
    assert server.request("POST", f"{booking}cancel/", None, {})[0] == 403
    cancelled = f"/en/events/bookings/{tokens['cancelled_booking']}/"
    assert server.request("POST", f"{cancelled}cancel/", cookies, csrf)[0] == 302

    registration = f"/en/events/registrations/{tokens['registration']}/"
    assert server.request("GET", registration, cookies)[0] == 200
    assert server.request("POST", f"{registration}cancel/", cookies, csrf)[0] == 302

    confirm = f"/en/alerts/subscribe/{tokens['subscribe_confirm']}/"
    assert server.request("GET", confirm, cookies)[0] == 200
    assert server.request("GET", f"{confirm}?code=123456", cookies)[0] == 200

    unsubscribe = f"/en/alerts/unsubscribe/{tokens['unsubscribe']}/"
    assert server.request("GET", unsubscribe, cookies)[0] == 200
    assert server.request("POST", f"{unsubscribe}confirm/", cookies, csrf)[0] == 200

    assert server.request("GET", f"/en/events/my-shifts/{tokens['calendar_feed']}.ics")[0] == 200
    assert server.request("GET", f"/en/help/status/?k={tokens['family_status']}", cookies)[0] == 200

    # Probes with guessed tokens: Django logs each 404 with its path; without the language, a redirect.
    assert server.request("GET", f"/en/events/bookings/{GUESSED_BOOKING}/")[0] == 404
    assert server.request("GET", f"/en/events/my-shifts/{GUESSED_FEED}.ics")[0] == 404
    assert server.request("GET", f"/events/bookings/{GUESSED_BOOKING}/")[0] == 302
    assert server.request("GET", f"/en/accounts/confirm-email/{GUESSED_EMAIL_KEY}/")[0] in (200, 302, 404)


def _forge_log_lines(server):
    """Encoded line breaks and a terminal escape: gunicorn and Django decode them before logging the path."""
    assert server.request("GET", "/en/nothing%0d%0aforged-access-line%20200/")[0] == 404
    assert server.request("GET", "/en/events/%0aforged-django-line/")[0] == 404
    assert server.request("GET", "/en/%1b%5b2Jforged-escape/")[0] == 404


@pytest.mark.slow
def test_no_private_token_reaches_any_log_and_no_line_is_forged(server, tokens, tmp_path):
    _visit_every_private_page(server, tokens)
    _forge_log_lines(server)
    server.stop()

    access_log = (tmp_path / "access.log").read_text(encoding="utf-8", errors="replace")
    other_logs = (tmp_path / "stderr.log").read_text(encoding="utf-8", errors="replace")
    secrets = {name: value for name, value in tokens.items() if name != "second_slot"}
    secrets.update(guessed_booking=GUESSED_BOOKING, guessed_feed=GUESSED_FEED, guessed_key=GUESSED_EMAIL_KEY)
    for name, secret in secrets.items():
        assert secret not in access_log, f"the {name} token is in gunicorn's access log"
        assert secret not in other_logs, f"the {name} token is in gunicorn's error log or Django's logs"

    # The pages were logged, with their tokens replaced.
    assert "/en/events/bookings/[redacted]/move/" in access_log
    assert "/en/events/my-shifts/[redacted]" in access_log
    assert "Not Found: /en/events/bookings/[redacted]/" in other_logs
    assert "Forbidden (CSRF cookie not set.): /en/events/bookings/[redacted]/cancel/" in other_logs

    # One line per request answered, each in the configured format: nothing was forged.
    lines = access_log.splitlines()
    assert len(lines) == server.answered
    assert all(re.fullmatch(r'\[[^\]]+\] "[A-Z]+ /(?:[^"\\]|\\.)*" \d{3} \d+ \d+ms', line) for line in lines), lines
    for line in other_logs.splitlines():
        assert not line.startswith(("forged", "\x1b")), line
    assert "\x1b" not in access_log + other_logs
    assert "\\r\\nforged-access-line" in access_log


def _root_handler_output(action):
    """What the root handler of settings.LOGGING (standard error in production) writes while `action` runs."""
    [handler] = [handler for handler in logging.getLogger().handlers if type(handler) is logging.StreamHandler]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        action()
    finally:
        handler.setStream(previous)
    return stream.getvalue()


def test_django_logs_a_probed_private_link_without_its_token(client, booking_link):
    token = booking_link["token"]

    def probe():
        assert client.get(f"/en/events/bookings/{token}x/").status_code == 404
        assert client.get(f"/en/alerts/unsubscribe/{token}/").status_code == 404
        assert client.get(f"/en/help/status/?k={token}").status_code == 404

    logged = _root_handler_output(probe)
    assert "Not Found: /en/events/bookings/[redacted]/" in logged
    assert "Not Found: /en/alerts/unsubscribe/[redacted]/" in logged
    assert token not in logged


def test_a_logged_message_stays_on_its_line():
    logged = _root_handler_output(lambda: logging.getLogger("aidhub.x").warning("path %s", "/a\r\nforged\x1b[2J\u202e"))
    assert logged == "path /a\\r\\nforged\\x1b[2J\\u202e\n"


PRIVATE_PATHS = {
    "/es/events/bookings/{t}/": "/es/events/bookings/[redacted]/",
    "/es/events/bookings/{t}/move/": "/es/events/bookings/[redacted]/move/",
    "/zh-hans/events/registrations/{t}/cancel/": "/zh-hans/events/registrations/[redacted]/cancel/",
    "/pt-br/alerts/subscribe/{t}/": "/pt-br/alerts/subscribe/[redacted]/",
    "/ar/alerts/unsubscribe/{t}/confirm/": "/ar/alerts/unsubscribe/[redacted]/confirm/",
    "/en/events/my-shifts/{t}.ics": "/en/events/my-shifts/[redacted]",
    "/events/bookings/{t}/": "/events/bookings/[redacted]/",
    "/en/accounts/confirm-email/{t}/": "/en/accounts/confirm-email/[redacted]/",
    "/en/accounts/password/reset/key/1a-{t}/": "/en/accounts/password/reset/key/[redacted]/",
    "/en/events/bookings/\n{t}/": "/en/events/bookings/[redacted]/",
    "/en/alerts/subscribe/": "/en/alerts/subscribe/",
    "/en/events/": "/en/events/",
}


@pytest.mark.parametrize(("path", "logged"), PRIVATE_PATHS.items())
def test_every_private_path_is_redacted_alike_by_python_and_the_nginx_example(path, logged):
    token = "Kq3v9XbN2rT5wYz8AcDfGhJkLmNpQsUv"
    path = path.format(t=token)
    assert redaction.log_safe(path) == logged
    # nginx: the map of deploy/nginx.conf (PCRE; this expression means the same in Python).
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    nginx_map = r'map \$uri \$aidhub_log_path \{\s*default \$uri;\s*"~([^"]+)" "([^"]+)";'
    pattern, value = re.search(nginx_map, nginx).groups()
    match = re.match(pattern, path)
    in_nginx_log = value.replace("${head}", match["head"]).replace("${tail}", match["tail"]) if match else path
    assert in_nginx_log == logged


def test_the_examples_list_the_same_private_paths_as_the_code():
    routes = "|".join(redaction.PRIVATE_PATH_PREFIXES)
    assert f"(?:{routes})/)" in (ROOT / "deploy" / "nginx.conf").read_text()
    assert f"(?:{routes})/)" in (ROOT / "deploy" / "Caddyfile").read_text()


def test_every_url_with_a_token_is_redacted():
    """A new URL pattern with a token in its path must be added to PRIVATE_PATH_PREFIXES (and the examples)."""
    token = "Kq3v9XbN2rT5wYz8AcDfGhJkLmNpQsUv"

    def patterns(resolver, prefix=""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from patterns(entry, prefix + str(entry.pattern))
            else:
                yield prefix + str(entry.pattern), entry

    tokened = [route for route, entry in patterns(get_resolver()) if "<str:token>" in route]
    assert len(tokened) >= 8
    for route in tokened:
        path = "/" + re.sub(r"^\^?[a-z-]*/", "en/", route).replace("<str:token>", token)
        assert token not in redaction.redact(path), route
