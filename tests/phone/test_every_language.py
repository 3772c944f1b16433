"""Every question and keyword of the text line in every interface language, measured in SMS segments."""

import pytest
from django.conf import settings
from django.utils import translation

from aidhub.messaging.keywords import KEYWORDS, keyword_of
from aidhub.messaging.segments import count_segments
from aidhub.phone import conversation, replies
from aidhub.phone.conversation import AREA, CATEGORY, CONTACT, DELETE, LANGUAGE, NAME, TIMES, URGENCY
from aidhub.phone.language import DETECTED, MENU_ORDER, guess_language
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


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_of_the_language_menu_fits_and_every_language_can_be_chosen(code):
    """Whatever language the first message was guessed in, "0" pages through all thirty languages, each page
    within the menus' budget with keys 1–8 only, and each language is chosen by its key on its page."""
    state = conversation.new_state(language=code, channel=replies.SMS)
    seen = []
    for _page in range(len(LANGUAGES)):
        text = conversation.question(state)
        count = count_segments(text)
        assert count.segments <= LIMIT[count.encoding], f"{code} page {state['language_page']}: {count} {text!r}"
        lines = text.splitlines()
        assert lines[-1].startswith("0 ") and all(line.split(" ", 1)[0] in "12345678" for line in lines[1:-1])
        shown = conversation._language_page(state)
        assert [line.split(" ", 1)[1] for line in lines[1:-1]] == [conversation.language_name(c) for c in shown]
        if shown[0] in seen:
            break
        seen.extend(shown)
        state = conversation.advance(state, "0").state
    assert sorted(seen) == sorted(LANGUAGES)
    assert seen[0] == code
    for target in LANGUAGES:
        state = conversation.new_state(language=code, channel=replies.SMS)
        while target not in conversation._language_page(state):
            state = conversation.advance(state, "0").state
        key = str(conversation._language_page(state).index(target) + 1)
        turn = conversation.advance(state, key)
        assert (turn.state["language"], turn.state["step"]) == (target, CATEGORY)


def test_the_most_spoken_languages_come_first_and_every_language_has_its_place():
    assert sorted(MENU_ORDER) == sorted(LANGUAGES)
    assert conversation.new_state(language="en", channel=replies.SMS)["languages"][:3] == ["en", "es", "zh-hans"]
    # A guess that lingua cannot tell apart from a neighbour puts the neighbour right after it.
    assert conversation.new_state(language="fa", channel=replies.SMS)["languages"][:2] == ["fa", "fa-af"]
    assert conversation.new_state(language="am", channel=replies.SMS)["languages"][:2] == ["am", "ti"]


# A first message in each language: lingua guesses the ones it knows; letters of the script or everyday words
# tell the others, but for Dari (Persian to lingua, offered right after it).
FIRST_MESSAGES = {
    "zh-hant": ("我們需要幫助，請給我們食物", "zh-hant"),
    "zh-hans": ("我们需要帮助，请给我们食物", "zh-hans"),
    "uk": ("Добрий день, нам потрібна допомога з їжею для дітей", "uk"),
    "tr": ("Merhaba, çocuklarım için yiyecek yardımına ihtiyacım var", "tr"),
    "so": ("Waxaan u baahanahay caawimo cunto ah oo loogu talagalay carruurteyda", "so"),
    "sw": ("Habari, ninahitaji msaada wa chakula kwa watoto wangu", "sw"),
    "hi": ("नमस्ते, मुझे अपने बच्चों के लिए खाने की मदद चाहिए", "hi"),
    "pa": ("ਸਤ ਸ੍ਰੀ ਅਕਾਲ, ਮੈਨੂੰ ਆਪਣੇ ਬੱਚਿਆਂ ਲਈ ਖਾਣੇ ਦੀ ਮਦਦ ਚਾਹੀਦੀ ਹੈ", "pa"),
    "bn": ("নমস্কার, আমার বাচ্চাদের জন্য খাবারের সাহায্য দরকার", "bn"),
    "ur": ("السلام علیکم، مجھے اپنے بچوں کے لیے کھانے کی مدد چاہیے", "ur"),
    "ps": ("سلام، زه د خپلو ماشومانو لپاره د خوړو مرستې ته اړتیا لرم", "ps"),
    "ckb": ("سڵاو، پێویستم بە یارمەتی خواردنە بۆ منداڵەکانم", "ckb"),
    "am": ("ሰላም፣ ለልጆቼ የምግብ እርዳታ እፈልጋለሁ", "am"),
    "ti": ("ሰላም፣ ንደቀይ ናይ መግቢ ሓገዝ የድልየኒ ኣሎ", "ti"),
    "rw": ("Muraho, ndakeneye ubufasha bw'ibiryo ku bana banjye", "rw"),
    "ne": ("नमस्ते, मलाई मेरा बच्चाहरूको लागि खाना चाहिन्छ", "ne"),
    "my": ("မင်္ဂလာပါ၊ ကျွန်ုပ်၏ကလေးများအတွက် အစားအစာအကူအညီ လိုအပ်ပါသည်", "my"),
    "hmn": ("Nyob zoo, kuv xav tau kev pab zaub mov rau kuv cov me nyuam", "hmn"),
    "fa-af": ("سلام، من برای اولادهایم به کمک غذایی ضرورت دارم", "fa"),
}


@pytest.mark.parametrize("code", sorted(FIRST_MESSAGES))
def test_the_first_message_is_guessed_in_its_language(code):
    text, expected = FIRST_MESSAGES[code]
    assert guess_language(text) == expected
    assert conversation.begin(text, channel=replies.SMS).state["languages"][0] == expected


def test_lingua_is_asked_only_about_interface_languages():
    assert set(DETECTED) <= set(LANGUAGES)
