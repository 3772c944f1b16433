"""Keeps bots off public forms without any third party: rate limits and a proof-of-work puzzle.

- Rate limits: attempts are counted in Django's cache for a short window, per browser (a keyed hash of its CSRF
  cookie) and per address (a keyed hash of the client's address). An address can be a whole shelter or school
  behind one router, so it gets several browsers' worth; one browser gets what one person needs, so one busy form
  cannot use up its neighbours' share. Neither the address nor the cookie is stored in the database or logged.
- Proof of work: the server signs a random challenge; the browser (static/js/antibot.js) finds a number whose
  SHA-256 with the challenge starts with enough zero bits, which costs a person's phone a second or two and a
  bot farm a lot. The server checks it with one hash.
- Without JavaScript the person answers a small sum instead. The sum is derived from the challenge with a server
  key, so the token does not carry it; and an answer counts only once ANTIBOT_NOJS_WAIT seconds have passed since
  the form was shown: a person filling the form takes longer than that anyway, while a script that reads the sum
  off the page instead of doing the proof of work waits as long for every form it sends.
- Every challenge counts once, right or wrong (remembered in the cache): a replayed form is refused, and a script
  cannot try answer after answer on one challenge. The form is shown again with a fresh challenge.

Use it through `AntiBotFormMixin` (forms take `request=`); set `antibot_scope` to name the form's rate limits.
"""

import hashlib
import hmac
import logging
import os
import secrets
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict

from allauth.account.adapter import get_adapter as get_account_adapter
from django import forms
from django.conf import settings
from django.core import checks, signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from aidhub.lib.counters import count_in_window
from aidhub.lib.crypto import keyed_hash

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    # What the mixin is mixed into, for the type checker only.
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class Challenge(TypedDict):
    """A challenge as the widget shows it: the signed token, the zero bits asked for, and the small sum."""

    token: str
    difficulty: int
    a: int
    b: int


SALT = "aidhub.antibot.v2"
# (per browser, per address, seconds) for a scope missing from settings.ANTIBOT_RATES.
DEFAULT_RATE = (10, 50, 600)
# Set when a request came with X-Forwarded-For while TRUSTED_PROXY_COUNT is 0 (read by `check --deploy`).
FORWARDED_SEEN = "antibot:forwarded-for-seen"
FORWARDED_SEEN_SECONDS = 7 * 24 * 3600


def client_key(request: HttpRequest) -> str:
    """A keyed hash of the client's address: enough to count attempts, useless to find the person. The address
    is found as allauth finds it for its own limits (behind a proxy: TRUSTED_PROXY_COUNT and X-Forwarded-For),
    so that one setting serves both."""
    if not settings.ALLAUTH_TRUSTED_PROXY_COUNT and request.META.get("HTTP_X_FORWARDED_FOR"):
        note_forwarded_address()
    address = get_account_adapter(request).get_client_ip(request)
    return keyed_hash(f"antibot:{address}")[:32]


def note_forwarded_address() -> None:
    """A proxy sends visitors' addresses that we ignore: every visitor then counts as the proxy, together."""
    if cache.add(FORWARDED_SEEN, 1, timeout=FORWARDED_SEEN_SECONDS):
        logger.warning(
            "Requests come through a proxy (X-Forwarded-For) but TRUSTED_PROXY_COUNT is 0: the rate limits of "
            "sign-in and public forms count all visitors as one. See docs/operations.md."
        )


def browser_key(request: HttpRequest) -> str:
    """A keyed hash of the browser's CSRF cookie, which every browser that posts a form has (Django refuses the
    post otherwise); empty without one."""
    secret = request.META.get("CSRF_COOKIE") or ""
    return keyed_hash(f"antibot-browser:{secret}")[:32] if secret else ""


