from io import StringIO

from django.core.management import call_command

from aidhub.accounts.models import User
from aidhub.core.models import Area, Membership, Organization
from aidhub.devdata.demo.core import DEMO_TOTP_SECRET
from aidhub.matching.models import Match
from aidhub.needs.models import HelpRequest
from aidhub.offers.models import Offer
from tests.helpers import sign_in_with_two_factor

MODELS = [User, Area, Organization, Membership, Offer, HelpRequest, Match]


def test_seed_demo_is_idempotent(db):
    call_command("seed_demo", stdout=StringIO())
    first = {model.__name__: model.objects.count() for model in MODELS}
    assert first["Offer"] == 12
    assert Offer.objects.filter(status="pending").exists()
    call_command("seed_demo", stdout=StringIO())
    assert {model.__name__: model.objects.count() for model in MODELS} == first


def test_demo_organizer_signs_in_with_two_factor(client, db):
    call_command("seed_demo", stdout=StringIO())
    response = sign_in_with_two_factor(client, "organizer@example.org", "demo-pass-2026", DEMO_TOTP_SECRET)
    # Organizers land on their dashboard, not on the volunteer's My page (issue 17).
    assert response.redirect_chain[-1][0] == "/en/organize/"
    assert "Waiting for you" in response.text
