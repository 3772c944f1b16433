"""Whom and what an organizer acts for is answered in one place, aidhub.core.selectors (issue 15, item 1).

An inactive membership, that is a membership of an organization the network deactivated (it closed, or the network
stopped working with it), grants nothing anywhere: no organizer page, no request, match, offer, report, alert,
event, resource or audit row of that organization's areas, no choice of it in a form, no message meant for its
organizers. Two people hold one:

- "former": their only membership is of the deactivated organization. Every organizer page refuses them as it
  refuses a volunteer who organizes nothing;
- "two hats": they also organize an active organization of another area (Lakeview), so organizer pages open; they
  get exactly what the organizer of another area gets, and nothing of the deactivated organization.
"""

import pytest
from django.urls import reverse

from aidhub.accounts.services import vetting_set
from aidhub.alerts.forms import AlertForm
from aidhub.alerts.models import Alert, Report
from aidhub.core import selectors
from aidhub.core.models import AuditEvent, Organization, audit
from aidhub.events.forms import EventForm
from aidhub.events.models import Event
from aidhub.matching.models import Match
from aidhub.needs.models import HelpRequest
from aidhub.offers.models import Offer
from aidhub.resources.forms import ResourceForm
from aidhub.resources.models import Resource
from tests.access import MATRIX, ROLES
from tests.conftest import with_two_factor
from tests.factories import (
    AreaFactory,
    EventFactory,
    MembershipFactory,
    OrganizationFactory,
    ReportFactory,
    ResourceFactory,
    UserFactory,
)
from tests.test_access_matrix import _url


def _deactivate(organization):
    Organization.objects.filter(pk=organization.pk).update(is_active=False)


@pytest.fixture
def two_hats(organization, lakeview):
    """Organizes Lakeview's active organization and Riverside's `organization`, which the network deactivated."""
    user = UserFactory(email="two.hats@example.org")
    MembershipFactory(organization=OrganizationFactory(name="Lakeview Aid", areas=[lakeview]), user=user)
    MembershipFactory(organization=organization, user=user)
    _deactivate(organization)
    return with_two_factor(user)


@pytest.fixture
def former(organization):
    """Organized only Riverside's `organization`, which the network deactivated."""
    user = UserFactory(email="former.organizer@example.org")
    MembershipFactory(organization=organization, user=user)
    _deactivate(organization)
    return with_two_factor(user)


@pytest.fixture
def riverside(organization, eastside, help_request, proposed_match, pending_offer, community_report, draft_alert):
    """Everything of the deactivated organization and of the areas it serves."""
    volunteer = proposed_match.volunteer
    event = EventFactory(organization=organization, area=eastside, title="Riverside legal night")
    return {
        "organization": organization,
        "area": eastside,
        "help_request": help_request,
        "match": proposed_match,
        "offer": pending_offer,
        "report": community_report,
        "alert": draft_alert,
        "event": event,
        "resource": ResourceFactory(organization=organization, title="Riverside rights card"),
        "audit": audit(actor=None, action=AuditEvent.Action.EXPORTED, target=event, organization=organization),
        "volunteer": volunteer,
        # María asked to be confirmed through one of the organization's events.
        "vetting_request": volunteer.vettings.create(category="legal", status="requested", organization=organization),
    }


def _text(client, name):
    return client.get(reverse(name)).text


def _audit_rows(user, r, client):
    shown = f"events.event #{r['event'].pk}" in _text(client, "core:audit_trail")
    return [r["audit"]] if shown else []


def _vetting_decision(user, r, client):
    """A decision is audited under the organization the organizer acts for: never the deactivated one."""
    vetting_set(actor=user, volunteer=r["volunteer"], categories=["legal"])
    return list(AuditEvent.objects.filter(action="vetting_confirmed", organization=r["organization"]))


def _report_to_alert(user, r, client):
    """An alert drafted from a report belongs to an organization the organizer acts for."""
    Report.objects.filter(pk=r["report"].pk).update(status="confirmed")
    client.post(reverse("alerts:report_to_alert", args=[r["report"].pk]))
    return list(Alert.objects.filter(source_report=r["report"], organization=r["organization"]))


def _in(value, collection):
    return [value] if value in collection else []


