"""seed_bench fills an empty database with a scaled, reproducible mix; personal data is still encrypted."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from aidhub.accounts.models import User, VolunteerProfile
from aidhub.core.models import Area, Language
from aidhub.matching.models import Match
from aidhub.needs.models import HelpRequest
from aidhub.offers.models import Offer

SCALE = 0.002  # 40 volunteers, 100 offers, 400 requests, 200 matches


def _seed(seed=7):
    call_command("seed_bench", scale=SCALE, seed=seed, stdout=StringIO())


def test_scaled_counts_and_reference_data(db):
    _seed()
    assert VolunteerProfile.objects.count() == 40
    assert Offer.objects.count() == 100
    assert HelpRequest.objects.count() == 400
    # One live match for every request that got a volunteer, declined proposals on top up to the target.
    assert 200 <= Match.objects.count() <= 220
    assert Area.objects.filter(slug__startswith="bench-").count() == 204
    assert Area.objects.filter(parent__parent__isnull=False).count() == 160
    assert Language.objects.count() == 80
    # Most requests are finished; a few wait for a volunteer.
    finished = HelpRequest.objects.filter(status__in=["done", "closed", "withdrawn"]).count()
    assert finished > 300
    assert HelpRequest.objects.unmet().exists()


def _snapshot(seed):
    """What the seed made, then rolled back, so the next seed starts from an empty database again."""
    with transaction.atomic():
        _seed(seed)
        requests = HelpRequest.objects.order_by("created_at", "reference_code")
        data = list(requests.values_list("reference_code", "category", "status", "area__slug", "language__code"))
        data += list(User.objects.order_by("email").values_list("email", "volunteer_profile__display_name"))
        transaction.set_rollback(True)
    return data


def test_the_same_seed_gives_the_same_data(db):
    first = _snapshot(seed=7)
    assert _snapshot(seed=7) == first
    assert _snapshot(seed=8) != first


def test_families_personal_data_is_encrypted_at_rest(db):
    _seed()
    request = HelpRequest.objects.order_by("pk").first()
    with connection.cursor() as cursor:
        cursor.execute("SELECT first_name, contact_value FROM needs_helprequest WHERE id = %s", [request.pk])
        stored_name, stored_contact = cursor.fetchone()
    assert stored_name != request.first_name
    assert stored_contact != request.contact_value
    assert stored_name.startswith("gAAAA")  # a Fernet token
    assert request.first_name and request.contact_value


def test_refuses_a_database_that_already_has_bench_data(db):
    _seed()
    with pytest.raises(CommandError, match="already holds bench data"):
        _seed()


@pytest.mark.parametrize("email", ["bench-organizer@example.org", "bench-volunteer@example.org"])
def test_bench_accounts_can_sign_in(client, db, email):
    _seed()
    response = client.post("/en/accounts/login/", {"login": email, "password": "bench-pass-2026"})
    assert response.status_code == 302
    assert client.get("/en/my/matches/").status_code == 200
