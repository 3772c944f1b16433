"""Every question and keyword of the text line in every interface language, measured in SMS segments."""

import pytest
from django.conf import settings
from django.utils import translation

from aidhub.messaging.keywords import KEYWORDS, keyword_of
from aidhub.messaging.segments import count_segments
from aidhub.phone import conversation, replies
from aidhub.phone.conversation import AREA, CATEGORY, CONTACT, DELETE, LANGUAGE, NAME, TIMES, URGENCY
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
MENUS = [LANGUAGE, CATEGORY, AREA, NAME, TIMES, CONTACT, URGENCY, DELETE]
# Menus fit one segment where the language is written in GSM-7, two in UCS-2 (70 characters a segment).
LIMIT = {"GSM-7": 1, "UCS-2": 2}


@pytest.fixture
def areas(city):
    for name in ("Eastside", "Westside", "Northgate", "Harbor", "Old Town", "Lakeview Park"):
        AreaFactory(name=name, parent=city)


def _state(code, step):
    state = conversation.new_state(language=code, channel=replies.SMS)
    state["step"] = step
    return state


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_menu_fits_its_segments_and_is_translated(code, areas):
    for step in MENUS:
        for again in (False, True):
            text = conversation.question(_state(code, step), again=again)
            count = count_segments(text)
            assert count.segments <= LIMIT[count.encoding], f"{code} {step} again={again}: {count} {text!r}"
            if code != "en" and step != LANGUAGE:
                english = conversation.question(_state("en", step), again=again)
                assert text != english, f"{step} is not translated into {code}"
    # GSM-7 where the language allows it: Latin-script languages that read well without missing accents.
    category_menu = count_segments(conversation.question(_state(code, CATEGORY)))
    assert category_menu.encoding == ("GSM-7" if code in replies.FOLDED_LANGUAGES else "UCS-2")


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_keyword_answer_is_translated(code):
    for what in ("deleted", "kept", "expired", "help", "no_request", "stopped", "started", "trial_sent"):
        text = replies.keyword_text(what, {"language": code, "channel": replies.SMS})
        if code != "en":
            assert text != replies.keyword_text(what, {"language": "en", "channel": replies.SMS}), what
    help_text = replies.keyword_text("help", {"language": code, "channel": replies.SMS})
    # HELP names the keywords in the language it answers in (what carriers ask of a HELP answer: who we are,
    # how to stop, that rates may apply).
    for kind in ("status", "cancel", "delete", "stop"):
        assert KEYWORDS[kind][code][0] in help_text or replies.fold_to_gsm7(KEYWORDS[kind][code][0]) in help_text


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_keyword_is_understood_in_every_language(code):
    for kind, words in KEYWORDS.items():
        for word in words[code]:
            assert keyword_of(f" {word.lower()}! ") == kind, (code, word)
    with translation.override(code):
        assert keyword_of("I need help with food") is None


@pytest.mark.parametrize("code", LANGUAGES)
def test_answers_that_are_not_menus_stay_short(code):
    """The last reply carries the reference code and a status link, HELP what carriers ask of it: at most two
    GSM-7 segments, three UCS-2 ones (a link alone is some 70 characters, one UCS-2 segment)."""
    url = "https://aidhub.example.org/es/help/status/?k=" + "x" * 32
    state = {"language": code, "channel": replies.SMS}
    for what, values in [
        ("help", {}),
        ("sent", {"code": "K7P-4QX", "url": url}),
        ("status", {"code": "K7P-4QX", "status": "New", "url": url}),
        ("expired", {}),
        ("no_request", {}),
        ("withdrawn", {"code": "K7P-4QX"}),
    ]:
        count = count_segments(replies.keyword_text(what, state, **values))
        assert count.segments <= {"GSM-7": 2, "UCS-2": 3}[count.encoding], (what, count)
