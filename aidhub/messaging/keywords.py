"""Words people reply to a text message to stop getting them, in the interface languages and beyond."""

import unicodedata
from collections.abc import Iterable

# Carriers' standard English words, then Spanish, French, Haitian Creole, Portuguese, Arabic, Persian,
# Chinese, Vietnamese, Tagalog, Russian and Korean. Compared without case, accents or punctuation.
STOP_WORDS = {
    "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE",
    "PARA", "PARAR", "ALTO", "BAJA", "CANCELAR",
    "ARRET", "ARRETER",
    "KANPE",
    "توقف", "الغاء", "إلغاء", "لغو",
    "停止", "取消", "退订",
    "DUNG", "HUY",
    "HINTO", "ITIGIL",
    "СТОП", "ОТПИСАТЬСЯ",
    "중지", "취소",
}  # fmt: skip


def normalise_reply(body: str) -> str:
    """Upper case, accents removed, surrounding spaces and punctuation dropped: "  Arrêt! " → "ARRET"."""
    text = unicodedata.normalize("NFKD", body.strip())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # Vietnamese Đ has no combining form.
    text = text.replace("đ", "d").replace("Đ", "D")
    return text.strip(" .!¡?¿,;:'\"«»()").upper()


def _normalised(words: Iterable[str]) -> set[str]:
    return {normalise_reply(word) for word in words}


NORMALISED_STOP_WORDS = _normalised(STOP_WORDS)


def is_stop_word(body: str) -> bool:
    return normalise_reply(body) in NORMALISED_STOP_WORDS
