"""The conversation by text message, one short question a message, asking what the web help form asks.

Pure steps over a plain `state` dict (what is kept, encrypted, between messages): `begin` answers a first message,
`advance` answers each next one. Nothing here writes: aidhub.phone.services.texts keeps the state and makes the request
for the webhook, and the organizers' "Try the phone line" page runs the same steps on a state kept in its session.

In every menu, "0" goes back and "9" asks the question again, so options are numbered 1–8, then 10, 11…
The first menu, of languages, has nothing to go back to: there "0" shows the next languages (thirty do not fit
one text message), most spoken first, the guessed language and its neighbours leading (aidhub.phone.language).
"""

import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from aidhub.core.availability import ALL, PARTS_PLURAL, bit
from aidhub.core.models import Area, Category, Language
from aidhub.lib.languages import spoken_code
from aidhub.messaging.segments import count_segments
from aidhub.needs.models import HelpRequest
from aidhub.needs.services import RequestDetails
from aidhub.phone.language import guess_language, menu_languages
from aidhub.phone.replies import keyword_text, sendable

BACK = "0"
REPEAT = "9"
LANGUAGE, CATEGORY, AREA, NAME, TIMES, CONTACT, URGENCY, CONFIRM = (
    "language",
    "category",
    "area",
    "name",
    "times",
    "contact",
    "urgency",
    "confirm",
)
STEPS = [LANGUAGE, CATEGORY, AREA, NAME, TIMES, CONTACT, URGENCY, CONFIRM]
# Not a question of the form: the family said DELETE and is asked to confirm.
DELETE = "delete"

# Each language named in itself, as short as it stays clear (the others as settings.LANGUAGES names them).
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Español",
    "zh-hans": "简体中文",
    "zh-hant": "繁體中文",
    "vi": "Tiếng Việt",
    "tl": "Tagalog",
    "ar": "العربية",
    "fa": "فارسی",
    "ht": "Kreyòl",
    "fr": "Français",
    "pt-br": "Português",
    "ru": "Русский",
    "ko": "한국어",
    "rw": "Kinyarwanda",
}
NAME_MAX = 60
# A page of the language menu: at most eight (keys 1–8), within the menus' budget of segments.
LANGUAGES_PER_PAGE = 8
# The most a menu of areas may cost: one segment in GSM-7, two in UCS-2 (the rest are found by name).
MENU_SEGMENTS = {"GSM-7": 1, "UCS-2": 2}

CONTACT_OPTIONS = [HelpRequest.ContactMethod.TEXT, HelpRequest.ContactMethod.CALL, HelpRequest.ContactMethod.WHATSAPP]
URGENCY_OPTIONS = [HelpRequest.Urgency.TODAY, HelpRequest.Urgency.WEEK, HelpRequest.Urgency.FLEXIBLE]
CATEGORY_OPTIONS = [value for value, _label in Category.choices]
# Ten kinds of help must fit one text message: each in a word or two (the summary and the web use the full labels).
SHORT_CATEGORY_LABELS = {
    "food": pgettext_lazy("kind of help, short, in a text message", "Food"),
    "childcare": pgettext_lazy("kind of help, short, in a text message", "Childcare"),
    "interpreting": pgettext_lazy("kind of help, short, in a text message", "Interpreter"),
    "legal": pgettext_lazy("kind of help, short, in a text message", "Legal"),
    "rides": pgettext_lazy("kind of help, short, in a text message", "Rides"),
    "emotional": pgettext_lazy("kind of help, short, in a text message: emotional support", "Support"),
    "tutoring_art": pgettext_lazy("kind of help, short, in a text message", "Tutoring"),
    "supplies": pgettext_lazy("kind of help, short, in a text message", "Supplies"),
    "housing": pgettext_lazy("kind of help, short, in a text message", "Housing"),
    "other": pgettext_lazy("kind of help, short, in a text message", "Other"),
}


