"""Issue 19: organizers' charts. Figures of the organizer's scope only, counts of fewer than 5 people hidden as
"< 5" in the chart, the table and the CSV, the queries flat as requests grow, the period filter safe."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from aidhub.catalogs import live as catalogs_live
from aidhub.core.models import AuditEvent
from aidhub.insights.selectors import Period, monday_of
from aidhub.lib import fragments
from aidhub.needs.models import RequestMessage
from tests.factories import (
    EventFactory,
    HelpRequestFactory,
    MatchFactory,
    ShiftFactory,
    ShiftSignupFactory,
    UserFactory,
    language,
)
from tests.helpers import assert_in_language, get_with_queries, sign_in

PAGE = "/en/organize/insights/"


def _csv(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _this_week_at(hour):
    """A moment of this week (Monday, at `hour`), in the past."""
    monday = timezone.make_aware(
        timezone.datetime.combine(monday_of(timezone.localdate()), timezone.datetime.min.time())
    )
    return min(monday + timedelta(hours=hour), timezone.now() - timedelta(minutes=1))


def _requests(area, n, **fields):
    fields.setdefault("created_at", timezone.now())
    return [HelpRequestFactory(area=area, **fields) for _ in range(n)]


def test_the_page_shows_every_chart_with_its_table_and_csv_link(client_for, organizer, eastside):
    _requests(eastside, 6, category="legal", language=language("ar"))
    response = client_for(organizer).get(PAGE)
    assert response.status_code == 200
    for title in (
        "Requests received and met",
        "Time to first contact and to help given",
        "Unmet requests by language",
        "Unmet requests by kind of help",
        "Unmet requests by area",
        "Volunteers active each week",
        "Volunteer places at events",
    ):
        assert f">{title}</caption>" in response.text
    # Four charts have figures; the three without (no contact, volunteer or event yet) say so.
    assert response.text.count('role="img"') == response.text.count("<desc id=") == 4
    assert response.text.count("Nothing to show for these weeks.") == 3
    assert "style=" not in response.text.split("<main", 1)[1]
    for slug in (
        "requests",
        "response-times",
        "unmet-language",
        "unmet-category",
        "unmet-area",
        "volunteers",
        "events",
    ):
        assert f'href="/en/organize/insights/{slug}.csv"' in response.text


def test_the_dashboard_links_to_the_charts(client_for, organizer):
    assert 'href="/en/organize/insights/"' in client_for(organizer).get("/en/organize/").text


def test_fewer_than_five_people_show_as_less_than_five_in_the_chart_the_table_and_the_csv(
    client_for, organizer, eastside, city
):
    _requests(eastside, 3, category="legal")  # 3: hidden
    _requests(city, 7, category="food")  # 7: shown
    client = client_for(organizer)
    page = client.get(PAGE).text
    unmet = page.split('id="unmet-category-title"', 1)[1].split("</section>", 1)[0]
    chart, table = unmet.split("</svg>", 1)
    assert ">&lt; 5</text>" in chart and ">7</text>" in chart
    assert ">3<" not in unmet
    assert '<bdi dir="ltr">&lt; 5</bdi>' in table and '<bdi dir="ltr">7</bdi>' in table
    rows = _csv(client.get("/en/organize/insights/unmet-category.csv"))
    assert rows[0] == ["Kind of help", "Unmet requests"]
    assert rows[1:] == [["Food", "7"], ["Legal help", "< 5"]]
    weekly = _csv(client.get("/en/organize/insights/requests.csv"))
    assert weekly[-1][1] == "10"  # 10 received this week: shown
    assert weekly[-1][2] == "0"


def test_small_groups_come_last_by_name_so_that_their_order_tells_nothing(client_for, organizer, eastside):
    _requests(eastside, 1, category="legal")
    _requests(eastside, 4, category="rides")
    _requests(eastside, 5, category="food")
    rows = _csv(client_for(organizer).get("/en/organize/insights/unmet-category.csv"))
    assert rows[1:] == [["Food", "5"], ["Legal help", "< 5"], ["Rides", "< 5"]]


def test_medians_need_five_requests_and_are_counted_per_week(client_for, organizer, eastside, volunteer):
    start = _this_week_at(0) - timedelta(weeks=1)  # last week's Monday, midnight
    for hours in (1, 2, 3, 4, 50):
        help_request = HelpRequestFactory(area=eastside, created_at=start, status="done")
        MatchFactory(
            help_request=help_request,
            volunteer=volunteer,
            status="done",
            answered_at=start + timedelta(hours=hours),
            done_at=start + timedelta(hours=hours * 2),
        )
    # An earlier question from the organizers is the first contact.
    asked = HelpRequestFactory(area=eastside, created_at=start)
    RequestMessage.objects.create(help_request=asked, author="network", text="?", created_at=start + timedelta(hours=1))
    # This week: 4 requests contacted, too few for a median.
    for _ in range(4):
        MatchFactory(
            help_request=HelpRequestFactory(area=eastside, created_at=_this_week_at(0)),
            volunteer=volunteer,
            status="accepted",
            answered_at=_this_week_at(1),
        )
    rows = _csv(client_for(organizer).get("/en/organize/insights/response-times.csv"))
    assert rows[0][1:] == [
        "Median hours to first contact",
        "Median hours to help given",
        "Requests contacted",
        "Requests helped",
    ]
    last_week, this_week = rows[-2], rows[-1]
    assert last_week[1:] == ["2.5", "6.0", "6", "5"]  # contacts after 1, 1, 2, 3, 4, 50 hours; done after 2…100
    assert this_week[1:] == ["", "", "< 5", "0"]


def test_volunteers_are_counted_once_a_week_whatever_they_did(client_for, organizer, organization, eastside):
    volunteers = [UserFactory() for _ in range(6)]
    moment = _this_week_at(2)
    event = EventFactory(
        organization=organization, area=eastside, starts_at=moment, ends_at=moment + timedelta(hours=2)
    )
    shift = ShiftFactory(event=event, places=10)
    for volunteer in volunteers:
        help_request = HelpRequestFactory(area=eastside, created_at=moment, status="done")
        MatchFactory(help_request=help_request, volunteer=volunteer, status="done", answered_at=moment, done_at=moment)
        ShiftSignupFactory(shift=shift, volunteer=volunteer)
    client = client_for(organizer)
    assert _csv(client.get("/en/organize/insights/volunteers.csv"))[-1][1] == "6"
    places = _csv(client.get("/en/organize/insights/events.csv"))
    assert places[0] == ["Week starting", "Places offered", "Places filled", "Events"]
    assert places[-1][1:] == ["10", "6", "1"]


def test_an_organizer_of_another_organization_sees_none_of_the_first_ones_figures(
    client_for, organizer, other_organizer, organization, eastside, lakeview
):
    _requests(eastside, 8, category="legal")
    event = EventFactory(organization=organization, area=eastside, starts_at=_this_week_at(2), ends_at=_this_week_at(3))
    ShiftSignupFactory(shift=ShiftFactory(event=event, places=9))
    _requests(lakeview, 6, category="food")
    client = client_for(other_organizer)
    page = client.get(PAGE).text
    assert "Eastside" not in page and "Riverside" not in page and "Legal help" not in page
    assert _csv(client.get("/en/organize/insights/unmet-area.csv"))[1:] == [["Lakeview", "6"]]
    assert _csv(client.get("/en/organize/insights/requests.csv"))[-1][1] == "6"
    assert all(row[1] == "0" for row in _csv(client.get("/en/organize/insights/events.csv"))[1:])


def _grow(eastside, organization, volunteer, n):
    moment = _this_week_at(1)
    event = EventFactory(
        organization=organization, area=eastside, starts_at=moment, ends_at=moment + timedelta(hours=1)
    )
    for index in range(n):
        help_request = HelpRequestFactory(
            area=eastside, created_at=moment, status="done", category="legal" if index % 2 else "food"
        )
        MatchFactory(
            help_request=help_request, volunteer=UserFactory(), status="done", answered_at=moment, done_at=moment
        )
        RequestMessage.objects.create(help_request=help_request, author="network", text="?", created_at=moment)
        ShiftSignupFactory(shift=ShiftFactory(event=event), volunteer=volunteer)


def _empty_cache():
    """The charts are kept (test below): both counts are of the queries that build them. Everything else the cache
    holds for every page is put back as a running site has it (the version of the translation corrections, which
    a process otherwise reads from the database once when it is missing)."""
    cache.clear()
    catalogs_live.start_without_corrections()


def test_queries_stay_flat_as_requests_grow(client_for, organizer, organization, eastside, volunteer):
    client = client_for(organizer)
    _grow(eastside, organization, volunteer, 5)
    _empty_cache()
    _response, few = get_with_queries(client, PAGE + "?weeks=52")
    _grow(eastside, organization, volunteer, 45)
    _empty_cache()
    response, many = get_with_queries(client, PAGE + "?weeks=52")
    assert many == few
    assert ">50</text>" in response.text


def test_kept_charts_are_kept_per_scope_and_built_again_when_requests_change(
    organizer, other_organizer, organization, eastside, lakeview, django_capture_on_commit_callbacks
):
    """The first organizer's charts are in the cache when the other one looks: the other still sees only their
    own figures. A change to requests (a service bumps "requests" when it commits) shows at the next look."""
    _requests(eastside, 8, category="legal")
    _requests(lakeview, 6, category="food")
    first = sign_in(Client(), organizer)
    assert _csv(first.get("/en/organize/insights/requests.csv"))[-1][1] == "8"
    assert "Legal help" in first.get(PAGE).text
    other = sign_in(Client(), other_organizer)
    assert _csv(other.get("/en/organize/insights/requests.csv"))[-1][1] == "6"
    assert "Legal help" not in other.get(PAGE).text
    _requests(eastside, 2, category="legal")
    assert _csv(first.get("/en/organize/insights/requests.csv"))[-1][1] == "8"  # kept: nothing said it changed
    with django_capture_on_commit_callbacks(execute=True):
        fragments.bump("requests")
    assert _csv(first.get("/en/organize/insights/requests.csv"))[-1][1] == "10"


def test_a_csv_download_is_audited_for_each_organization_of_the_organizer(client_for, organizer, organization):
    response = client_for(organizer).get("/en/organize/insights/volunteers.csv?weeks=4")
    assert response["Content-Disposition"].startswith('attachment; filename="volunteers-')
    entry = AuditEvent.objects.get(action=AuditEvent.Action.EXPORTED)
    assert entry.organization == organization and entry.actor == organizer
    assert entry.details["chart"] == "volunteers" and entry.details["weeks"] == 4
    assert len(_csv(response)) == 1 + 4


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("weeks=abc", "Select a valid choice."),
        ("weeks=7", "Select a valid choice."),
        ("start=2026-13-45&end=2026-01-01", "Enter a valid date."),
        ("start=2026-03-01", "Give both dates, or neither."),
        ("start=2026-03-01&end=2026-02-01", "The second date must not be before the first."),
        ("start=2010-01-01&end=2026-01-01", "Choose at most 104 weeks."),
        ("start=2026-01-01&end=9999-12-31", "Choose dates in the past or the coming year."),
        ("start=0001-01-01&end=0001-01-02", None),
    ],
)
def test_a_wrong_period_is_explained_and_the_default_one_shown(client_for, organizer, query, error):
    client = client_for(organizer)
    response = client.get(f"{PAGE}?{query}")
    assert response.status_code == 200
    if error:
        assert error in response.text
        assert "Showing 12 weeks" in response.text
    assert client.get(f"/en/organize/insights/requests.csv?{query}").status_code == 200


def test_a_period_from_one_date_to_another_shows_those_weeks(client_for, organizer, eastside):
    _requests(eastside, 5, created_at=timezone.make_aware(timezone.datetime(2026, 3, 4, 12)))
    client = client_for(organizer)
    response = client.get(f"{PAGE}?start=2026-03-02&end=2026-03-22")
    assert "Showing 3 weeks" in response.text
    assert '<option value="" selected>The dates below</option>' in response.text
    assert '<option value="12" selected>Last 12 weeks</option>' in client.get(PAGE).text
    rows = _csv(client.get("/en/organize/insights/requests.csv?start=2026-03-02&end=2026-03-22"))
    assert [row[0] for row in rows[1:]] == ["2026-03-02", "2026-03-09", "2026-03-16"]
    assert rows[1][1] == "5"
    assert Period.between(timezone.datetime(2026, 3, 4).date(), timezone.datetime(2026, 3, 4).date()).weeks == 1


def test_an_unknown_chart_answers_404(client_for, organizer):
    assert client_for(organizer).get("/en/organize/insights/nothing.csv").status_code == 404


def test_who_may_not_see_the_charts(client, volunteer, organizer, organization):
    for url in (PAGE, "/en/organize/insights/requests.csv"):
        anonymous = client.get(url)
        assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
        client.force_login(volunteer)
        assert client.get(url).status_code == 403
        client.logout()
        client.force_login(organizer)  # the password only: no second factor in this session
        no_second_factor = client.get(url)
        assert no_second_factor.status_code == 302 and "/organize/" not in no_second_factor["Location"]
        client.logout()
    # A membership of a deactivated organization grants nothing, even with both factors.
    organization.is_active = False
    organization.save()
    sign_in(client, organizer)
    assert client.get(PAGE).status_code == 403
    assert client.get("/en/organize/insights/requests.csv").status_code == 403
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORTED).exists()


@pytest.mark.parametrize("code", ["en", "es", "zh-hans", "vi", "tl", "ar", "fa", "ht", "fr", "pt-br", "ru", "ko"])
def test_the_charts_render_in_every_language(client_for, organizer, eastside, code):
    _requests(eastside, 6, language=language("ar"))
    response = client_for(organizer).get(f"/{code}/organize/insights/")
    assert_in_language(response, code, "Unmet requests by language")
    assert_in_language(response, code, "The figures as a table")
    # A language's own name is marked as written in it, whatever the page's language.
    assert '<bdi lang="ar">العربية</bdi>' in response.text
