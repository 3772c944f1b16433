"""Small helpers shared by tests: solving the anti-bot check as a browser would, making photos, counting queries."""

from contextlib import contextmanager
from html.parser import HTMLParser
from io import BytesIO

from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from aidhub.lib import antibot


def antibot_fields(prefix="antibot"):
    """Posted fields of a solved proof-of-work challenge, as static/js/antibot.js would send them."""
    challenge = antibot.new_challenge()
    return {
        f"{prefix}_challenge": challenge["token"],
        f"{prefix}_solution": antibot.solve(challenge["token"], challenge["difficulty"]),
    }


def jpeg_bytes(*, gps=False, size=(64, 48), color=(200, 40, 40)):
    """A small JPEG; with gps=True it carries EXIF with a GPS position, a camera make and a comment."""
    image = Image.new("RGB", size, color)
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "PhoneMaker"  # Make
        exif[0x0110] = "Phone 12"  # Model
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[1] = "N"  # GPSLatitudeRef
        gps_ifd[2] = (34.0, 3.0, 8.0)  # GPSLatitude
        gps_ifd[3] = "W"  # GPSLongitudeRef
        gps_ifd[4] = (118.0, 14.0, 37.0)  # GPSLongitude
    output = BytesIO()
    image.save(output, format="JPEG", exif=exif.tobytes(), comment=b"taken at 12 Elm Street" if gps else b"")
    return output.getvalue()


def pdf_bytes(pages=1):
    """A small, real PDF (Pillow writes one page per image)."""
    images = [Image.new("RGB", (200, 280), (255, 255, 255)) for _ in range(pages)]
    output = BytesIO()
    images[0].save(output, format="PDF", save_all=True, append_images=images[1:])
    return output.getvalue()


def png_bytes(size=(40, 30)):
    output = BytesIO()
    Image.new("RGBA", size, (10, 120, 200, 255)).save(output, format="PNG")
    return output.getvalue()


def sign_in(client, user):
    """Signs a person in on a test client as allauth would have, second factor included (aidhub.devdata.sessions)."""
    from aidhub.devdata.sessions import sign_in as sign_in_as_allauth

    return sign_in_as_allauth(client, user)


def totp_code(secret):
    """The code an authenticator app with this secret shows now."""
    from aidhub.lib.adapters import allauth

    return allauth.totp_code(secret)


def sign_in_with_two_factor(client, email, password, secret):
    """Signs in as a person would: password first, then the current code of their authenticator app."""
    response = client.post("/en/accounts/login/", {"login": email, "password": password})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    return client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)}, follow=True)


def reauthenticate(client, password="a-good-long-test-password"):
    """Enters the password again, as allauth asks before exports and sending alerts."""
    response = client.post("/en/accounts/reauthenticate/", {"password": password})
    assert response.status_code == 302, "re-authentication failed"
    return response


def get_with_queries(client, url):
    """GETs a page that must answer 200 and returns the response with the number of SQL queries it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response, len(queries)


def count_queries(client, url):
    """The number of SQL queries a page that must answer 200 runs: list pages prove theirs stay flat."""
    return get_with_queries(client, url)[1]


@contextmanager
def run_lock(path):
    """Held by one process of the run at a time (an exclusive lock on the file `path`): the pytest-xdist workers
    make what they share (collected static files, a migrated database) once, whichever gets there first."""
    import fcntl

    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def free_port(ports, taken=()):
    """A port of `ports` that nothing listens on, for a server a test starts. Under pytest-xdist each worker
    takes its own share of the range, so that two workers never pick the same free port at the same moment.
    `taken`: ports already given to servers that may not listen yet."""
    import os
    import socket

    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    share = ports[int(worker) % count :: count]
    for port in share:
        if port in taken:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {share}")


def assert_in_language(response, code, text, *, html=None):
    """The one check of a page rendered in an interface language. The page answers 200 with `<html lang dir>` for
    `code`; `text`, a string of the page's own content, is translated into `code` and shown inside `<main>` (not
    in the header or footer that every page shares, which would pass on a page that translates nothing else);
    and the page keeps its strict CSP, with no inline script or style and nothing from another site. `html`
    replaces the page's text for that last check (a page that links to another website on purpose)."""
    from django.conf import settings
    from django.utils import translation
    from django.utils.html import escape

    from tests.test_security_headers import _check

    assert response.status_code == 200, f"{response.request['PATH_INFO']} answered {response.status_code}"
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in response.text
    with translation.override(code):
        translated = translation.gettext(text)
    if code != "en":
        assert translated != text, f"{text!r} is not translated into {code}"
    main = response.text.split("<main", 1)[-1].split("</main>", 1)[0]
    assert translated in main or escape(translated) in main, f"{translated!r} is not in {response.request['PATH_INFO']}"
    _check(response if html is None else _Page(response, html))


class _Page:
    """A response with its text changed, for the page checks."""

    def __init__(self, response, text):
        self.response, self.text = response, text

    def __getitem__(self, header):
        return self.response[header]


def api_token_for(user, scope="read", contacts=False):
    """A personal API token of `user`, made as the token page makes it in a session that gave the second factor
    with their authenticators; returns the token itself (the header value is f"Bearer {token}")."""
    from allauth.mfa.models import Authenticator

    from aidhub.api.services import api_token_create

    ids = list(Authenticator.objects.filter(user=user).values_list("pk", flat=True))
    _row, token = api_token_create(actor=user, name="test", scope=scope, reads_contacts=contacts, second_factor_ids=ids)
    return token


def assert_pages_in_every_language(client, pages, codes=None, **values):
    """`assert_in_language` for each page of `pages` ({path template: text of its own}) in each interface language
    (or `codes`), with the objects the test made once: thirty languages cost thirty renderings of each page, not
    thirty times the test's set-up. Every failing page and language is listed, not only the first."""
    from django.conf import settings

    failures = []
    for code in codes or [code for code, _name in settings.LANGUAGES]:
        for page, text in pages.items():
            path = page.format(code=code, **values)
            try:
                assert_in_language(client.get(path), code, text)
            except AssertionError as error:
                failures.append(f"{path}: {str(error).splitlines()[0] if str(error) else 'failed'}")
    assert failures == [], "\n".join(failures)


class _FormValues(HTMLParser):
    """What a browser would send back from the admin's change form, as it is filled in now."""

    def __init__(self):
        super().__init__()
        self.values, self._select, self._textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.values.append((name, attrs.get("value", "on")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            self.values.append((name, ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            name, value = self.values.pop()
            self.values.append((name, value + data))


def form_values(page):
    """{name: [values]} a browser would send back from the page's form as it is filled in now (the admin's)."""
    form = _FormValues()
    form.feed(page)
    data = {}
    for name, value in form.values:
        data.setdefault(name, []).append(value)
    return data
