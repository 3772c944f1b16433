"""aidhub.accounts.capabilities: the rule on plain facts, for one person and as a filter on lists gives the same
answer in every case; shift roles map to kinds of help; the network settings choose the kinds that need vetting."""

import itertools

import pytest
from django.contrib.auth import get_user_model

from aidhub.accounts import capabilities
from aidhub.accounts.models import Vetting
from aidhub.core.models import DEFAULT_VETTED_CATEGORIES, Category, NetworkSettings
from aidhub.events.models import Shift
from tests.factories import UserFactory


def test_by_default_legal_help_childcare_interpreting_emotional_support_and_rides_need_vetting(db):
    assert capabilities.vetted_categories() == set(DEFAULT_VETTED_CATEGORIES)
    assert capabilities.vetted_categories() == {"legal", "childcare", "interpreting", "emotional", "rides"}


def test_every_shift_role_has_a_kind_of_help_or_none():
    assert set(capabilities.SHIFT_ROLE_CATEGORIES) == set(Shift.Role.values)
    assert set(capabilities.SHIFT_ROLE_CATEGORIES.values()) - {None} <= set(Category.values)
    assert capabilities.SHIFT_ROLE_CATEGORIES["lawyer"] == Category.LEGAL


@pytest.mark.parametrize(
    ("active", "needs_vetting", "confirmed", "expected"),
    [
        (True, False, False, True),
        (True, True, False, False),
        (True, True, True, True),
        (False, False, False, False),
        (False, True, True, False),
    ],
)
def test_the_rule_on_plain_facts(active, needs_vetting, confirmed, expected):
    assert capabilities.serves(active=active, needs_vetting=needs_vetting, confirmed=confirmed) is expected


@pytest.fixture
def people(db):
    """Every combination of active / confirmed for legal help, with a declined and a waiting request too."""
    people = []
    for active, status in itertools.product([True, False], [None, "vetted", "requested", "declined"]):
        user = UserFactory(is_active=active)
        if status:
            Vetting.objects.create(volunteer=user, category="legal", status=status)
        people.append(user)
    return people


@pytest.mark.parametrize("category", ["legal", "food"])
def test_one_person_and_the_list_filter_agree(people, category):
    expected = {user.pk for user in people if capabilities.may_serve_category(user, category)}
    listed = get_user_model().objects.filter(capabilities.may_serve_q(volunteer="", category=category))
    assert set(listed.values_list("pk", flat=True)) == expected
    if category == "legal":
        # Only an active volunteer whose confirmation stands: asking, or having been declined, grants nothing.
        assert expected == {
            user.pk for user in people if user.is_active and user.vettings.filter(status="vetted").exists()
        }
    else:
        assert expected == {user.pk for user in people if user.is_active}


def test_the_list_filter_reads_each_row_s_kind_of_help(people):
    rows = Vetting.objects.filter(capabilities.may_serve_q(volunteer="volunteer", category_field="category"))
    assert {vetting.volunteer_id for vetting in rows} == {
        user.pk for user in people if capabilities.may_serve_category(user, "legal") and user.vettings.exists()
    }


def test_a_network_that_vets_nothing_lets_every_active_volunteer_serve(people):
    network = NetworkSettings.load()
    network.vetted_categories = []
    network.save()
    assert {user.pk for user in people if capabilities.may_serve_category(user, "legal")} == {
        user.pk for user in people if user.is_active
    }


def test_a_shift_of_no_kind_is_open_to_every_active_volunteer(people):
    welcome, lawyer = Shift(role="welcome"), Shift(role="lawyer")
    for user in people:
        assert capabilities.may_take_shift(user, welcome) is user.is_active
        assert capabilities.may_take_shift(user, lawyer) is capabilities.may_serve_category(user, "legal")
    assert capabilities.shift_vetting_category(welcome) is None
    assert capabilities.shift_vetting_category(lawyer) == "legal"


def test_nobody_signed_out_serves_anything(db):
    from django.contrib.auth.models import AnonymousUser

    assert not capabilities.may_serve_category(AnonymousUser(), "food")
