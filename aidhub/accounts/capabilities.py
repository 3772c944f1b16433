"""Who may serve which kind of help: the one place that answers it, for every page, form, service and task.

Some kinds of help put a volunteer alone with a family, its children or its case (NetworkSettings.vetted_categories,
by default legal help, childcare, interpreting, emotional support and rides: see docs/capabilities.md). For those,
only a volunteer an organizer confirmed (a `Vetting` row in state "vetted") may offer them publicly, be suggested
or asked for a request, take a shift of that kind, and see what the shift shows (an event's hidden address, the
bookings it serves). Every other kind is open to any active volunteer.

The rule is asked when something is shown or done, never only when a sign-up or offer was made: taking a
confirmation back, or a sign-up made before the rule existed, grants nothing from then on.

The same rule has three forms, tested to agree (tests/accounts/test_capabilities.py):
- `serves(...)` on plain facts, for the ranking of suggestions (aidhub.matching.ranking);
- `capabilities_of(user)` / `may_serve_category` / `may_take_shift` for one person (one query for many shifts);
- `may_serve_q(...)`, a Q expression for lists of many volunteers (suggestions, the public list of offers).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import Combinable

from aidhub.accounts.models import User, Vetting
from aidhub.core.models import Category, NetworkSettings

# What kind of help each volunteer role at an event gives (aidhub.events.models.Shift.Role values; accounts may
# not import events, and tests/accounts/test_capabilities.py checks that every role is listed here). A role of no
# kind (set-up, welcome desk) is open to every active volunteer.
SHIFT_ROLE_CATEGORIES: dict[str, str | None] = {
    "lawyer": Category.LEGAL,
    "interpreter": Category.INTERPRETING,
    "childcare": Category.CHILDCARE,
    "driver": Category.RIDES,
    "food": Category.FOOD,
    "facilitator": None,
    "set_up": None,
    "welcome": None,
    "other": None,
}


class ShiftLike(Protocol):
    """A shift as the rule sees it (aidhub.events.models.Shift, which accounts may not import): its role."""

    @property
    def role(self) -> str: ...


def vetted_categories() -> frozenset[str]:
    """The kinds of help that need an organizer's confirmation in this network."""
    return frozenset(NetworkSettings.load().vetted_categories)


def needs_vetting(category: str | None) -> bool:
    return category is not None and category in vetted_categories()


def shift_category(shift: ShiftLike) -> str | None:
    """The kind of help a shift gives, from its role; None for roles of no particular kind."""
    return SHIFT_ROLE_CATEGORIES.get(shift.role)


def shift_vetting_category(shift: ShiftLike) -> str | None:
    """The kind of help a volunteer must be confirmed for to take this shift, or None when anyone may."""
    category = shift_category(shift)
    return category if needs_vetting(category) else None


def serves(*, active: object, needs_vetting: bool, confirmed: object) -> bool:
    """The rule itself, on plain facts: an active volunteer, confirmed where the kind of help needs it."""
    return bool(active) and (bool(confirmed) or not needs_vetting)


@dataclass(frozen=True)
class Capabilities:
    """What one volunteer may serve, from facts read once: ask it about many shifts without more queries."""

    active: bool
    confirmed: frozenset[str]
    vetted: frozenset[str]

    def may_serve_category(self, category: str | None) -> bool:
        return serves(
            active=self.active,
            needs_vetting=category is not None and category in self.vetted,
            confirmed=category in self.confirmed,
        )

    def may_take_shift(self, shift: ShiftLike) -> bool:
        return self.may_serve_category(shift_category(shift))

    def vetting_category(self, shift: ShiftLike) -> str | None:
        """As shift_vetting_category(shift), without reading the network settings again."""
        category = shift_category(shift)
        return category if category in self.vetted else None

    def needs_confirmation(self, category: str | None) -> bool:
        """Active, but not (or not yet) confirmed for a kind of help that needs it."""
        return self.active and not self.may_serve_category(category)


def capabilities_of(user: User | AnonymousUser | None) -> Capabilities:
    """The facts about one person that the rule needs (one query)."""
    if user is None or not user.is_authenticated:
        return Capabilities(active=False, confirmed=frozenset(), vetted=vetted_categories())
    confirmed = Vetting.objects.confirmed().filter(volunteer=user).values_list("category", flat=True)
    return Capabilities(active=user.is_active, confirmed=frozenset(confirmed), vetted=vetted_categories())


def capabilities_of_many(users: Iterable[User]) -> dict[int, Capabilities]:
    """{user id: Capabilities} for many people at once (two queries), e.g. for the reminders of a day's shifts."""
    users = list(users)
    confirmed: dict[int, set[str]] = {}
    rows = Vetting.objects.confirmed().filter(volunteer__in=[user.pk for user in users])
    for volunteer_id, category in rows.values_list("volunteer_id", "category"):
        confirmed.setdefault(volunteer_id, set()).add(category)
    vetted = vetted_categories()
    return {
        user.pk: Capabilities(active=user.is_active, confirmed=frozenset(confirmed.get(user.pk, ())), vetted=vetted)
        for user in users
    }


def may_serve_category(user: User | AnonymousUser | None, category: str | None) -> bool:
    """May this person give this kind of help (offer it, be asked for it, take its shifts)?"""
    return capabilities_of(user).may_serve_category(category)


def may_take_shift(user: User | AnonymousUser | None, shift: ShiftLike) -> bool:
    """May this person take this shift, and see what it shows (the event's hidden address, its bookings)?"""
    return capabilities_of(user).may_serve_category(shift_category(shift))


def may_serve_q(
    *, volunteer: str = "volunteer", category: str | None = None, category_field: str | None = None
) -> Q | Combinable:
    """The same rule as a filter on a list: rows whose volunteer may serve a fixed `category`, or the kind of
    help in each row's `category_field`. `volunteer` is the path to the user ("" for a list of users)."""
    prefix = f"{volunteer}__" if volunteer else ""
    active = Q(**{f"{prefix}is_active": True})
    confirmations = Vetting.objects.confirmed().filter(volunteer=OuterRef(volunteer or "pk"))
    vetted = sorted(vetted_categories())
    if category_field is None:
        if category not in vetted:
            return active
        return active & Exists(confirmations.filter(category=category))
    return active & (
        ~Q(**{f"{category_field}__in": vetted}) | Exists(confirmations.filter(category=OuterRef(category_field)))
    )


def confirmed_q(*, volunteer: str = "volunteer", category: str) -> Q | Combinable:
    """Rows whose volunteer an organizer confirmed for this kind of help, whether or not the network requires it
    (an organizer's call-out may ask for confirmed volunteers only); on top of `may_serve_q`, never instead."""
    confirmations = Vetting.objects.confirmed().filter(volunteer=OuterRef(volunteer or "pk"), category=category)
    return Exists(confirmations)
