"""What the text line answers besides its questions (keywords, the end of a conversation), in the family's
language, and every reply as it goes out by SMS."""

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from aidhub.messaging.keywords import CANCEL, STATUS, STOP, keyword_word
from aidhub.messaging.keywords import DELETE as DELETE_KEYWORD
from aidhub.messaging.segments import count_segments, fold_to_gsm7

SMS = "sms"
WHATSAPP = "whatsapp"
# Languages whose texts read well without the accents GSM-7 lacks (SMS habit): their replies cost GSM-7 segments.
# Vietnamese needs its marks to be read, and the other scripts are not Latin. Somali, Swahili, Kinyarwanda and Hmong are
# written without accents.
FOLDED_LANGUAGES = {"en", "es", "tl", "ht", "fr", "pt-br", "so", "sw", "rw", "hmn"}


def sendable(text: str, state: dict[str, Any]) -> str:
    """The reply as it goes out: by SMS in a language that allows it, without the accents GSM-7 lacks."""
    if state.get("channel", SMS) == SMS and state.get("language") in FOLDED_LANGUAGES:
        folded = fold_to_gsm7(text)
        # Only worth it when the whole text becomes GSM-7 (a menu naming languages in their scripts does not).
        if count_segments(folded).encoding == "GSM-7":
            return folded
    return text


def keyword_text(what: str, state: dict[str, Any], **values: str) -> str:
    """The answer to a keyword, in the conversation's language (`values` fill its blanks)."""
    with translation.override(state["language"]):
        texts = {
            "deleted": lambda: _("Everything about this number is deleted."),
            "kept": lambda: _("Nothing was deleted."),
            "expired": lambda: _(
                "Your conversation was deleted after a day without an answer. Send any message to start again."
            ),
            "help": lambda: _(
                "%(network)s: ask for help by text. Send any message to start. %(status)s: your request. "
                "%(cancel)s: withdraw it. %(delete)s: delete your data. %(stop)s: no more texts. "
                "Msg & data rates may apply."
            ),
            "status": lambda: _("Request %(code)s: %(status)s. %(url)s"),
            "no_request": lambda: _("We have no request from this number. Send any message to ask for help."),
            "withdrawn": lambda: _("Request %(code)s is withdrawn. You will get no more texts from us."),
            "stopped": lambda: _("This conversation is ended and nothing of it is kept. Text alerts are stopped too."),
            "started": lambda: _("You can get our texts again. Send any message to ask for help."),
            "sent": lambda: _("Thank you! Your request is sent. Code: %(code)s. Follow it here: %(url)s"),
            "busy": lambda: _(
                "Sorry, we cannot answer more messages now. Please try again later, or call this number."
            ),
            "trial_sent": lambda: _(
                "Trial: nothing was created. A family would now get its reference code and a link to follow "
                "its request."
            ),
        }
        text = texts[what]()
        if what == "trial_sent":
            # Shown on the trial page, never texted.
            return text
        if what == "help":
            values = {"network": settings.NETWORK_NAME, **_keyword_words(state["language"]), **values}
        if values:
            text = text % values
        return sendable(text, state)


def _keyword_words(language: str) -> dict[str, str]:
    return {kind: keyword_word(kind, language) for kind in (STATUS, CANCEL, DELETE_KEYWORD, STOP)}
