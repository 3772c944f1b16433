"""The words people text to the network's number to steer it, one list for the whole number.

Each keyword has its words in English (carriers' standard words first) and in every interface language. A message
is a keyword only when it is the word alone: "ayuda" is HELP, "necesito ayuda" starts a conversation. Words are
compared without case, accents or surrounding punctuation (`normalise_reply`).

CANCEL is a carrier stop word: whatever we answer, carriers and Twilio stop texts to a number that sent it. So
CANCEL withdraws the family's open request *and* stops texts (alerts too), the way STOP does; see
docs/operations.md. `is_stop_word` is true for the words of both.
"""

import unicodedata
from collections.abc import Iterable

STOP = "stop"
START = "start"
HELP = "help"
STATUS = "status"
CANCEL = "cancel"
DELETE = "delete"

# keyword → interface language → its words; the first word of each language is the one we tell people to send.
KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    STOP: {
        "en": ("STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "OPTOUT", "REVOKE"),
        "es": ("PARA", "PARAR", "ALTO", "BAJA"),
        "zh-hans": ("停止", "退订"),
        "vi": ("DỪNG",),
        "tl": ("HINTO", "ITIGIL"),
        "ar": ("توقف",),
        "fa": ("توقف",),
        "ht": ("KANPE",),
        "fr": ("ARRÊT", "ARRETER"),
        "pt-br": ("PARAR", "PARA"),
        "ru": ("СТОП", "ОТПИСАТЬСЯ"),
        "ko": ("중지",),
        "bn": ("বন্ধ",),
        "my": ("ရပ်",),
        "zh-hant": ("停止", "退訂"),
        "ckb": ("وەستان",),
        "tr": ("DUR", "DURDUR"),
        "uk": ("СТОП", "ВІДПИСАТИСЯ"),
        "so": ("JOOJI",),
        "sw": ("ACHA", "SIMAMISHA", "SIMAMA"),
        "rw": ("HAGARIKA",),
        "fa-af": ("توقف",),
        "ps": ("ودروه", "بس"),
        "ur": ("بند", "روکیں"),
        "am": ("አቁም",),
        "ti": ("ኣቋርጽ",),
        "hi": ("रोकें", "बंद"),
        "pa": ("ਰੋਕੋ", "ਬੰਦ"),
        "ne": ("रोक्नुहोस्", "बन्द"),
        "hmn": ("NRES",),
    },
    CANCEL: {
        "en": ("CANCEL",),
        "es": ("CANCELAR",),
        "zh-hans": ("取消",),
        "vi": ("HỦY",),
        "tl": ("KANSELAHIN",),
        "ar": ("إلغاء", "الغاء"),
        "fa": ("لغو",),
        "ht": ("ANILE",),
        "fr": ("ANNULER",),
        "pt-br": ("CANCELAR",),
        "ru": ("ОТМЕНА",),
        "ko": ("취소",),
        "bn": ("বাতিল",),
        "my": ("ပယ်ဖျက်",),
        "zh-hant": ("取消",),
        "ckb": ("هەڵوەشاندنەوە",),
        "tr": ("İPTAL",),
        "uk": ("СКАСУВАТИ",),
        "so": ("BAJI", "BAAJI"),
        "sw": ("GHAIRI",),
        "rw": ("VANAHO", "KUREKA"),
        "fa-af": ("لغو",),
        "ps": ("لغوه",),
        "ur": ("منسوخ",),
        "am": ("ሰርዝ",),
        "ti": ("ሰርዝ",),
        "hi": ("रद्द",),
        "pa": ("ਰੱਦ",),
        "ne": ("रद्द",),
        "hmn": ("TSO TSEG",),
    },
    START: {
        "en": ("START", "UNSTOP"),
        "es": ("INICIAR", "COMENZAR"),
        "zh-hans": ("开始",),
        "vi": ("BẮT ĐẦU",),
        "tl": ("SIMULA",),
        "ar": ("ابدأ",),
        "fa": ("شروع",),
        "ht": ("KÒMANSE",),
        "fr": ("COMMENCER",),
        "pt-br": ("INICIAR", "COMECAR"),
        "ru": ("СТАРТ",),
        "ko": ("시작",),
        "bn": ("শুরু",),
        "my": ("စတင်",),
        "zh-hant": ("開始",),
        "ckb": ("دەستپێکردن",),
        "tr": ("BAŞLA",),
        "uk": ("СТАРТ", "ПОЧАТИ"),
        "so": ("BILOW",),
        "sw": ("ANZA",),
        "rw": ("TANGIRA",),
        "fa-af": ("شروع",),
        "ps": ("پیل",),
        "ur": ("شروع",),
        "am": ("ጀምር",),
        "ti": ("ጀምር",),
        "hi": ("शुरू",),
        "pa": ("ਸ਼ੁਰੂ",),
        "ne": ("सुरु",),
        "hmn": ("PIB",),
    },
    HELP: {
        "en": ("HELP", "INFO"),
        "es": ("AYUDA",),
        "zh-hans": ("帮助",),
        "vi": ("GIÚP",),
        "tl": ("TULONG",),
        "ar": ("مساعدة",),
        "fa": ("راهنما",),
        "ht": ("ÈD",),
        "fr": ("AIDE",),
        "pt-br": ("AJUDA",),
        "ru": ("ПОМОЩЬ",),
        "ko": ("도움말",),
        "bn": ("সাহায্য",),
        "my": ("အကူအညီ",),
        "zh-hant": ("幫助",),
        "ckb": ("یارمەتی",),
        "tr": ("YARDIM",),
        "uk": ("ДОПОМОГА",),
        "so": ("CAAWIMO",),
        "sw": ("MSAADA",),
        "rw": ("UBUFASHA",),
        "fa-af": ("راهنما",),
        "ps": ("مرسته",),
        "ur": ("مدد",),
        "am": ("እርዳታ",),
        "ti": ("ሓገዝ",),
        "hi": ("मदद",),
        "pa": ("ਮਦਦ",),
        "ne": ("मद्दत",),
        "hmn": ("PAB",),
    },
    STATUS: {
        "en": ("STATUS",),
        "es": ("ESTADO",),
        "zh-hans": ("状态",),
        "vi": ("TÌNH TRẠNG",),
        "tl": ("KALAGAYAN",),
        "ar": ("الحالة",),
        "fa": ("وضعیت",),
        "ht": ("ESTATI",),
        "fr": ("STATUT",),
        "pt-br": ("SITUAÇÃO",),
        "ru": ("СТАТУС",),
        "ko": ("상태",),
        "bn": ("অবস্থা",),
        "my": ("အခြေအနေ",),
        "zh-hant": ("狀態",),
        "ckb": ("دۆخ",),
        "tr": ("DURUM",),
        "uk": ("СТАТУС",),
        "so": ("XAALAD",),
        "sw": ("HALI",),
        "rw": ("AMAKURU", "IMIMERERE"),
        "fa-af": ("وضعیت",),
        "ps": ("حالت",),
        "ur": ("حالت",),
        "am": ("ሁኔታ",),
        "ti": ("ኩነታት",),
        "hi": ("स्थिति",),
        "pa": ("ਸਥਿਤੀ",),
        "ne": ("स्थिति",),
        "hmn": ("XWM TXHEEJ",),
    },
    DELETE: {
        "en": ("DELETE",),
        "es": ("BORRAR",),
        "zh-hans": ("删除",),
        "vi": ("XÓA",),
        "tl": ("BURAHIN",),
        "ar": ("حذف",),
        "fa": ("پاک",),
        "ht": ("EFASE",),
        "fr": ("SUPPRIMER",),
        "pt-br": ("APAGAR",),
        "ru": ("УДАЛИТЬ",),
        "ko": ("삭제",),
        "bn": ("মুছুন",),
        "my": ("ဖျက်",),
        "zh-hant": ("刪除",),
        "ckb": ("سڕینەوە",),
        "tr": ("SİL",),
        "uk": ("ВИДАЛИТИ",),
        "so": ("TIRTIR",),
        "sw": ("FUTA",),
        "rw": ("SIBA",),
        "fa-af": ("پاک",),
        "ps": ("حذف",),
        "ur": ("حذف",),
        "am": ("አጥፋ",),
        "ti": ("ደምስስ",),
        "hi": ("हटाएं",),
        "pa": ("ਮਿਟਾਓ",),
        "ne": ("मेटाउनुहोस्",),
        "hmn": ("RHO",),
    },
}