@dataclass
class Turn:
    """The answer to one message: the state to keep (None: the conversation is over), the reply, and when the family
    confirmed, what its request says."""

    state: dict[str, Any] | None
    reply: str
    details: RequestDetails | None = None
    # The family confirmed DELETE: everything about its number goes.
    erase: bool = False


def option_numbers(count: int) -> list[str]:
    """1–8, then 10, 11…: 0 and 9 alone are kept for "back" and "again"."""
    return [str(n) for n in range(1, count + 2) if n != 9][:count]


def menu(labels: list[str]) -> str:
    return "\n".join(f"{number} {label}" for number, label in zip(option_numbers(len(labels)), labels, strict=True))


def picked(body: str, count: int) -> int | None:
    """The index of the option a reply names by its number, or None."""
    text = _digits_only(body)
    numbers = option_numbers(count)
    return numbers.index(text) if text in numbers else None


def _digits_only(body: str) -> str:
    # Phones may send full-width or Arabic-Indic digits: int() reads them all.
    text = "".join(ch for ch in body.strip() if not ch.isspace())
    if text and all(ch.isdecimal() for ch in text):
        return "".join(str(int(ch)) for ch in text)
    return text


def new_state(*, language: str, channel: str) -> dict[str, Any]:
    return {
        "step": LANGUAGE,
        "language": language,
        "languages": menu_languages(language),
        "language_page": 0,
        "channel": channel,
        "answers": {},
        "submission_id": secrets.token_urlsafe(18),
    }


def begin(body: str, *, channel: str) -> Turn:
    """A first message that is not a keyword: guess its language and ask to confirm it."""
    state = new_state(language=guess_language(body) or settings.LANGUAGE_CODE, channel=channel)
    return Turn(state, question(state))


def ask_to_delete(state: dict[str, Any] | None, *, language: str, channel: str) -> Turn:
    """DELETE: ask to confirm. Saying anything but 1 keeps everything and goes back to where the family was."""
    if state is None:
        state = new_state(language=language, channel=channel)
        state["resume"] = None
    elif state["step"] != DELETE:
        state["resume"] = state["step"]
    state["step"] = DELETE
    return Turn(state, question(state))


def question(state: dict[str, Any], *, again: bool = False) -> str:
    """The question of the current step, in the conversation's language. `again`: after an answer it could not
    read, with an example instead of the question's sentence."""
    step = state["step"]
    with translation.override(state["language"]):
        if step == LANGUAGE:
            # The menu names languages in their own scripts, so it is UCS-2 whatever the language: its list is
            # its own example, and a longer sentence would make it cost a third segment.
            head = _("Your language?")
            body = _language_menu(state, head)
        elif step == CATEGORY:
            head = _("Please reply with a number, e.g. 1.") if again else _("What do you need?")
            body = menu([str(SHORT_CATEGORY_LABELS[value]) for value in CATEGORY_OPTIONS])
        elif step == AREA:
            head = (
                _("We did not find that area. Reply with a number, e.g. 1, or write its name.")
                if again
                else _("Your area? Reply with a number or write its name:")
            )
            body = _area_menu(state, head)
        elif step == NAME:
            head = _("Please write a first name or a nickname, e.g. Maria.") if again else ""
            body = _("Your first name or a nickname? No surname.")
        elif step == TIMES:
            head = _("Reply with one or more numbers, e.g. 1 or 1 3.") if again else _("Best times to reach you?")
            body = menu([capfirst(str(label)) for label in PARTS_PLURAL] + [capfirst(_("any time"))])
        elif step == CONTACT:
            head = _("Please reply with a number, e.g. 1.") if again else _("How should we reach you at this number?")
            body = menu([str(HelpRequest.ContactMethod(value).label) for value in CONTACT_OPTIONS])
        elif step == URGENCY:
            head = _("Please reply with a number, e.g. 1.") if again else _("How urgent is it?")
            body = menu([str(HelpRequest.Urgency(value).label) for value in URGENCY_OPTIONS])
        elif step == DELETE:
            head = ""
            body = _("Delete your requests and all we keep about this number?\n1 Yes, delete\n0 No")
        else:
            head = _("Please check:")
            body = _("%(summary)s\n1 Send\n0 Back") % {"summary": summary(state)}
        return sendable("\n".join(part for part in (head, body) if part), state)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code) or dict(settings.LANGUAGES).get(code, code)


