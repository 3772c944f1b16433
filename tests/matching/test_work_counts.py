"""Issue 17, item 1: organizers land on the dashboard, which counts what waits for them (each count a database
count over their scope, linking to the list it counts), and the menu shows the same counts as a badge."""

from datetime import timedelta

from django.utils import timezone

from aidhub.alerts.models import Alert, Report
from aidhub.matching.models import CheckIn, Match
from aidhub.needs.models import HelpRequest
from aidhub.offers.models import Offer
from tests.factories import (
    AlertFactory,
    HelpRequestFactory,
    MatchFactory,
    OfferFactory,
    ReportFactory,
    organizer_with_authenticator,
)
from tests.helpers import get_with_queries, sign_in_with_two_factor, totp_code


def _work(eastside, lakeview, organization, author, n=1):
    """n of every kind of waiting work in Eastside, and the same in Lakeview (another organizer's)."""
    old = timezone.now() - timedelta(days=5)
    for area in (eastside, lakeview):
        for _ in range(n):
            OfferFactory(status="pending", areas=[area], published_at=None)
            HelpRequestFactory(area=area, status="new")
            HelpRequestFactory(area=area, status="needs_info")
            HelpRequestFactory(area=area, status="reviewed")
            MatchFactory(help_request=HelpRequestFactory(area=area, status="done"), status="done", done_at=old)
            checked = MatchFactory(
                help_request=HelpRequestFactory(area=area, status="done"), status="done", done_at=old
            )
            CheckIn.objects.create(match=checked, outcome="helped")
            # Help given three months ago is past asking about: not overdue any more.
            MatchFactory(
                help_request=HelpRequestFactory(area=area, status="done"),
                status="done",
                done_at=timezone.now() - timedelta(days=90),
            )
            ReportFactory(area=area)
            AlertFactory(organization=organization, author=author, areas=[area], status="pending")


def _expected(organizer, eastside):
    areas = [eastside.pk, eastside.parent_id]
    requests = HelpRequest.objects.filter(area__in=areas)
    return {
        "offers_to_review": Offer.objects.filter(status="pending", areas__in=areas).distinct().count(),
        "new": requests.filter(status="new").count(),
        "needs_info": requests.filter(status="needs_info").count(),
        "waiting": requests.filter(status="reviewed").count(),
        "check_ins_overdue": Match.objects.filter(
            help_request__area__in=areas,
            status="done",
            check_in__isnull=True,
            done_at__gte=timezone.now() - timedelta(days=60),
        ).count(),
        "alerts_to_verify": Alert.objects.filter(status="pending", areas__in=areas).distinct().count(),
        "reports_to_vet": Report.objects.filter(area__in=areas, status__in=["new", "verifying"]).count(),
    }


def test_each_count_on_the_dashboard_is_the_database_count_of_the_organizers_scope(
    client_for, organizer, second_organizer, organization, eastside, lakeview
):
    _work(eastside, lakeview, organization, second_organizer, n=2)
    response = client_for(organizer).get("/en/organize/")
    counts = response.context["work_counts"]
    expected = _expected(organizer, eastside)
    assert expected == {
        "offers_to_review": 2,
        "new": 2,
        "needs_info": 2,
        "waiting": 2,
        "check_ins_overdue": 2,
        "alerts_to_verify": 2,
        "reports_to_vet": 2,
    }
    assert counts.offers_to_review == expected["offers_to_review"]
    assert counts.requests["new"] == expected["new"]
    assert counts.requests["needs_info"] == expected["needs_info"]
    assert counts.requests["waiting"] == expected["waiting"]
    assert counts.check_ins_overdue == expected["check_ins_overdue"]
    assert counts.alerts_to_verify == expected["alerts_to_verify"]
    assert counts.reports_to_vet == expected["reports_to_vet"]
    # Each count links to the list it counts.
    for link in (
        'href="/en/organize/offers/"',
        'href="/en/organize/requests/?status=new"',
        'href="/en/organize/requests/?status=needs_info"',
        'href="/en/organize/requests/?status=reviewed"',
        'href="/en/organize/alerts/"',
        'href="/en/organize/reports/"',
        'href="#check-ins"',
    ):
        assert link in response.text
    # The menu: the total as a badge, with words for screen readers.
    total = counts.total
    menu = f'<span class="visually-hidden">Waiting for you: {total}</span><span aria-hidden="true">{total}</span>'
    assert menu in response.text


def test_the_queue_a_count_links_to_lists_as_many_requests(
    client_for, organizer, second_organizer, organization, eastside, lakeview
):
    _work(eastside, lakeview, organization, second_organizer, n=3)
    client = client_for(organizer)
    counts = client.get("/en/organize/").context["work_counts"]
    response = client.get("/en/organize/requests/?status=new")
    assert response.context["page"].paginator.count == counts.requests["new"] == 3


def test_the_counts_take_as_many_queries_for_many_rows_as_for_few(
    client_for, organizer, second_organizer, organization, eastside, lakeview
):
    client = client_for(organizer)
    _work(eastside, lakeview, organization, second_organizer, n=1)
    # The figures below the counts are a cached fragment (test_dashboard.py): warm it first.
    client.get("/en/organize/")
    _response, few = get_with_queries(client, "/en/organize/")
    _work(eastside, lakeview, organization, second_organizer, n=4)
    _response, many = get_with_queries(client, "/en/organize/")
    assert many == few


def test_an_organizer_lands_on_the_dashboard_after_signing_in(client, organization, eastside):
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    organizer_with_authenticator(organization, "lands@example.org", secret)
    response = sign_in_with_two_factor(client, "lands@example.org", "a-good-long-test-password", secret)
    assert response.redirect_chain[-1][0] == "/en/organize/"
    assert "work_counts" in response.context


def test_a_volunteer_still_lands_on_my_page(client, volunteer):
    response = client.post("/en/accounts/login/", {"login": volunteer.email, "password": "a-good-long-test-password"})
    assert response["Location"] == "/en/my/"


def test_a_next_link_still_wins_over_the_dashboard(client, organization):
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    organizer_with_authenticator(organization, "next@example.org", secret)
    client.post(
        "/en/accounts/login/?next=/en/organize/volunteers/",
        {"login": "next@example.org", "password": "a-good-long-test-password"},
    )
    response = client.post("/en/accounts/2fa/authenticate/?next=/en/organize/volunteers/", {"code": totp_code(secret)})
    assert response["Location"] == "/en/organize/volunteers/"


def test_no_badge_for_volunteers_nor_on_public_pages(client_for, volunteer, organizer):
    assert "waiting for you" not in client_for(volunteer).get("/en/events/").text
    assert "work_counts" not in client_for(organizer).get("/en/events/").context
