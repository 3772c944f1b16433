"""Weekly availability as a grid of weekday × part of day, stored as a 21-bit integer.

A bit mask keeps overlap checks cheap and doable inside the database (`mask & other != 0`).
Bit index = weekday * 3 + part, with Monday = 0 and morning = 0.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.db import models
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PARTS = [
    (0, gettext_lazy("Morning")),
    (1, gettext_lazy("Afternoon")),
    (2, gettext_lazy("Evening")),
]
DAYS = list(range(7))
WEEKDAY_BITS = [(day, part) for day in range(5) for part in range(3)]
ALL = (1 << 21) - 1


def bit(day: int, part: int) -> int:
    return 1 << (day * 3 + part)


def mask_from_slots(slots: Iterable[tuple[int, int]]) -> int:
    """Turns (day, part) pairs into a mask."""
    mask = 0
    for day, part in slots:
        mask |= bit(day, part)
    return mask


def slots_from_mask(mask: int) -> list[tuple[int, int]]:
    return [(day, part) for day in DAYS for part, _label in PARTS if mask & bit(day, part)]


def overlaps(a: int, b: int) -> bool:
    return bool(a & b)


def describe(mask: int | None) -> str:
    """A short human description, e.g. "weekdays (evenings) · weekends (all day)"."""
    mask = mask or 0
    if mask == ALL:
        return _("any time")
    if not mask:
        return _("no times given")
    # Group the parts of the day that fall on the same days, so "weekends, all day" reads as one phrase.
    parts_by_days: dict[tuple[int, ...], list[int]] = {}
    for part, _label in PARTS:
        days = tuple(day for day in DAYS if mask & bit(day, part))
        if days:
            parts_by_days.setdefault(days, []).append(part)
    phrases = []
    for days, parts in parts_by_days.items():
        parts_text = _("all day") if len(parts) == 3 else ", ".join(str(PARTS_PLURAL[part]) for part in parts)
        phrases.append(_("%(days)s (%(parts)s)") % {"days": _days_text(days), "parts": parts_text})
    return " · ".join(phrases)


def _days_text(days: tuple[int, ...]) -> str:
    if len(days) == 7:
        return str(_("every day"))
    if days == (0, 1, 2, 3, 4):
        return str(_("weekdays"))
    if days == (5, 6):
        return str(_("weekends"))
    return ", ".join(str(WEEKDAYS_ABBR[day]) for day in days)


PARTS_PLURAL = [gettext_lazy("mornings"), gettext_lazy("afternoons"), gettext_lazy("evenings")]


class AvailabilityWidget(forms.Widget):
    """A group of checkboxes per weekday, one per part of the day, that wraps to any screen; works without
    JavaScript.

    A plain Widget, not a CheckboxSelectMultiple: crispy-forms would render that as a flat list of 21 boxes.
    `use_fieldset` makes forms (Django's and crispy's) give the whole grid a legend instead of a label.
    """

    template_name = "includes/widgets/availability.html"
    allow_multiple_selected = True
    use_fieldset = True

    def id_for_label(self, id_: str) -> str:
        # The legend of a fieldset points at nothing: a <label for> would name the first box only.
        return ""

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> Any:
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        # An unticked grid sends nothing: that means "no times", not "field missing".
        return False

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        selected = {str(v) for v in (value or [])}
        base_id = attrs.get("id") or f"id_{name}" if attrs else f"id_{name}"
        # The field's message, when it has one (crispy-forms sets it): read with each box (issue 16).
        context["describedby"] = (attrs or {}).get("aria-describedby", "")
        context["rows"] = [
            {
                "day": WEEKDAYS[day],
                "cells": [
                    {
                        "value": str(day * 3 + part),
                        "id": f"{base_id}_{day * 3 + part}",
                        "checked": str(day * 3 + part) in selected,
                        "part": label,
                    }
                    for part, label in PARTS
                ],
            }
            for day in DAYS
        ]
        return context


class AvailabilityFormField(forms.TypedMultipleChoiceField):
    widget = AvailabilityWidget

    def __init__(self, *, required: bool = False, **kwargs: Any) -> None:
        for key in ("max_value", "min_value", "step_size", "coerce", "empty_value", "choices"):
            kwargs.pop(key, None)
        choices = [(str(day * 3 + part), "") for day in DAYS for part, _label in PARTS]
        super().__init__(choices=choices, coerce=int, required=required, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return [str(day * 3 + part) for day, part in slots_from_mask(value)]
        return value

    def clean(self, value: Any) -> int:
        indexes = super().clean(value)
        mask = 0
        for index in indexes:
            mask |= 1 << index
        return mask

    def has_changed(self, initial: Any, data: Any) -> bool:
        return set(self.prepare_value(initial or 0)) != {str(v) for v in (data or [])}


class WeeklyAvailabilityField(models.PositiveIntegerField[int, int]):
    """Model field holding the weekly grid; renders as the grid in forms."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", 0)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs: Any) -> forms.Field | None:
        # The admin gives integer fields a number box, which cannot hold the grid (it failed every save of a user
        # with a volunteer profile, then of an offer): the grid keeps its own widget wherever it is shown.
        return super().formfield(**{"form_class": AvailabilityFormField, **kwargs, "widget": AvailabilityWidget})
