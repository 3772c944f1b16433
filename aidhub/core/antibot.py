"""Keeps bots off public forms without any third party: a per-client rate limit and a proof-of-work puzzle.

- Rate limit: attempts are counted in Django's cache under a keyed hash of the client's address, for a short
  window. The address itself is never stored in the database nor written to the logs.
- Proof of work: the server signs a random challenge; the browser (static/js/antibot.js) finds a number whose
  SHA-256 with the challenge starts with enough zero bits, which costs a person's phone a second or two and a
  bot farm a lot. The server checks it with one hash, and accepts each challenge once (remembered in the cache).
- Without JavaScript the person answers a small sum instead: a slower path for people, not a dead end.

Use it through `AntiBotFormMixin` (forms take `request=`); set `antibot_scope` to name the form's rate limit.
"""

import hashlib
import secrets
import time

from allauth.account.adapter import get_adapter as get_account_adapter
from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from aidhub.core.crypto import keyed_hash

SALT = "aidhub.antibot"
DEFAULT_RATE = (10, 600)


def client_key(request):
    """A keyed hash of the client's address: enough to count attempts, useless to find the person. The address
    is found as allauth finds it for its own limits (behind a proxy: TRUSTED_PROXY_COUNT and X-Forwarded-For),
    so that one setting serves both."""
    address = get_account_adapter(request).get_client_ip(request)
    return keyed_hash(f"antibot:{address}")[:32]


def rate_limit_exceeded(request, scope):
    """Counts one attempt; True once the client made more than the scope allows in the current window."""
    limit, period = settings.ANTIBOT_RATES.get(scope, DEFAULT_RATE)
    key = f"antibot:rate:{scope}:{client_key(request)}:{int(time.time() // period)}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count > limit


def new_challenge():
    """A signed challenge: a random nonce, the number of zero bits asked for, and the sum for people without JS."""
    a, b = secrets.randbelow(8) + 2, secrets.randbelow(8) + 1
    token = signing.dumps({"n": secrets.token_hex(12), "d": settings.ANTIBOT_DIFFICULTY, "q": [a, b]}, salt=SALT)
    return {"token": token, "difficulty": settings.ANTIBOT_DIFFICULTY, "a": a, "b": b}


def leading_zero_bits(digest):
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def solves(token, solution, difficulty):
    if not solution.isdigit() or len(solution) > 12:
        return False
    return leading_zero_bits(hashlib.sha256(f"{token}:{solution}".encode()).digest()) >= difficulty


def solve(token, difficulty):
    """What the browser does, in Python (for tests and command-line clients)."""
    counter = 0
    while not solves(token, str(counter), difficulty):
        counter += 1
    return str(counter)


EXPIRED = _("This form was open for too long. Please check your answers and send it again.")
UNSOLVED = _(
    "We could not check that a person is sending this form. If JavaScript is off, answer the small sum; "
    "otherwise wait until the check says it is ready, then send again."
)
TOO_MANY = _("Too many attempts from your connection. Please wait a few minutes, then try again.")


def verify(value):
    """Raises ValidationError unless the challenge is ours, fresh, solved (or the sum answered) and not used before."""
    try:
        payload = signing.loads(value.get("challenge") or "", salt=SALT, max_age=settings.ANTIBOT_MAX_AGE)
    except signing.SignatureExpired:
        raise ValidationError(EXPIRED, code="expired") from None
    except signing.BadSignature:
        raise ValidationError(UNSOLVED, code="invalid") from None
    solved = solves(value["challenge"], value.get("solution") or "", payload["d"])
    if not solved:
        try:
            # int() reads Arabic-Indic and other digits too.
            solved = int((value.get("answer") or "").strip()) == sum(payload["q"])
        except ValueError:
            solved = False
    if not solved:
        raise ValidationError(UNSOLVED, code="unsolved")
    # Each challenge counts once: a replayed form is refused.
    if not cache.add(f"antibot:used:{payload['n']}", 1, timeout=settings.ANTIBOT_MAX_AGE):
        raise ValidationError(EXPIRED, code="replayed")


class AntiBotWidget(forms.Widget):
    """Renders a fresh challenge each time (a form shown again after an error gets a new one)."""

    template_name = "includes/widgets/antibot.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, None, attrs)
        context["challenge"] = new_challenge()
        return context

    def value_from_datadict(self, data, files, name):
        return {part: data.get(f"{name}_{part}", "") for part in ("challenge", "solution", "answer")}

    def value_omitted_from_data(self, data, files, name):
        return False


class AntiBotField(forms.Field):
    widget = AntiBotWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("A check against automatic messages"))
        super().__init__(**kwargs)

    def validate(self, value):
        verify(value)


def challenge_widget():
    """The field's HTML with a fresh challenge, for pages that show a cached form (the help form)."""
    return AntiBotWidget().render("antibot", None, attrs={"id": "id_antibot"})


class AntiBotFormMixin:
    """Adds the proof-of-work field and a per-client rate limit to a public form."""

    antibot_scope = "form"

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.rate_limited = False
        self.fields["antibot"] = AntiBotField()

    def full_clean(self):
        if self.is_bound and rate_limit_exceeded(self.request, self.antibot_scope):
            # Nothing else is checked: a flood gets one short answer.
            self.rate_limited = True
            self._errors = forms.utils.ErrorDict()
            self.cleaned_data = {}
            self.add_error(None, ValidationError(TOO_MANY, code="rate_limited"))
            return
        super().full_clean()