def normalise_reply(body: str) -> str:
    """Upper case, accents removed, surrounding spaces and punctuation dropped: "  Arrêt! " → "ARRET"."""
    text = unicodedata.normalize("NFKD", body.strip())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # Vietnamese Đ has no combining form.
    text = text.replace("đ", "d").replace("Đ", "D")
    return text.strip(" .!¡?¿,;:'\"«»()").upper()


def _normalised(words: Iterable[str]) -> set[str]:
    return {normalise_reply(word) for word in words}


# Checked in this order: a word that is both a stop word and another keyword somewhere ("PARA") stops.
_ORDER = (STOP, CANCEL, START, HELP, STATUS, DELETE)
NORMALISED_KEYWORDS = {kind: _normalised(w for words in KEYWORDS[kind].values() for w in words) for kind in _ORDER}

# Twilio answers these itself (and stops texts to the number): a reply of ours would not be delivered.
CARRIER_STOP_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"}

# Words that stop texts: the carriers' and ours, CANCEL's included.
STOP_WORDS = {word for kind in (STOP, CANCEL) for words in KEYWORDS[kind].values() for word in words}
NORMALISED_STOP_WORDS = _normalised(STOP_WORDS)


def keyword_of(body: str) -> str | None:
    """Which keyword a message is (STOP, CANCEL, …), or None when it is anything else."""
    text = normalise_reply(body)
    if not text:
        return None
    return next((kind for kind in _ORDER if text in NORMALISED_KEYWORDS[kind]), None)


def keyword_word(kind: str, language: str) -> str:
    """The word we tell people to send for a keyword, in their language."""
    words = KEYWORDS[kind]
    return (words.get(language) or words["en"])[0]


def is_stop_word(body: str) -> bool:
    return normalise_reply(body) in NORMALISED_STOP_WORDS
