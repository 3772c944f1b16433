"""Issue 20: the menu's work counts are kept in the cache per organizer scope (aidhub.portal.selectors). A change
made through a service shows on the next page; organizers of another scope never get them; and the scope itself is
asked once per request, never remembered across requests."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aidhub.accounts.services import invitation_accept
from aidhub.alerts.services.alerts import alert_submit, alert_verify
from aidhub.alerts.services.reports import report_create, report_set_status
from aidhub.core.models import Membership
from aidhub.matching.services import check_in_record
from aidhub.needs.services import help_request_mark_reviewed
from aidhub.offers.services import offer_approve, offer_send_back
from aidhub.portal import selectors as portal_selectors
from tests.conftest import with_two_factor
from tests.factories import (
    AlertFactory,
    HelpRequestFactory,
    MatchFactory,
    MembershipFactory,
    OfferFactory,
    OrganizationFactory,
    ReportFactory,
    UserFactory,
)


def _counts(client, url="/en/organize/"):
    """The work counts the page showed (the lazy object of the context processor, read)."""
    counts = client.get(url).context["work_counts"]
    return {
        "offers": counts.offers_to_review,
        **counts.requests,
        "check_ins": counts.check_ins_overdue,
        "alerts": counts.alerts_to_verify,
        "reports": counts.reports_to_vet,
    }


@pytest.fixture
def counting_client(client_for, organizer):
    client = client_for(organizer)
    _counts(client)  # the counts are now kept in the cache
    return client


def _changed(client, capture, change):
    """The counts after `change()`, made as a service makes it: committed, with its versions bumped."""
    before = _counts(client)
    with capture(execute=True):
        change()
    return before, _counts(client)


def test_kept_counts_are_read_without_counting_again(counting_client):
    with CaptureQueriesContext(connection) as queries:
        counting_client.get("/en/organize/requests/")
    assert not [query for query in queries if '"offers_offer"' in query["sql"] and "COUNT(" in query["sql"]]


def test_reviewing_an_offer_updates_the_badge(
    counting_client, organizer, pending_offer, eastside, django_capture_on_commit_callbacks
):
    before, after = _changed(
        counting_client,
        django_capture_on_commit_callbacks,
        lambda: offer_approve(offer=pending_offer, reviewer=organizer),
    )
    assert (before["offers"], after["offers"]) == (1, 0)
    returned = OfferFactory(areas=[eastside], status="pending", published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        offer_approve(offer=OfferFactory(areas=[eastside], status="pending", published_at=None), reviewer=organizer)
    assert _counts(counting_client)["offers"] == 1
    _before, after = _changed(
        counting_client,
        django_capture_on_commit_callbacks,
        lambda: offer_send_back(offer=returned, reviewer=organizer, reason="more_detail"),
    )
    assert after["offers"] == 0


def test_an_invited_volunteer_choosing_a_password_updates_the_badge(
    counting_client, eastside, django_capture_on_commit_callbacks
):
    invited = UserFactory(email="invited@example.org")
    invited.set_unusable_password()
    invited.save()
    OfferFactory(volunteer=invited, areas=[eastside], status="pending", published_at=None)
    assert _counts(counting_client)["offers"] == 0

    def accept():
        invited.set_password("a-good-long-test-password")
        invited.save()
        invitation_accept(user=invited)

    _before, after = _changed(counting_client, django_capture_on_commit_callbacks, accept)
    assert after["offers"] == 1


def test_a_reviewed_request_updates_the_badge(counting_client, eastside, django_capture_on_commit_callbacks):
    new = HelpRequestFactory(area=eastside, status="new")
    with django_capture_on_commit_callbacks(execute=True):
        help_request_mark_reviewed(help_request=HelpRequestFactory(area=eastside, status="new"))
    before, after = _changed(
        counting_client, django_capture_on_commit_callbacks, lambda: help_request_mark_reviewed(help_request=new)
    )
    assert (before["new"], before["waiting"]) == (1, 1)
    assert (after["new"], after["waiting"]) == (0, 2)


def test_a_check_in_updates_the_badge(counting_client, organizer, eastside, django_capture_on_commit_callbacks):
    done = MatchFactory(
        help_request=HelpRequestFactory(area=eastside, status="done"),
        status="done",
        done_at=timezone.now() - timedelta(days=5),
    )
    with django_capture_on_commit_callbacks(execute=True):
        help_request_mark_reviewed(help_request=HelpRequestFactory(area=eastside, status="new"))
    before, after = _changed(
        counting_client,
        django_capture_on_commit_callbacks,
        lambda: check_in_record(match=done, outcome="helped", note="", recorded_by=organizer),
    )
    assert (before["check_ins"], after["check_ins"]) == (1, 0)


def test_submitting_and_verifying_an_alert_updates_the_badge(
    counting_client, organizer, second_organizer, organization, eastside, django_capture_on_commit_callbacks
):
    alert = AlertFactory(organization=organization, author=second_organizer, areas=[eastside])
    before, after = _changed(
        counting_client, django_capture_on_commit_callbacks, lambda: alert_submit(alert=alert, actor=second_organizer)
    )
    assert (before["alerts"], after["alerts"]) == (0, 1)
    alert.refresh_from_db()
    _before, after = _changed(
        counting_client,
        django_capture_on_commit_callbacks,
        lambda: alert_verify(alert=alert, verifier=organizer, revision=alert.revision),
    )
    assert after["alerts"] == 0


def test_a_report_received_and_vetted_updates_the_badge(
    counting_client, organizer, eastside, django_capture_on_commit_callbacks
):
    def receive():
        report_create(
            what="Checkpoint at the bridge.", area=eastside, happened_at=timezone.now(), photo=None, contact=""
        )

    before, after = _changed(counting_client, django_capture_on_commit_callbacks, receive)
    assert (before["reports"], after["reports"]) == (0, 1)
    report = eastside.reports.get()
    _before, after = _changed(
        counting_client,
        django_capture_on_commit_callbacks,
        lambda: report_set_status(report=report, status="confirmed", organizer=organizer),
    )
    assert after["reports"] == 0


def _work_in(area, n):
    for _ in range(n):
        OfferFactory(areas=[area], status="pending", published_at=None)
        HelpRequestFactory(area=area, status="new")
        ReportFactory(area=area)


def test_an_organizer_of_another_organization_never_sees_these_counts(
    client_for, organizer, other_organizer, eastside, lakeview
):
    _work_in(eastside, 2)
    _work_in(lakeview, 3)
    assert _counts(client_for(organizer))["new"] == 2
    # The other organization's organizer, after the first one's counts were kept: their own.
    counts = _counts(client_for(other_organizer))
    assert (counts["offers"], counts["new"], counts["reports"]) == (3, 3, 3)
    assert _counts(client_for(organizer))["reports"] == 2


def test_organizations_of_the_same_areas_keep_their_counts_apart(client_for, organizer, city, monkeypatch):
    """The counts depend on the areas alone today; the key holds the organizations too, so that a count that comes
    to depend on the organization can never show one organization's figure to another."""
    neighbour = with_two_factor(UserFactory(email="neighbour@example.org"))
    MembershipFactory(organization=OrganizationFactory(name="Same Streets", areas=[city]), user=neighbour)
    keys = set()
    cached = portal_selectors.fragments.cached

    def recording(name, parts, **kwargs):
        if name == "work-counts":
            keys.add(portal_selectors.fragments.fragment_key(name, *parts))
        return cached(name, parts, **kwargs)

    monkeypatch.setattr(portal_selectors.fragments, "cached", recording)
    _counts(client_for(organizer))
    _counts(client_for(neighbour))
    assert len(keys) == 2


def test_a_removed_membership_counts_from_the_next_request(client_for, organizer, eastside, lakeview):
    MembershipFactory(organization=OrganizationFactory(areas=[lakeview]), user=organizer)
    _work_in(eastside, 1)
    _work_in(lakeview, 2)
    client = client_for(organizer)
    assert _counts(client)["new"] == 3
    assert client.get("/en/organize/requests/").context["page"].paginator.count == 3
    Membership.objects.filter(user=organizer, organization__areas=lakeview).delete()
    assert _counts(client)["new"] == 1
    assert client.get("/en/organize/requests/").context["page"].paginator.count == 1


def test_one_request_asks_for_the_scope_once(client_for, organizer, eastside):
    _work_in(eastside, 2)
    client = client_for(organizer)
    client.get("/en/organize/requests/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/organize/requests/")
    memberships = [query for query in queries if 'FROM "core_membership"' in query["sql"]]
    assert len(memberships) == 1
