"""Break 8 of issue 14: the anti-bot check of public forms had gaps. The sum for people without JavaScript was a
shortcut around the proof of work, and its answer was readable in the signed token; a wrong answer did not use up
the challenge; one limit per address blocked a whole shelter behind one router, and nothing warned when the app sat
behind a proxy without TRUSTED_PROXY_COUNT."""

import json
import re
import time

import pytest
from django.core import checks, signing
from django.test import Client

from aidhub.events.models import Booking
from tests.factories import language
from tests.helpers import antibot_fields

QUESTION = re.compile(r"How much is (\d+) \+ (\d+)\?")
CHALLENGE = re.compile(r'name="antibot_challenge" value="([^"]+)"')


@pytest.fixture
def later(monkeypatch):
    """Moves the clock forward, as a person filling the form takes time."""

    def move(seconds):
        real = time.time
        monkeypatch.setattr(time, "time", lambda: real() + seconds)

    return move


def _details(slot, **changes):
    return {
        "slot": slot.pk,
        "first_name": "Amal",
        "contact_kind": "phone",
        "contact": "+12025550147",
        "language": language("en").pk,
        **changes,
    }


def _challenge(page):
    """The challenge token and the answer to the sum, as a person without JavaScript reads them on the page."""
    a, b = QUESTION.search(page.text).groups()
    return CHALLENGE.search(page.text).group(1), int(a) + int(b)


def _without_javascript(token, answer):
    return {"antibot_challenge": token, "antibot_solution": "", "antibot_answer": str(answer)}


def _numbers_in(value):
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, list | tuple):
        return [number for item in value for number in _numbers_in(item)]
    if isinstance(value, dict):
        return [number for item in value.values() for number in _numbers_in(item)]
    return []


def test_the_token_does_not_carry_the_answer_to_the_sum(client, slot, settings):
    page = client.get(f"/en/events/{slot.event_id}/book/")
    token, answer = _challenge(page)
    # Anyone can read a signed token: its first part is plain base64 JSON.
    payload = json.loads(signing.b64_decode(token.split(":")[0].encode()))
    # The difficulty of the proof of work is a setting, the same in every challenge, and tells nothing of the sum;
    # but it is a small number too (8 in tests), which the answer (3 to 17) equals now and then.
    assert payload.pop("d") == settings.ANTIBOT_DIFFICULTY
    numbers = _numbers_in(payload)
    assert answer not in numbers, payload
    assert not any(first + second == answer for first in numbers for second in numbers), payload


def test_without_javascript_a_quick_answer_waits_and_loses_nothing(client, slot, settings, later):
    settings.ANTIBOT_NOJS_WAIT = 20
    page = client.get(f"/en/events/{slot.event_id}/book/")
    token, answer = _challenge(page)
    quick = client.post(f"/en/events/{slot.event_id}/book/", _details(slot) | _without_javascript(token, answer))
    assert quick.status_code == 200
    assert not Booking.objects.exists()
    assert "Please wait a few seconds, then send the form again" in quick.text
    # What the person typed is kept, and the same question stays: they only press the button again.
    assert 'value="Amal"' in quick.text
    assert CHALLENGE.search(quick.text).group(1) == token
    assert f'value="{answer}"' in quick.text
    later(21)
    sent = client.post(f"/en/events/{slot.event_id}/book/", _details(slot) | _without_javascript(token, answer))
    assert sent.status_code == 302
    assert Booking.objects.count() == 1


def test_a_wrong_answer_uses_up_the_challenge_and_the_form_gets_a_fresh_one(client, slot, settings, later):
    settings.ANTIBOT_NOJS_WAIT = 20
    page = client.get(f"/en/events/{slot.event_id}/book/")
    token, answer = _challenge(page)
    later(21)
    wrong = client.post(f"/en/events/{slot.event_id}/book/", _details(slot) | _without_javascript(token, answer + 1))
    assert wrong.status_code == 200
    assert 'value="Amal"' in wrong.text
    assert CHALLENGE.search(wrong.text).group(1) != token
    # The right answer on the used challenge is refused: a script cannot try answer after answer.
    again = client.post(f"/en/events/{slot.event_id}/book/", _details(slot) | _without_javascript(token, answer))
    assert again.status_code == 200
    assert not Booking.objects.exists()


def test_a_wrong_proof_of_work_uses_up_the_challenge(client, slot):
    fields = antibot_fields()
    wrong = fields | {"antibot_solution": "x"}
    assert client.post(f"/en/events/{slot.event_id}/book/", _details(slot) | wrong).status_code == 200
    assert client.post(f"/en/events/{slot.event_id}/book/", _details(slot) | fields).status_code == 200
    assert not Booking.objects.exists()


def test_the_proof_of_work_needs_no_wait(client, slot, settings):
    settings.ANTIBOT_NOJS_WAIT = 600
    response = client.post(f"/en/events/{slot.event_id}/book/", _details(slot) | antibot_fields())
    assert response.status_code == 302


def test_one_busy_browser_does_not_block_others_behind_the_same_address(slot, settings):
    # Two attempts per browser, four per address, in an hour.
    settings.ANTIBOT_RATES = {**settings.ANTIBOT_RATES, "events.booking": (2, 4, 3600)}
    url = f"/en/events/{slot.event_id}/book/"

    def browser():
        person = Client()
        person.get(url)  # gets its CSRF cookie, as every browser that posts a form has
        return person

    busy = browser()
    assert [busy.post(url, {"first_name": "Amal"}).status_code for _ in range(3)] == [200, 200, 429]
    neighbour = browser()
    assert neighbour.post(url, _details(slot) | antibot_fields()).status_code == 302
    # A script that starts a new browser for every post still meets the limit of the address.
    assert browser().post(url, {"first_name": "Amal"}).status_code == 429


def _proxy_warnings():
    """Every deployment check runs, the models' too, which ask the database what it supports: callers need `db`."""
    return [message for message in checks.run_checks(include_deployment_checks=True) if message.id == "antibot.W001"]


def test_check_deploy_warns_behind_a_proxy_without_trusted_proxy_count(db, settings, monkeypatch):
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    [warning] = _proxy_warnings()
    assert "TRUSTED_PROXY_COUNT" in warning.msg
    assert "SECURE_PROXY_SSL_HEADER" in warning.msg
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert _proxy_warnings() == []


def test_check_deploy_warns_once_a_forwarded_address_was_seen(client, slot, settings, monkeypatch):
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    settings.SECURE_PROXY_SSL_HEADER = None
    assert _proxy_warnings() == []
    client.post(f"/en/events/{slot.event_id}/book/", _details(slot), HTTP_X_FORWARDED_FOR="198.51.100.7")
    [warning] = _proxy_warnings()
    assert "X-Forwarded-For" in warning.msg
    assert "198.51.100.7" not in warning.msg + (warning.hint or "")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "127.0.0.1")
    assert "FORWARDED_ALLOW_IPS" in _proxy_warnings()[0].msg