def language_pages(state: dict[str, Any], head: str) -> list[list[str]]:
    """The languages of the menu in pages: as many as fit the budget with the question and "0 more", at most
    eight (keys 1–8)."""
    more = _more_line()
    pages: list[list[str]] = [[]]
    for code in state["languages"]:
        candidate = [*pages[-1], code]
        text = "\n".join([head, menu([language_name(c) for c in candidate]), more])
        count = count_segments(text)
        if pages[-1] and (len(candidate) > LANGUAGES_PER_PAGE or count.segments > MENU_SEGMENTS[count.encoding]):
            pages.append([code])
        else:
            pages[-1] = candidate
    return pages


def _more_line() -> str:
    """The last line of each page of languages: the key of the next ones."""
    more = pgettext("text message menu: the next languages", "more")
    return f"{BACK} {more}"


def _language_page(state: dict[str, Any]) -> list[str]:
    with translation.override(state["language"]):
        pages = language_pages(state, _("Your language?"))
    return pages[state.get("language_page", 0) % len(pages)]


def _language_menu(state: dict[str, Any], head: str) -> str:
    pages = language_pages(state, head)
    shown = pages[state.get("language_page", 0) % len(pages)]
    more = _more_line()
    return "\n".join([menu([language_name(code) for code in shown]), *([more] if len(pages) > 1 else [])])


def _area_menu(state: dict[str, Any], head: str) -> str:
    """As many of the network's areas as fit the menu's budget, by name; their ids are kept in the state so that
    a number means what was shown. Other areas are found by name."""
    areas = list(Area.objects.active().order_by("name").values_list("pk", "name")[:30])
    shown: list[tuple[int, str]] = []
    for area in areas:
        candidate = [*shown, area]
        text = sendable(f"{head}\n{menu([name for _pk, name in candidate])}", state)
        count = count_segments(text)
        if count.segments > MENU_SEGMENTS[count.encoding]:
            break
        shown = candidate
    state["areas"] = [pk for pk, _name in shown]
    return menu([name for _pk, name in shown])


def summary(state: dict[str, Any]) -> str:
    answers = state["answers"]
    area = Area.objects.filter(pk=answers.get("area")).values_list("name", flat=True).first() or ""
    parts = [
        str(Category(answers["category"]).label),
        area,
        answers["first_name"],
        capfirst(_times_text(answers["best_times"])),
        str(HelpRequest.ContactMethod(answers["contact_method"]).label),
        str(HelpRequest.Urgency(answers["urgency"]).label),
    ]
    # One answer a line: no comma to translate, and a line break costs what a space does.
    return "\n".join(parts)


def _times_text(mask: int) -> str:
    if mask == ALL:
        return _("any time")
    return "/".join(str(label) for part, label in enumerate(PARTS_PLURAL) if mask & bit(0, part))


def advance(state: dict[str, Any], body: str) -> Turn:
    """The answer to the current question: the next question, the same one again, or (confirmed) the request."""
    step = state["step"]
    text = _digits_only(body)
    if step == DELETE:
        return _answer_delete(state, text)
    if text == REPEAT:
        return Turn(state, question(state))
    if text == BACK:
        if step == LANGUAGE:
            # Nothing to go back to: the next languages (after the last page, the first again).
            state["language_page"] = state.get("language_page", 0) + 1
        else:
            state["step"] = STEPS[STEPS.index(step) - 1]
        return Turn(state, question(state))
    if step == CONFIRM:
        if text == "1":
            made = details(state)
            if made is not None:
                return Turn(state, "", made)
            # The area was closed meanwhile: ask it again.
            state["step"] = AREA
            return Turn(state, question(state, again=True))
        return Turn(state, question(state, again=True))
    value = _read(step, body, state)
    if value is None:
        return Turn(state, question(state, again=True))
    if step == LANGUAGE:
        state["language"] = value
    else:
        state["answers"][_ANSWER_OF[step]] = value
    state["step"] = STEPS[STEPS.index(step) + 1]
    return Turn(state, question(state))


