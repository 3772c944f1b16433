"""How many SMS segments a text costs: GSM-7 when every character is in the GSM alphabet, otherwise UCS-2.

The same rules run in the browser (static/js/sms-counter.js) while an organizer types.
"""

import unicodedata
from dataclasses import dataclass

# GSM 03.38 basic alphabet (one septet each) and its extension table (escape + character: two septets each).
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = set("^{}\\[~]|€\f")

GSM7 = "GSM-7"
UCS2 = "UCS-2"
# (units in a single message, units per part of a longer one: 7 bytes of each part carry the joining header)
LIMITS = {GSM7: (160, 153), UCS2: (70, 67)}


@dataclass(frozen=True)
class SegmentCount:
    encoding: str
    units: int
    segments: int
    per_segment: int

    @property
    def remaining(self) -> int:
        """Units left before the text needs another segment."""
        return self.segments * self.per_segment - self.units


def count_segments(text: str) -> SegmentCount:
    text = text.replace("\r\n", "\n")
    if all(ch in GSM7_BASIC or ch in GSM7_EXTENDED for ch in text):
        encoding = GSM7
        units = sum(2 if ch in GSM7_EXTENDED else 1 for ch in text)
    else:
        encoding = UCS2
        # UCS-2 counts UTF-16 code units: an emoji takes two.
        units = len(text.encode("utf-16-le")) // 2
    single, multi = LIMITS[encoding]
    if units <= single:
        return SegmentCount(encoding, units, 1 if units else 0, single)
    return SegmentCount(encoding, units, -(-units // multi), multi)


# Quotes and dashes that phones type in place of GSM-7 ones.
_GSM7_LOOKALIKES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "·": "-"})


def fold_to_gsm7(text: str) -> str:
    """The text with accents GSM-7 lacks taken off (á → a, ç → c, ê → e) and typographic punctuation made plain,
    so that a Spanish or French text costs GSM-7 segments. Letters GSM-7 has (é, ñ, ü…) stay; a character with no
    plain form (Arabic, Chinese, an emoji) is left as it is, and the text stays UCS-2."""
    folded = []
    for ch in text.translate(_GSM7_LOOKALIKES):
        if ch in GSM7_BASIC or ch in GSM7_EXTENDED:
            folded.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        folded.append(base if base and all(c in GSM7_BASIC for c in base) else ch)
    return "".join(folded)
