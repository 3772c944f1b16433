"""Break 12 of issue 14: when a worker crashed (or was restarted) while taking a family's help form, sending the
form again answered "This form was open for too long", which was untrue: the crashed request had already used up
the form's anti-bot challenge. Now the family reads what happened, and everything it wrote is still in the form."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from aidhub.lib import antibot
from aidhub.needs import services
from aidhub.needs.models import HelpRequest
from tests.needs.helpers import help_form


def _form_as_shown(client, eastside):
    """What the family's browser sends: the fields it filled in, with the ids of the page it was given."""
    page = client.get("/en/help/").text
    submission_id = re.search(r'name="submission_id" value="([^"]+)"', page).group(1)
    return help_form(eastside, submission_id=submission_id, first_name="Rosalba") | _solved(page)


def _solved(page):
    """The page's anti-bot challenge, solved as static/js/antibot.js does it."""
    challenge = re.search(r'name="antibot_challenge" value="([^"]+)"', page).group(1)
    difficulty = int(re.search(r'data-difficulty="(\d+)"', page).group(1))
    return {"antibot_challenge": challenge, "antibot_solution": antibot.solve(challenge, difficulty)}


@pytest.fixture
def crashing_worker(monkeypatch):
    """The worker dies after the anti-bot check and before the request is saved."""

    def crash(**kwargs):
        raise SystemError("worker killed")

    monkeypatch.setattr(services, "help_request_submit", crash)
    return monkeypatch


def test_sending_again_after_a_crash_says_what_happened_and_keeps_every_word(eastside, crashing_worker):
    client = Client(raise_request_exception=False)
    data = _form_as_shown(client, eastside)
    assert client.post("/en/help/", data).status_code == 500
    crashing_worker.undo()

    again = client.post("/en/help/", data)
    assert again.status_code == 200
    assert "open for too long" not in again.text
    assert "Something went wrong on our side" in again.text
    for kept in ('value="Rosalba"', "Tres niños, sin comida desde ayer.", 'value="(202) 555-0143"'):
        assert kept in again.text
    assert not HelpRequest.objects.exists()
    # The form carries a fresh check, so sending it once more works.
    fresh = _solved(again.text)
    assert fresh["antibot_challenge"] != data["antibot_challenge"]
    resent = client.post("/en/help/", data | fresh)
    assert resent.status_code == 302
    assert HelpRequest.objects.get().first_name == "Rosalba"


def test_the_honest_message_is_in_the_familys_language(eastside, crashing_worker):
    client = Client(raise_request_exception=False)
    data = _form_as_shown(client, eastside)
    client.post("/es/help/", data)
    crashing_worker.undo()
    again = client.post("/es/help/", data)
    assert "Algo falló de nuestro lado" in again.text
    assert "Rosalba" in again.text


def test_a_cache_emptied_between_showing_and_sending_the_form_loses_nothing(client, eastside):
    data = _form_as_shown(client, eastside)
    # A restarted cache server, or a worker whose memory cache started empty.
    cache.clear()
    response = client.post("/en/help/", data)
    assert response.status_code == 302
    assert HelpRequest.objects.get().first_name == "Rosalba"
