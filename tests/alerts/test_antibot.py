"""The anti-bot check for public forms (aidhub/lib/antibot.py), as a unit and through the subscribe form."""

import logging

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from aidhub.alerts.models import Subscriber
from aidhub.lib import antibot
from tests.factories import language
from tests.helpers import antibot_fields


def _value(challenge, solution="", answer=""):
    return {"challenge": challenge, "solution": solution, "answer": answer}


def test_a_solved_challenge_is_accepted_once(db):
    challenge = antibot.new_challenge()
    solution = antibot.solve(challenge["token"], challenge["difficulty"])
    antibot.verify(_value(challenge["token"], solution))
    with pytest.raises(ValidationError) as replay:
        antibot.verify(_value(challenge["token"], solution))
    assert replay.value.code == "replayed"


def test_a_wrong_solution_or_a_forged_challenge_is_refused(settings):
    settings.ANTIBOT_DIFFICULTY = 12
    challenge = antibot.new_challenge()
    wrong = next(str(n) for n in range(10_000) if not antibot.solves(challenge["token"], str(n), 12))
    with pytest.raises(ValidationError):
        antibot.verify(_value(challenge["token"], wrong))
    forged = challenge["token"][:-2] + "xx"
    with pytest.raises(ValidationError):
        antibot.verify(_value(forged, antibot.solve(forged, 1)))


def test_without_javascript_the_small_sum_is_accepted_in_any_digits(settings):
    settings.ANTIBOT_NOJS_WAIT = 0
    wrong = antibot.new_challenge()
    with pytest.raises(ValidationError) as refused:
        antibot.verify(_value(wrong["token"], answer=str(wrong["a"] + wrong["b"] + 1)))
    assert refused.value.code == "unsolved"
    # A wrong answer used the challenge up: the form comes back with a fresh one.
    challenge = antibot.new_challenge()
    total = challenge["a"] + challenge["b"]
    arabic_indic = "".join("٠١٢٣٤٥٦٧٨٩"[int(digit)] for digit in str(total))
    antibot.verify(_value(challenge["token"], answer=f" {arabic_indic} "))


def test_an_old_challenge_has_expired(settings):
    settings.ANTIBOT_MAX_AGE = -1
    challenge = antibot.new_challenge()
    with pytest.raises(ValidationError) as expired:
        antibot.verify(_value(challenge["token"], antibot.solve(challenge["token"], challenge["difficulty"])))
    assert expired.value.code == "expired"


def test_rate_limit_counts_per_client_and_stores_no_address(settings):
    settings.ANTIBOT_RATES = {"test": (5, 2, 60)}
    first = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7")
    other = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    assert [antibot.rate_limit_exceeded(first, "test") for _ in range(3)] == [False, False, True]
    assert antibot.rate_limit_exceeded(other, "test") is False
    keys = list(cache._cache.keys())
    assert keys and not any("198.51.100.7" in key or "203.0.113.9" in key for key in keys)


def test_behind_a_proxy_the_address_it_forwards_names_the_client(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    one = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    two = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert antibot.client_key(one) != antibot.client_key(two)
    # A client cannot pick its own key by sending a forged header: the proxy's address is the one counted.
    forged = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7")
    assert antibot.client_key(forged) == antibot.client_key(one)


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    one = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="192.0.2.1")
    two = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert antibot.client_key(one) == antibot.client_key(two)


def test_the_form_shows_a_fresh_challenge_and_the_fallback_question(client, db):
    page = client.get("/es/alerts/subscribe/")
    assert page.text.count('name="antibot_challenge"') == 1
    assert "¿Cuánto es" in page.text
    assert "js/antibot.js" in page.text
    # The work runs in a worker from our own static files, which the page's policy allows (issue 16).
    assert 'data-worker="/static/js/antibot-worker.js"' in page.text
    assert "worker-src 'self'" in page["Content-Security-Policy"]
    again = client.get("/es/alerts/subscribe/")
    token = page.text.split('name="antibot_challenge" value="')[1].split('"')[0]
    assert token not in again.text


def test_subscribing_is_rate_limited_per_client_with_a_429(client, eastside, settings, caplog):
    settings.ANTIBOT_RATES = {**settings.ANTIBOT_RATES, "alerts.subscribe": (3, 3, 3600)}
    caplog.set_level(logging.DEBUG)
    data = {"channel": "sms", "language": language("en").pk, "areas": [eastside.pk]}
    for number in range(3):
        client.post("/en/alerts/subscribe/", data | {"phone": f"+120255501{number:02d}"} | antibot_fields())
    refused = client.post("/en/alerts/subscribe/", data | {"phone": "+12025550199"} | antibot_fields())
    assert refused.status_code == 429
    assert "Too many attempts from your connection." in refused.text
    assert Subscriber.objects.count() == 3
    assert "127.0.0.1" not in caplog.text
