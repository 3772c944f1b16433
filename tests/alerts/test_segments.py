"""Characters and segments of a text message: GSM-7 when every character allows it, UCS-2 otherwise."""

import pytest

from aidhub.messaging.segments import GSM7, UCS2, count_segments


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", GSM7, 0, 0),
        ("Checkpoint on Main St.", GSM7, 22, 1),
        ("a" * 160, GSM7, 160, 1),
        ("a" * 161, GSM7, 161, 2),
        ("a" * 306, GSM7, 306, 2),
        ("a" * 307, GSM7, 307, 3),
        ("Reten en la calle: niños y señoras", GSM7, 34, 1),  # ñ is in GSM-7
        ("€" * 80, GSM7, 160, 1),  # € is in the extension table: two units each
        ("[" * 81, GSM7, 162, 2),
        ("Retén en la calle", GSM7, 17, 1),  # é is in GSM-7…
        ("mamás", UCS2, 5, 1),  # …but á is not
        ("Atención", UCS2, 8, 1),  # ó is not in GSM-7
        ("ب" * 70, UCS2, 70, 1),
        ("ب" * 71, UCS2, 71, 2),
        ("ب" * 134, UCS2, 134, 2),
        ("ب" * 135, UCS2, 135, 3),
        ("🙂", UCS2, 2, 1),  # an emoji takes two UTF-16 units
        ("line\r\nbreak", GSM7, 10, 1),
    ],
)
def test_count_segments(text, encoding, units, segments):
    count = count_segments(text)
    assert (count.encoding, count.units, count.segments) == (encoding, units, segments)


def test_remaining_units_before_another_segment():
    assert count_segments("a" * 150).remaining == 10
    assert count_segments("a" * 161).remaining == 2 * 153 - 161
