"""Issue 16, item 8: plain words. No "call us" without a phone number to call, no technical words on the help form
without JavaScript, and the family's questions in everyday words."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from aidhub.messaging.services import render_email, render_sms
from tests.helpers import antibot_fields

TECHNICAL = re.compile(r"javascript|proof of work|token", re.I)


def visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html)  # attributes (names of hidden fields, data-*) are not read
    return html


@pytest.mark.django_db
def test_help_form_asks_in_everyday_words(client, eastside):
    page = client.get("/en/help/").text
    assert "Which area do you live near?" in page
    assert "Where are you?" not in page
    assert "visit" not in visible_text(page).lower()


@pytest.mark.django_db
def test_no_technical_words_without_javascript(client, eastside, settings):
    settings.ANTIBOT_NOJS_WAIT = 20
    for language in ("en", "es", "fr"):
        page = client.get(f"/{language}/help/").text
        assert not TECHNICAL.search(visible_text(page)), language
    # The answer to the sum sent too soon, and a form sent with neither the sum nor the check.
    too_soon = client.post("/en/help/", {"antibot_challenge": "x", "antibot_answer": "3"}).text
    unsolved = client.post("/en/help/", {"first_name": "Rosa"}).text
    for page in (too_soon, unsolved):
        assert not TECHNICAL.search(visible_text(page))


@pytest.mark.django_db
def test_nobody_is_told_to_call_without_a_phone(client, settings, django_capture_on_commit_callbacks):
    settings.NETWORK_PHONE = ""
    sent = client.get("/en/sent/").text
    assert "call us" not in sent.lower()
    response = client.post("/en/help/find/", {"reference_code": "", "contact": "", **antibot_fields()})
    assert "call us" not in response.text.lower()


@pytest.mark.django_db
def test_with_a_phone_the_number_is_given(client, settings):
    settings.NETWORK_PHONE = "+1 202 555 0143"
    sent = client.get("/en/sent/").text
    assert "call us at" in sent
    assert "555" in sent


TEMPLATES = Path(settings.BASE_DIR) / "templates"


def _messages_that_mention_calling():
    for path in sorted((TEMPLATES / "sms").rglob("*.txt")):
        if "call us" in path.read_text().lower():
            yield "sms", str(path.relative_to(TEMPLATES / "sms").with_suffix(""))
    for path in sorted((TEMPLATES / "emails").rglob("*_body.txt")):
        if "call us" in path.read_text().lower():
            yield "email", str(path.relative_to(TEMPLATES / "emails")).removesuffix("_body.txt")


def test_every_page_or_message_that_says_call_us_asks_for_the_number_first():
    saying = [path for path in TEMPLATES.rglob("*.*") if "call us" in path.read_text().lower()]
    assert saying, "no template says call us: this test checks nothing any more"
    for path in saying:
        assert "NETWORK_PHONE" in path.read_text(), f"{path} says call us without checking for a number"


@pytest.mark.parametrize(("kind", "template"), list(_messages_that_mention_calling()))
def test_no_message_says_call_us_without_a_number(kind, template, settings):
    settings.NETWORK_PHONE = ""
    context = {"code": "K7P-4QX", "first_name": "Rosa", "find_url": "https://aid.example.org/en/help/find/"}
    for language in ("en", "es", "fr"):
        if kind == "sms":
            text = render_sms(template=template, language=language, context=context)
        else:
            text = render_email(template=template, language=language, context=context)[1]
        assert "K7P-4QX" in text or "Rosa" in text
        for words in ("call us", "llámenos", "appelez-nous"):
            assert words not in text.lower()


# ("We need more information" became the organizer's own question, which the family answers on its page.)
@pytest.mark.parametrize("template", ["matching/family_matched"], ids=["family_matched"])
def test_with_a_number_the_message_gives_it(template, settings):
    settings.NETWORK_PHONE = "+1 202 555 0143"
    context = {"code": "K7P-4QX", "first_name": "Rosa"}
    text = render_email(template=template, language="en", context=context)[1]
    assert "call us at (202) 555-0143" in text
