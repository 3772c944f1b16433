"""Organizer scope: which organizations, areas and people an organizer acts for. The one module that reads
memberships (tests/test_organizer_scope_has_one_home.py fails on a copy elsewhere).

A person organizes for an organization when they hold a membership with the organizer role **and** the organization
is active. A membership of an inactive organization (the network deactivated it: it closed, or the network stopped
working with it) grants nothing: no organizer page, no area, request, event, resource or audit row of it, no choice of
it in a form, no message meant for its organizers (tests/security/test_organizer_scope.py).

QuerySets of other apps ask these functions: `HelpRequest.objects.visible_to_organizer`, `Event.objects.organized_by`
and the others named in docs/capabilities.md.

Within one request the answers are remembered (OrganizerScopeMiddleware): a page asks them five or more times (the
menu's counts, the list, its filter form…), and the person's memberships do not change half-way through a page. They
are forgotten when the request ends: a membership removed, or an organization deactivated, counts from the next
request on. Outside a request (tasks, the shell) every call asks the database.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from aidhub.core.models import Area, AreaQuerySet, AuditEvent, Membership, Organization, OrganizationQuerySet

# Who asks: a signed-in person, or the anonymous visitor (who organizes nothing).
Person = AbstractBaseUser | AnonymousUser


# The answers of the current request, by (person, question); None outside a request.
_remembered_in_request: ContextVar[dict[tuple[object, str], list[int]] | None] = ContextVar(
    "organizer_scope", default=None
)


@contextmanager
def scope_remembered_for_one_request() -> Iterator[None]:
    """Remembers the organizer scope's answers until the end of the block (one request: OrganizerScopeMiddleware)."""
    token = _remembered_in_request.set({})
    try:
        yield
    finally:
        _remembered_in_request.reset(token)


def _remembered(user: "Person", question: str, ask: Callable[[], list[int]]) -> list[int] | None:
    """The ids `ask()` answers, asked once per person and request; None outside a request (the caller asks itself)."""
    remembered = _remembered_in_request.get()
    if remembered is None:
        return None
    key = (user.pk, question)
    if key not in remembered:
        remembered[key] = ask()
    return remembered[key]


def _organizing() -> QuerySet[Membership]:
    """Memberships that make someone an organizer: the organizer role, in an active organization."""
    return Membership.objects.filter(role=Membership.Role.ORGANIZER, organization__is_active=True)


def organizer_memberships(user: Person) -> QuerySet[Membership]:
    """This person's memberships that count: organizer of an active organization."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return _organizing().filter(user_id=user.pk)


def _ask_organization_ids(user: Person) -> list[int]:
    return list(organizer_memberships(user).values_list("organization_id", flat=True))


def _organization_ids(user: Person) -> list[int] | None:
    """The ids of organized_organizations(user), remembered for this request; None outside a request."""
    return _remembered(user, "organizations", lambda: _ask_organization_ids(user))


def organized_organizations(user: Person) -> OrganizationQuerySet:
    """The active organizations this person organizes for (by name, as Organization orders)."""
    remembered = _organization_ids(user)
    if remembered is not None:
        return Organization.objects.filter(pk__in=remembered)
    return Organization.objects.filter(pk__in=organizer_memberships(user).values("organization_id"))


def organized_organization_ids(user: Person) -> list[int]:
    """The ids of organized_organizations(user), smallest first (a part of cache keys: aidhub.portal.selectors)."""
    remembered = _organization_ids(user)
    return sorted(_ask_organization_ids(user) if remembered is None else remembered)


def is_organizer(user: Person) -> bool:
    """Anyone who organizes for at least one active organization."""
    remembered = _organization_ids(user)
    if remembered is not None:
        return bool(remembered)
    return organizer_memberships(user).exists()


def _areas_of(organizations: OrganizationQuerySet) -> AreaQuerySet:
    """The areas these organizations serve, with the areas inside them."""
    return Area.objects.filter(organizations__in=organizations).with_descendants()


def _ask_area_ids(user: Person) -> list[int]:
    return list(_areas_of(organized_organizations(user)).values_list("pk", flat=True))


def _area_ids(user: Person) -> list[int] | None:
    """The ids of organizer_areas(user), remembered for this request; None outside a request."""
    return _remembered(user, "areas", lambda: _ask_area_ids(user))


def organizer_areas(user: Person) -> AreaQuerySet:
    """Areas whose requests, offers, reports and alerts this person curates: those served by the organizations they
    organize for, with the areas inside them."""
    remembered = _area_ids(user)
    if remembered is not None:
        return Area.objects.filter(pk__in=remembered)
    return _areas_of(organized_organizations(user))


def organizer_area_ids(user: Person) -> list[int]:
    """The ids of organizer_areas(user), as a list. Filters on a short list of ids let PostgreSQL use the
    (area, …) indexes of big tables; a subquery of areas made it hash every row of the region first."""
    remembered = _area_ids(user)
    return _ask_area_ids(user) if remembered is None else list(remembered)


def organizers_for_area(area: Area) -> QuerySet[Any]:
    """The active people who organize for an active organization serving this area (told when a volunteer says no).
    Rows of the user model (accounts.User, which core may not name), typed Any so that callers above may use them
    as such."""
    serving = _organizing().filter(organization__in=Organization.objects.serving(area))
    return get_user_model().objects.filter(is_active=True, pk__in=serving.values("user_id"))


def organization_serving(area: Area, user: Person | None = None) -> Organization | None:
    """The organization that answers for this area (the audit trail files a showing of a family's details under
    it): the person's own where they organize there, else the first active one serving the area."""
    if user is not None:
        own = organized_organizations(user).serving(area).order_by("pk").first()
        if own is not None:
            return own
    return Organization.objects.active().serving(area).order_by("pk").first()


def acting_organization(
    user: Person, *, area: Area | None = None, preferred: Organization | None = None
) -> Organization | None:
    """The organization an organizer acts for in one action (an alert drafted from a report, a vetting decision):
    `preferred` where they organize for it, else one of theirs serving `area`, else their first. None for someone
    who organizes nothing."""
    organizations = organized_organizations(user).order_by("pk")
    if preferred is not None and organizations.filter(pk=preferred.pk).exists():
        return preferred
    if area is not None:
        serving = organizations.serving(area).first()
        if serving is not None:
            return serving
    return organizations.first()


def audit_events_for_organizer(user: Person) -> QuerySet[AuditEvent]:
    """What happened in the organizations this person organizes for (the audit trail), and the corrections of the
    interface's translations, which every organization's pages show."""
    return AuditEvent.objects.filter(
        Q(organization__in=organized_organizations(user)) | Q(action=AuditEvent.Action.CATALOG_CHANGED)
    )