def rate_limit_exceeded(request: HttpRequest, scope: str) -> bool:
    """Counts one attempt; True once the browser, or its address, made more than the scope allows in the current
    window."""
    per_browser, per_address, period = settings.ANTIBOT_RATES.get(scope, DEFAULT_RATE)
    window = int(time.time() // period)
    over = count_in_window(f"antibot:rate:{scope}:address:{client_key(request)}:{window}", period) > per_address
    browser = browser_key(request)
    if browser:
        over = count_in_window(f"antibot:rate:{scope}:browser:{browser}:{window}", period) > per_browser or over
    return over


def _sum_key() -> bytes:
    return hashlib.sha256(f"aidhub.antibot.sum:{settings.SECRET_KEY}".encode()).digest()


def sum_operands(nonce: str) -> tuple[int, int]:
    """The two numbers of the small sum, derived from the challenge's nonce with a server key."""
    digest = hmac.new(_sum_key(), nonce.encode(), hashlib.sha256).digest()
    return digest[0] % 8 + 2, digest[1] % 8 + 1


def new_challenge() -> "Challenge":
    """A signed challenge: a random nonce, the number of zero bits asked for, and when it was made."""
    payload = {"n": secrets.token_hex(12), "d": settings.ANTIBOT_DIFFICULTY, "t": int(time.time())}
    return _shown(signing.dumps(payload, salt=SALT), payload)


def _shown(token: str, payload: dict[str, Any]) -> "Challenge":
    a, b = sum_operands(payload["n"])
    return {"token": token, "difficulty": payload["d"], "a": a, "b": b}


def load_challenge(token: str | None) -> dict[str, Any]:
    """The challenge's payload, or SignatureExpired / BadSignature."""
    payload: dict[str, Any] = signing.loads(token or "", salt=SALT, max_age=settings.ANTIBOT_MAX_AGE)
    return payload


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def solves(token: str, solution: str, difficulty: int) -> bool:
    if not solution.isdigit() or len(solution) > 12:
        return False
    return leading_zero_bits(hashlib.sha256(f"{token}:{solution}".encode()).digest()) >= difficulty


def solve(token: str, difficulty: int) -> str:
    """What the browser does, in Python (for tests and command-line clients)."""
    counter = 0
    while not solves(token, str(counter), difficulty):
        counter += 1
    return str(counter)


def _answers(payload: dict[str, Any], answer: str) -> bool:
    try:
        # int() reads Arabic-Indic and other digits too.
        return int(answer) == sum(sum_operands(payload["n"]))
    except ValueError:
        return False


def _used_key(payload: dict[str, Any]) -> str:
    return f"antibot:used:{payload['n']}"


EXPIRED = _("This form was open for too long. Please check your answers and send it again.")
# A used or unreadable challenge comes from our side far more often than from the person: a worker that crashed
# or restarted after checking the form and before saving it, or keys that changed in between.
OUR_SIDE = _(
    "Something went wrong on our side and we could not take your form. What you wrote is still here: "
    "please check it and send it again."
)
# Plain words on the path without JavaScript too: no "JavaScript", "token" or "proof of work" (issue 16).
UNSOLVED = _(
    "We could not check that a person is sending this form. Please answer the small sum, or wait until the "
    "page says the check is done, then send the form again."
)
TOO_SOON = _("Please wait a few seconds, then send the form again. Your answers are kept.")
TOO_MANY = _("Too many attempts from your connection. Please wait a few minutes, then try again.")


def verify(value: dict[str, str]) -> None:
    """Raises ValidationError unless the challenge is ours, fresh, not used before, and solved (or the sum
    answered, after the wait). Every challenge that gets this far is used up, whatever the answer."""
    if not value.get("challenge"):
        raise ValidationError(UNSOLVED, code="missing")
    try:
        payload = load_challenge(value["challenge"])
    except signing.SignatureExpired:
        raise ValidationError(EXPIRED, code="expired") from None
    except signing.BadSignature:
        raise ValidationError(OUR_SIDE, code="invalid") from None
    solution = value.get("solution") or ""
    answer = (value.get("answer") or "").strip()
    if not solution and answer and time.time() - payload["t"] < settings.ANTIBOT_NOJS_WAIT:
        # Not looked at, so not used up: the form comes back with the same challenge and answer.
        raise ValidationError(TOO_SOON, code="too_soon")
    if not cache.add(_used_key(payload), 1, timeout=settings.ANTIBOT_MAX_AGE):
        raise ValidationError(OUR_SIDE, code="replayed")
    # A proof of work, when sent, is the only answer looked at: a wrong one cannot fall back on the sum.
    solved = solves(value["challenge"], solution, payload["d"]) if solution else _answers(payload, answer)
    if not solved:
        raise ValidationError(UNSOLVED, code="unsolved")


def reusable(value: dict[str, str] | None) -> "Challenge | None":
    """The challenge of a form sent too soon, to show again (it was not used); None for any other."""
    value = value or {}
    try:
        payload = load_challenge(value.get("challenge"))
    except signing.BadSignature:
        return None
    if cache.get(_used_key(payload)) is not None:
        return None
    return _shown(value["challenge"], payload)


class AntiBotWidget(forms.Widget):
    """Renders a fresh challenge each time a form is shown (after an error too), except after an answer sent too
    soon: that challenge is still unused, and the person only presses the button again."""

    template_name = "includes/widgets/antibot.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, None, attrs)
        kept = reusable(value)
        context["challenge"] = kept or new_challenge()
        context["answer"] = value.get("answer", "") if kept else ""
        return context

    def value_from_datadict(
        self, data: Mapping[str, Any], files: MultiValueDict[str, Any], name: str
    ) -> dict[str, str]:
        return {part: data.get(f"{name}_{part}", "") for part in ("challenge", "solution", "answer")}

    def value_omitted_from_data(self, data: Mapping[str, Any], files: MultiValueDict[str, Any], name: str) -> bool:
        return False


class AntiBotField(forms.Field):
    widget = AntiBotWidget

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("A check against automatic messages"))
        super().__init__(**kwargs)

    def validate(self, value: dict[str, str]) -> None:
        verify(value)


