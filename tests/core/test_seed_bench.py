"""seed_bench fills an empty database with a scaled, reproducible mix; personal data is still encrypted."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from aidhub.accounts.models import User, VolunteerProfile
from aidhub.alerts.models import Subscriber
from aidhub.core.models import Area, Language
from aidhub.devdata.bench.core import BENCH_TOTP_SECRET
from aidhub.events.models import Booking, Event, ShiftSignup
from aidhub.matching.models import Match
from aidhub.needs.models import HelpRequest
from aidhub.offers.models import Offer
from tests.helpers import sign_in_with_two_factor

pytestmark = pytest.mark.slow

SCALE = 0.002  # 40 volunteers, 100 offers, 400 requests, 200 matches, 10 events, 100 confirmed subscribers


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
    assert Event.objects.count() == 10
    # Sign-ups fill shifts in proportion to their places: about 120 at this scale, never more than the places.
    assert 60 <= ShiftSignup.objects.count() <= 180
    assert Subscriber.objects.confirmed().count() == 100
    assert Subscriber.objects.count() == 108


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
    subscriber = Subscriber.objects.filter(channel="sms").order_by("pk").first()
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM alerts_subscriber WHERE id = %s", [subscriber.pk])
        assert cursor.fetchone()[0].startswith("gAAAA")
    assert subscriber.phone.startswith("+1202")


def test_bookings_of_coming_legal_aid_nights_are_encrypted_too(db):
    call_command("seed_bench", scale=0.05, seed=7, stdout=StringIO())
    booking = Booking.objects.order_by("pk").first()
    assert booking is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact FROM events_booking WHERE id = %s", [booking.pk])
        assert cursor.fetchone()[0].startswith("gAAAA")
    assert booking.contact.startswith("+1202")


def test_refuses_a_database_that_already_has_bench_data(db):
    _seed()
    with pytest.raises(CommandError, match="already holds bench data"):
        _seed()


def test_bench_volunteer_can_sign_in(client, db):
    _seed()
    response = client.post(
        "/en/accounts/login/", {"login": "bench-volunteer@example.org", "password": "bench-pass-2026"}
    )
    assert response.status_code == 302
    assert client.get("/en/my/matches/").status_code == 200


def test_bench_organizer_signs_in_with_two_factors(client, db):
    _seed()
    sign_in_with_two_factor(client, "bench-organizer@example.org", "bench-pass-2026", BENCH_TOTP_SECRET)
    assert client.get("/en/organize/requests/").status_code == 200
