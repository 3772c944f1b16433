from io import StringIO

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.core.management import call_command

from aidhub.accounts.models import User
from aidhub.core.demo import DEMO_TOTP_SECRET
from aidhub.core.models import Area, Membership, Organization
from aidhub.matching.models import Match
from aidhub.needs.models import HelpRequest
from aidhub.offers.models import Offer

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
    response = client.post("/en/accounts/login/", {"login": "organizer@example.org", "password": "demo-pass-2026"})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    counter = next(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))
    response = client.post("/en/accounts/2fa/authenticate/", {"code": code}, follow=True)
    assert "Organizer dashboard" in response.text
