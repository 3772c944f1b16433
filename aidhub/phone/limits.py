"""How much the text line takes from one number, and from everyone together, so that a flood of messages costs
neither replies nor rows. One rule, counted in fixed windows of the shared cache as the public forms' limits are
(aidhub.lib.counters.count_in_window), under the sender's keyed hash, never the number:

- at most PHONE_MESSAGES_PER_HOUR messages an hour from one number (keywords are not counted: they always work);
- at most PHONE_CONVERSATIONS_PER_DAY new conversations a day from one number;
- at most PHONE_CONVERSATIONS_PER_HOUR new conversations an hour from all numbers together.

Over a limit, the number is told once per window (`first_notice`), then nothing is answered until it ends."""

import time

from django.conf import settings
from django.core.cache import cache

from aidhub.lib.counters import count_in_window

HOUR = 3600
DAY = 24 * HOUR
MESSAGES = "messages"
CONVERSATIONS = "conversations"
NETWORK = "network"


def _window(period: int) -> int:
    return int(time.time() // period)


def _over(scope: str, who: str, limit: int, period: int) -> bool:
    return count_in_window(f"phone:limit:{scope}:{who}:{_window(period)}", period) > limit


def message_limit_reached(*, sender_hash: str) -> str | None:
    """Counts one message from the number; the limit it is over, or None."""
    return MESSAGES if _over(MESSAGES, sender_hash, settings.PHONE_MESSAGES_PER_HOUR, HOUR) else None


def conversation_limit_reached(*, sender_hash: str) -> str | None:
    """Counts one new conversation from the number, and for the network when the number is within its own limit
    (a number over its limit does not use up everyone's); the limit it is over, or None."""
    if _over(CONVERSATIONS, sender_hash, settings.PHONE_CONVERSATIONS_PER_DAY, DAY):
        return CONVERSATIONS
    if _over(NETWORK, "all", settings.PHONE_CONVERSATIONS_PER_HOUR, HOUR):
        return NETWORK
    return None


def first_notice(*, sender_hash: str, limit: str) -> bool:
    """True the first time in the limit's window that this number is over it: it is told once, then not again."""
    period = DAY if limit == CONVERSATIONS else HOUR
    return cache.add(f"phone:limit:told:{limit}:{sender_hash}:{_window(period)}", 1, timeout=period)
