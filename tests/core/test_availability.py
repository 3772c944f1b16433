from django.utils import translation

from aidhub.core import availability
from aidhub.core.availability import AvailabilityFormField


def test_mask_round_trip():
    slots = [(0, 0), (2, 1), (6, 2)]
    assert availability.slots_from_mask(availability.mask_from_slots(slots)) == slots


def test_overlap():
    monday_morning = availability.bit(0, 0)
    assert availability.overlaps(monday_morning, availability.ALL)
    assert not availability.overlaps(monday_morning, availability.bit(0, 1))


def test_describe_groups_days_and_parts():
    weekday_evenings = availability.mask_from_slots((day, 2) for day in range(5))
    weekends = availability.mask_from_slots((day, part) for day in (5, 6) for part in range(3))
    with translation.override("en"):
        assert availability.describe(0) == "no times given"
        assert availability.describe(availability.ALL) == "any time"
        assert availability.describe(weekday_evenings) == "weekdays (evenings)"
        assert availability.describe(weekends) == "weekends (all day)"
        assert availability.describe(availability.bit(0, 0) | availability.bit(2, 0)) == "Mon, Wed (mornings)"
    with translation.override("es"):
        assert availability.describe(weekday_evenings) == "entre semana (noches)"


def test_form_field_cleans_to_a_mask_and_shows_it_back():
    field = AvailabilityFormField(required=True)
    assert field.clean(["0", "20"]) == availability.bit(0, 0) | availability.bit(6, 2)
    assert field.prepare_value(availability.bit(6, 2)) == ["20"]