def challenge_widget() -> SafeString:
    """The field's HTML with a fresh challenge, for pages that show a cached form (the help form)."""
    return AntiBotWidget().render("antibot", None, attrs={"id": "id_antibot"})


class AntiBotFormMixin(_FormBase):
    """Adds the proof-of-work field and the rate limits to a public form."""

    antibot_scope = "form"

    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        self.rate_limited = False
        self.fields["antibot"] = AntiBotField()

    def full_clean(self) -> None:
        if self.is_bound and rate_limit_exceeded(self.request, self.antibot_scope):
            # Nothing else is checked: a flood gets one short answer.
            self.rate_limited = True
            self._errors = forms.utils.ErrorDict()
            self.cleaned_data = {}
            self.add_error(None, ValidationError(TOO_MANY, code="rate_limited"))
            return
        super().full_clean()


def _proxy_signs() -> list[str]:
    """What says that a reverse proxy stands in front of the app."""
    signs = []
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        signs.append("SECURE_PROXY_SSL_HEADER is set")
    if os.environ.get("FORWARDED_ALLOW_IPS"):
        signs.append("FORWARDED_ALLOW_IPS is set")
    try:
        seen = cache.get(FORWARDED_SEEN)
    except Exception:
        # No cache to ask while checking (e.g. its table is not made yet): judge by the settings alone.
        seen = False
    if seen:
        signs.append("a public form was posted with X-Forwarded-For")
    return signs


@checks.register(checks.Tags.security, deploy=True)
def check_trusted_proxy_count(app_configs: object = None, **kwargs: object) -> list[checks.CheckMessage]:
    """Behind a proxy, TRUSTED_PROXY_COUNT=0 makes every visitor count as the proxy: one shared rate limit."""
    if settings.ALLAUTH_TRUSTED_PROXY_COUNT:
        return []
    signs = _proxy_signs()
    if not signs:
        return []
    return [
        checks.Warning(
            f"The app seems to sit behind a reverse proxy ({', '.join(signs)}) but TRUSTED_PROXY_COUNT is 0: "
            "every visitor counts as the proxy, so the rate limits of sign-in and public forms block everyone "
            "together once a few people use them.",
            hint="Set TRUSTED_PROXY_COUNT=1 when one proxy (deploy/nginx.conf or deploy/Caddyfile) sets "
            "X-Forwarded-For; see docs/operations.md.",
            id="antibot.W001",
        )
    ]
