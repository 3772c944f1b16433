"""Prints the SMS segment table of docs/translating.md: what each text of the text line costs in every interface
language (tests/phone/test_segment_table.py keeps the document equal to this output).

Text messages cost money per segment: 160 characters in GSM-7 (Latin letters without most accents), 70 in UCS-2
(any other script). The area menu is left out: it lists the network's own area names."""

from django.conf import settings
from django.core.management.base import BaseCommand

from aidhub.messaging.segments import count_segments
from aidhub.phone import conversation, replies

STEPS = [
    (conversation.LANGUAGE, "language menu"),
    (conversation.CATEGORY, "kind of help"),
    (conversation.NAME, "first name"),
    (conversation.TIMES, "best times"),
    (conversation.CONTACT, "how to reach"),
    (conversation.URGENCY, "urgency"),
    (conversation.DELETE, "delete?"),
]
# Example values as long as real ones: a reference code and a status link.
URL = "https://aidhub.example.org/es/help/status/?k=" + "x" * 32
ANSWERS = [("help", {}, "HELP"), ("sent", {"code": "K7P-4QX", "url": URL}, "request sent")]


def segment_table() -> str:
    header = ["language", "code", "encoding", *(label for _step, label in STEPS), *(label for *_, label in ANSWERS)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * 3 + "---:|" * (len(header) - 3)]
    names = dict(settings.LANGUAGES)
    for code, _name in settings.LANGUAGES:
        cells = []
        for step, _label in STEPS:
            state = conversation.new_state(language=code, channel=replies.SMS)
            state["step"] = step
            cells.append(count_segments(conversation.question(state)).segments)
        state = {"language": code, "channel": replies.SMS}
        for what, values, _label in ANSWERS:
            cells.append(count_segments(replies.keyword_text(what, state, **values)).segments)
        category = conversation.new_state(language=code, channel=replies.SMS)
        category["step"] = conversation.CATEGORY
        encoding = count_segments(conversation.question(category)).encoding
        lines.append(f"| {names[code]} | `{code}` | {encoding} | " + " | ".join(map(str, cells)) + " |")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Prints the SMS segment table per interface language (docs/translating.md)."

    def handle(self, *args, **options):
        self.stdout.write(segment_table())
