"""Private links' tokens and phone numbers kept out of what AidHub writes for operators: logs and printed messages.

One place for every Python side: gunicorn's access and error logs (`aidhub.lib.accesslog`), Django's loggers
(settings.LOGGING) and the development backends that print or write messages (`aidhub.messaging`). It sits below
the apps' ground floor: it imports neither an AidHub app nor Django (gunicorn's master uses it before Django is
set up), so any app may use it. `deploy/nginx.conf` and
`deploy/Caddyfile` repeat PRIVATE_PATH_PREFIXES in their own syntax (a test checks that they agree).
"""

import logging
import re
from collections.abc import Iterable

REDACTED = "[redacted]"

# Paths whose next segment is a private token: a family's booking, an attendee's registration, a subscriber's
# confirmation and unsubscribe pages, a volunteer's calendar feed, and allauth's email and password links.
# Links already sent keep working: the token stays in the path and only what is written down loses it.
PRIVATE_PATH_PREFIXES = (
    "events/bookings",
    "events/registrations",
    "events/my-shifts",
    "alerts/subscribe",
    "alerts/unsubscribe",
    "accounts/confirm-email",
    "accounts/password/reset/key",
)
# Links to one's own account (allauth): printed in development, where they are the only way to finish signing up.
ACCOUNT_PATH_PREFIXES = ("accounts/confirm-email", "accounts/password/reset/key")
# Query parameters that are private tokens: a family's status link (/help/status/?k=…).
PRIVATE_QUERY_KEYS = ("k",)

_SEGMENT = r"[^/?#\s\"'<>]+"


def _path_pattern(prefixes: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(prefix) for prefix in prefixes)
    return re.compile(rf"(/(?:{alternatives})/){_SEGMENT}")


_PRIVATE_PATHS = _path_pattern(PRIVATE_PATH_PREFIXES)
_PRIVATE_PATHS_BUT_ACCOUNTS = _path_pattern(
    [prefix for prefix in PRIVATE_PATH_PREFIXES if prefix not in ACCOUNT_PATH_PREFIXES]
)
_PRIVATE_QUERY = re.compile(rf"([?&](?:{'|'.join(PRIVATE_QUERY_KEYS)})=)[^&#\s\"'<>]+")

# A phone number: "+" and 8 digits or more (E.164, as AidHub stores them, spaced or not), or 10 digits or more
# written the national way ("(202) 555-0143"). Dates and times have fewer digits or run into a colon.
_PHONE = re.compile(r"(?<![\w+(])(\+?)(\(?\d(?:[ .()-]{0,2}\d){7,})(?![\w:])")

# Characters that would start a new line, rewrite the terminal or reorder the text of a log line.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED_CONTROLS = {"\r": "\\r", "\n": "\\n", "\t": "\\t"}


def _mask_phone(match: re.Match[str]) -> str:
    plus, number = match.groups()
    digits = re.sub(r"\D", "", number)
    if len(digits) < (8 if plus else 10):
        return match.group()
    return f"[phone ending {digits[-2:]}]"


def mask_phone_numbers(text: str) -> str:
    """+12025550143 → [phone ending 43]: enough to tell two numbers apart, not to call either."""
    return _PHONE.sub(_mask_phone, text)


def redact(text: str, *, account_links: bool = True) -> str:
    """The text without private links' tokens (path and query) and with phone numbers masked.
    account_links=False leaves allauth's own links (sign-up confirmation, password reset) as they are."""
    paths = _PRIVATE_PATHS if account_links else _PRIVATE_PATHS_BUT_ACCOUNTS
    text = paths.sub(rf"\g<1>{REDACTED}", text)
    text = _PRIVATE_QUERY.sub(rf"\g<1>{REDACTED}", text)
    return mask_phone_numbers(text)


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    return _NAMED_CONTROLS.get(character) or (
        f"\\x{ord(character):02x}" if ord(character) < 0x100 else f"\\u{ord(character):04x}"
    )


def escape_controls(text: str) -> str:
    """Line breaks, terminal escapes and direction overrides written as visible escapes (\\r, \\x1b, \\u202e):
    a visitor's path then stays on its own log line and cannot pose as another."""
    return _CONTROL.sub(_escape, text)


def log_safe(text: str) -> str:
    """One logged field: escaped, then redacted."""
    return redact(escape_controls(text))


def mask_email(address: str) -> str:
    """rosa@example.net → r***@example.net."""
    return re.sub(r"([^\s<@])[^\s<@]*@", r"\1***@", address)


class RedactingFilter(logging.Filter):
    """Makes each log record safe before any handler writes it: its message on one line, without tokens or
    phone numbers; a traceback keeps its lines but loses tokens and numbers too."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            # Arguments that do not fit the message: write both, made safe, rather than fail the caller.
            message = f"{record.msg} {record.args!r}"
        record.msg, record.args = log_safe(str(message)), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
