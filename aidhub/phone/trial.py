""" "Try the phone line": the conversation kept in the organizer's own session (nothing else is written)."""

from typing import Any

from django.contrib.sessions.backends.base import SessionBase

from aidhub.messaging.segments import count_segments
from aidhub.phone.services.texts import phone_trial_reply

SESSION_KEY = "phone_trial"
# The page shows the last messages only.
KEPT = 40


def trial_transcript(session: SessionBase) -> list[dict[str, Any]]:
    trial: dict[str, Any] = session.get(SESSION_KEY) or {}
    transcript: list[dict[str, Any]] = trial.get("transcript", [])
    return transcript


def trial_send(*, session: SessionBase, message: str) -> None:
    """The organizer's message and the line's reply, measured in SMS segments as it would go out."""
    trial: dict[str, Any] = session.get(SESSION_KEY) or {"state": None, "transcript": []}
    state, reply = phone_trial_reply(state=trial["state"], body=message)
    transcript = [*trial["transcript"], {"from": "you", "text": message}]
    if reply:
        count = count_segments(reply)
        transcript.append({"from": "line", "text": reply, "segments": count.segments, "encoding": count.encoding})
    session[SESSION_KEY] = {"state": state, "transcript": transcript[-KEPT:]}


def trial_reset(*, session: SessionBase) -> None:
    session.pop(SESSION_KEY, None)