# Each way in, and what of Riverside's (the deactivated organization's) it hands the person. All must be empty.
QUERIES = {
    "organizer areas": lambda user, r, client: _in(r["area"], selectors.organizer_areas(user)),
    "organizer area ids": lambda user, r, client: _in(r["area"].pk, selectors.organizer_area_ids(user)),
    "is an organizer": lambda user, r, client: (
        [user] if selectors.is_organizer(user) != selectors.organized_organizations(user).exists() else []
    ),
    "organizations organized": lambda user, r, client: _in(r["organization"], selectors.organized_organizations(user)),
    "organizers of an area": lambda user, r, client: _in(user, selectors.organizers_for_area(r["area"])),
    "organization answering for an area": lambda user, r, client: _in(
        selectors.organization_serving(r["area"], user), [r["organization"]]
    ),
    "organization acted for": lambda user, r, client: _in(
        selectors.acting_organization(user, area=r["area"], preferred=r["organization"]), [r["organization"]]
    ),
    "requests": lambda user, r, client: list(HelpRequest.objects.visible_to_organizer(user)),
    "matches": lambda user, r, client: list(Match.objects.visible_to_organizer(user)),
    "offers to review": lambda user, r, client: list(Offer.objects.reviewable_by(user)),
    "reports": lambda user, r, client: list(Report.objects.visible_to(user)),
    "alerts": lambda user, r, client: list(Alert.objects.visible_to(user)),
    "events": lambda user, r, client: list(Event.objects.organized_by(user)),
    "resources": lambda user, r, client: list(Resource.objects.organized_by(user)),
    "event form": lambda user, r, client: _in(r["organization"], EventForm(user=user).fields["organization"].queryset),
    "resource form": lambda user, r, client: _in(
        r["organization"], ResourceForm(user=user).fields["organization"].queryset
    ),
    "alert form": lambda user, r, client: [
        *_in(r["organization"], AlertForm(user=user).fields["organization"].queryset),
        *_in(r["area"], AlertForm(user=user).fields["areas"].queryset),
    ],
    "audit trail": _audit_rows,
    "request queue": lambda user, r, client: _in(r["help_request"].reference_code, _text(client, "needs:queue")),
    "volunteers": lambda user, r, client: _in("María", _text(client, "matching:volunteer_list")),
    "vetting queue": lambda user, r, client: _in("María", _text(client, "matching:vetting_queue")),
    "vetting decision": _vetting_decision,
    "alert from a report": _report_to_alert,
}


@pytest.mark.parametrize("person", ["former", "two_hats"])
@pytest.mark.parametrize("way", sorted(QUERIES))
def test_an_inactive_membership_grants_nothing(way, person, riverside, client_for, request):
    user = request.getfixturevalue(person)
    client = client_for(user)
    assert QUERIES[way](user, riverside, client) == []


def test_the_audit_trail_of_the_active_organization_still_shows(two_hats, riverside, client_for):
    lakeview_aid = Organization.objects.get(name="Lakeview Aid")
    lakeview_event = EventFactory(organization=lakeview_aid, area=lakeview_aid.areas.get())
    audit(actor=None, action=AuditEvent.Action.EXPORTED, target=lakeview_event, organization=lakeview_aid)
    page = client_for(two_hats).get(reverse("core:audit_trail")).text
    assert f"events.event #{lakeview_event.pk}" in page
    assert f"events.event #{riverside['event'].pk}" not in page


# Every page of ours where being Riverside's organizer grants something (allauth's account pages answer by
# whether a person set up two-factor sign-in, not by role): the former organizer is refused there as a volunteer
# who organizes nothing is ("other_volunteer"), the two-hats organizer as Lakeview's ("other_organizer").
STATUS = {role: index for index, role in enumerate(ROLES)}
PAGE_CASES = [
    (name, method, person, int(statuses.split()[STATUS[like]]))
    for name, (_arguments, get_statuses, post_statuses) in MATRIX.items()
    if ":" in name
    for method, statuses in (("GET", get_statuses), ("POST", post_statuses))
    for person, like in (("former", "other_volunteer"), ("two_hats", "other_organizer"))
    if statuses.split()[STATUS["organizer"]] != statuses.split()[STATUS[like]]
]


@pytest.mark.parametrize(("name", "method", "person", "expected"), PAGE_CASES, ids=str)
def test_an_inactive_membership_opens_no_organizer_page(name, method, person, expected, client_for, request):
    url = _url(name, MATRIX[name][0], person, request)
    user = request.getfixturevalue(person)
    client = client_for(user)
    response = client.get(url) if method == "GET" else client.post(url, {})
    assert response.status_code == expected, f"{method} {url} as {person}"


def test_an_alert_from_a_report_belongs_to_the_organization_serving_the_reports_area(lakeview, client_for):
    """Drift: the report page asked only for the report's area and the one around it, so an organizer of a region
    and of another organization got the alert filed under the other one (and its language, and its audit trail)."""
    region = AreaFactory(name="Valley", slug="valley", kind="region")
    town = AreaFactory(name="Millbrook", slug="millbrook", kind="city", parent=region)
    square = AreaFactory(name="Old Square", slug="old-square", parent=town)
    elsewhere = OrganizationFactory(name="Lakeview Aid", areas=[lakeview])
    valley_network = OrganizationFactory(name="Valley Network", areas=[region])
    organizer = UserFactory(email="valley.organizer@example.org")
    MembershipFactory(organization=elsewhere, user=organizer)
    MembershipFactory(organization=valley_network, user=organizer)
    report = ReportFactory(area=square, status="confirmed")
    client_for(with_two_factor(organizer)).post(reverse("alerts:report_to_alert", args=[report.pk]))
    assert Alert.objects.get(source_report=report).organization == valley_network