def _answer_delete(state: dict[str, Any], text: str) -> Turn:
    if text == "1":
        return Turn(None, keyword_text("deleted", state), erase=True)
    kept = keyword_text("kept", state)
    resume = state.pop("resume", None)
    if resume is None:
        return Turn(None, kept)
    state["step"] = resume
    return Turn(state, f"{kept}\n{question(state)}")


_ANSWER_OF = {
    CATEGORY: "category",
    AREA: "area",
    NAME: "first_name",
    TIMES: "best_times",
    CONTACT: "contact_method",
    URGENCY: "urgency",
}


def _read(step: str, body: str, state: dict[str, Any]) -> Any:
    """What the reply says for this step, or None when it cannot be read."""
    if step == LANGUAGE:
        shown = _language_page(state)
        index = picked(body, len(shown))
        return None if index is None else shown[index]
    if step == CATEGORY:
        index = picked(body, len(CATEGORY_OPTIONS))
        return None if index is None else CATEGORY_OPTIONS[index]
    if step == AREA:
        return _read_area(body, state)
    if step == NAME:
        return _read_name(body)
    if step == TIMES:
        return _read_times(body)
    if step == CONTACT:
        index = picked(body, len(CONTACT_OPTIONS))
        return None if index is None else str(CONTACT_OPTIONS[index])
    index = picked(body, len(URGENCY_OPTIONS))
    return None if index is None else str(URGENCY_OPTIONS[index])


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _read_area(body: str, state: dict[str, Any]) -> int | None:
    shown = state.get("areas") or []
    index = picked(body, len(shown))
    if index is not None:
        return int(shown[index])
    wanted = _plain(body)
    if len(wanted) < 3 or len(wanted) > 100:
        return None
    areas = list(Area.objects.active().values_list("pk", "name"))
    exact = [pk for pk, name in areas if _plain(name) == wanted]
    if len(exact) == 1:
        return int(exact[0])
    close = [pk for pk, name in areas if _plain(name).startswith(wanted) or wanted in _plain(name)]
    return int(close[0]) if len(close) == 1 else None


def _read_name(body: str) -> str | None:
    """A first name or nickname: some letters, not too long. A number, an emoji or a paragraph is asked again."""
    name = " ".join(body.split())
    if not name or len(name) > NAME_MAX or not any(unicodedata.category(ch).startswith("L") for ch in name):
        return None
    return name


def _read_times(body: str) -> int | None:
    digits = [ch for ch in _digits_only(body) if not ch.isspace() and ch not in ",;.-/"]
    if not digits or any(ch not in "1234" for ch in digits):
        return None
    if "4" in digits:
        return ALL
    mask = 0
    for day in range(7):
        for ch in set(digits):
            mask |= bit(day, int(ch) - 1)
    return mask


def details(state: dict[str, Any]) -> RequestDetails | None:
    """What the family told, as aidhub.needs.services takes it (as the web form gives it)."""
    answers = state["answers"]
    area = Area.objects.active().filter(pk=answers["area"]).first()
    language = Language.objects.filter(code=spoken_code(state["language"])).first()
    if area is None or language is None:
        return None
    return RequestDetails(
        category=answers["category"],
        language=language,
        area=area,
        first_name=answers["first_name"],
        contact_method=answers["contact_method"],
        best_times=answers["best_times"],
        urgency=answers["urgency"],
        description="",
        partner_organization=None,
    )
