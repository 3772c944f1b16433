"""Organizers' pages with the cache on: organizer A looks first, so that whatever the cache keeps holds A's data; then
organizer B looks, and sees B's data only; then A again, from the cache, still A's. The menu's and the dashboard's
counts hold the same way, whether or not they are kept (aidhub.portal.selectors.organizer_work_counts)."""

import re

import pytest
from django.test import Client

from aidhub.core.selectors import organizer_area_ids
from aidhub.lib.adapters.allauth import activate_totp, new_totp_secret
from aidhub.needs.services import RequestDetails, help_request_submit
from tests.caching.cases import assert_read_back, isolates, uses
from tests.caching.conftest import assert_shows_only_its_own
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, language
from tests.helpers import sign_in

DASHBOARD = "/en/organize/"
QUEUE = "/en/organize/requests/"
INSIGHTS = "/en/organize/insights/"


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response.text


def _a_then_b_then_a(side_a, side_b, url):
    """The page as A, B, then A again: (A's first, B's, A's second)."""
    first = _get(side_a.organizer_client(), url)
    other = _get(side_b.organizer_client(), url)
    again = _get(side_a.organizer_client(), url)
    return first, other, again


def _in_scope_key(use, user):
    """The fragment's key names the organizer's areas (the scope its figures are read over)."""
    return sorted(organizer_area_ids(user)) in [sorted(part) for part in use.parts if isinstance(part, list)]


@isolates("dashboard")
def test_dashboard_figures_are_kept_per_organization(side_a, side_b, fragment_log):
    first, other, again = _a_then_b_then_a(side_a, side_b, DASHBOARD)
    # A's oldest unmet requests and the volunteer A is waiting for; none of it for B, who sees their own.
    assert "RVA-001" in first and "Quill Volunteer" in first
    assert_shows_only_its_own(other, side_b, side_a, where="B's dashboard after A's")
    assert "LKB-001" in other and "Bramble Volunteer" in other
    assert "RVA-001" in again
    assert_shows_only_its_own(again, side_a, side_b, where="A's dashboard after B's")
    assert_read_back(fragment_log, "dashboard")
    first_use, b_use, a_use = uses(fragment_log, "dashboard")
    assert _in_scope_key(first_use, side_a.organizer) and _in_scope_key(b_use, side_b.organizer)
    assert b_use.built, "B's figures were built for B, not read from A's"
    assert not a_use.built


@isolates("dashboard", "queue-filters")
def test_another_organization_serving_the_same_areas_shares_only_what_it_sees_anyway(side_a, side_b, fragment_log):
    """Figures and filters are kept per set of areas, not per organization: an organization serving the same areas
    is served A's kept ones, and that shows it nothing new, since requests are seen by area (its own queue, read
    afresh, lists A's requests too)."""
    neighbours = OrganizationFactory(name="Riverside Food Bank", areas=[side_a.area.parent])
    colleague = UserFactory(email="food.bank@example.org")
    MembershipFactory(organization=neighbours, user=colleague)
    activate_totp(colleague, new_totp_secret())
    assert sorted(organizer_area_ids(colleague)) == sorted(organizer_area_ids(side_a.organizer))
    _get(side_a.organizer_client(), DASHBOARD)
    _get(side_a.organizer_client(), QUEUE)
    client = sign_in(Client(), colleague)
    dashboard, queue = _get(client, DASHBOARD), _get(client, QUEUE)
    assert not uses(fragment_log, "dashboard")[-1].built and not uses(fragment_log, "queue-filters")[-1].built
    assert "RVA-001" in dashboard and "RVA-001" in queue
    assert_shows_only_its_own(dashboard, side_a, side_b, where="the dashboard of an organization of A's areas")


@isolates("dashboard")
def test_dashboard_figures_are_kept_per_language(side_a, fragment_log):
    client = side_a.organizer_client()
    english = _get(client, DASHBOARD)
    spanish = _get(client, "/es/organize/")
    english_use, spanish_use = uses(fragment_log, "dashboard")
    assert spanish_use.built and spanish_use.result != english_use.result
    assert spanish_use.result in spanish and english_use.result not in spanish
    assert english_use.result in english


@isolates("dashboard", "queue-filters", "insights")
def test_organizers_of_the_same_organization_share_what_is_kept(side_a, side_b, second_organizer, fragment_log):
    """The other way round: a second organizer of A, same scope, is served A's kept fragments (the cache is really
    shared by scope, so the cases above prove the key, not a cache that keeps nothing)."""
    colleague = sign_in(Client(), second_organizer)
    for url in (DASHBOARD, QUEUE, INSIGHTS):
        _get(side_a.organizer_client(), url)
        assert_shows_only_its_own(_get(colleague, url), side_a, side_b, where=f"A's colleague's {url}")
    for name in ("dashboard", "queue-filters", "insights"):
        first, second = uses(fragment_log, name)
        assert first.built and not second.built, name


def _option_labels(html):
    return re.findall(r"<option[^>]*>([^<]*)</option>", html)


@isolates("queue-filters")
def test_queue_filters_offer_only_the_organizers_own_areas(side_a, side_b, fragment_log):
    _first, other, again = _a_then_b_then_a(side_a, side_b, QUEUE)
    a_filters, b_filters, a_again = (use.result for use in uses(fragment_log, "queue-filters"))
    assert any("Eastside" in label for label in _option_labels(a_filters))
    assert not any("Eastside" in label or "Riverside" in label for label in _option_labels(b_filters))
    assert any("Lakeview" in label for label in _option_labels(b_filters))
    assert_shows_only_its_own(other, side_b, side_a, where="B's queue after A's")
    assert_shows_only_its_own(again, side_a, side_b, where="A's queue after B's")
    assert a_again == a_filters
    assert_read_back(fragment_log, "queue-filters")


@isolates("queue-filters")
def test_queue_filters_with_the_other_organizations_area_in_the_query(side_a, side_b, fragment_log):
    """B asks for A's area in the query string A used: B's filters are B's (the area is no choice of B's)."""
    query = f"?area={side_a.area.pk}&status=new"
    first = _get(side_a.organizer_client(), QUEUE + query)
    assert "RVA-001" in first
    other = _get(side_b.organizer_client(), QUEUE + query)
    assert_shows_only_its_own(other, side_b, side_a, where="B's queue filtered on A's area")
    _a_use, b_use = uses(fragment_log, "queue-filters")
    assert b_use.built and _in_scope_key(b_use, side_b.organizer)


@isolates("insights")
def test_charts_are_kept_per_organization(side_a, side_b, fragment_log):
    first, other, again = _a_then_b_then_a(side_a, side_b, INSIGHTS)
    assert "Eastside" in first
    assert_shows_only_its_own(other, side_b, side_a, where="B's charts after A's")
    assert "Lakeview" in other
    assert_shows_only_its_own(again, side_a, side_b, where="A's charts after B's")
    assert_read_back(fragment_log, "insights")
    a_use, b_use, _again = uses(fragment_log, "insights")
    assert b_use.built and _in_scope_key(a_use, side_a.organizer) and _in_scope_key(b_use, side_b.organizer)


def _badge_after(html, link_text):
    """The number in the badge after the link `link_text` (the dashboard's list of what waits)."""
    found = re.search(re.escape(link_text) + r'</a> <span class="badge[^"]*">(\d+)</span>', html)
    assert found, f"no count for {link_text!r}"
    return int(found.group(1))


def _menu_total(html):
    found = re.search(r"Waiting for you: (\d+)", html)
    return int(found.group(1)) if found else 0


@pytest.mark.parametrize("url", [DASHBOARD, QUEUE, "/en/organize/alerts/"])
def test_work_counts_are_each_organizers_own(side_a, side_b, url):
    """A has 3 new requests and B 1: each sees their own number on the dashboard and in the menu's badge, in
    whichever order they look, whether the counts are read afresh or kept per scope."""
    for _round in range(2):
        for side in (side_a, side_b):
            html = _get(side.organizer_client(), url)
            assert _menu_total(html) == side.work_total, f"{url}: the menu's badge of {side.organization}"
            if url == DASHBOARD:
                assert _badge_after(html, "New requests") == side.new_requests
                assert _badge_after(html, "Alerts waiting for verification") == (1 if side is side_a else 0)
                assert _badge_after(html, "Community reports to vet") == (2 if side is side_a else 1)


@isolates("work-counts")
def test_work_counts_are_kept_per_scope(side_a, side_b, second_organizer, fragment_log):
    """The menu's counts are kept per scope (the organizations and their areas): A's are built for A, B's for B (never
    read from A's), A's colleague of the same organization is served A's, and A is served them again."""
    _a_then_b_then_a(side_a, side_b, QUEUE)
    colleague = _get(sign_in(Client(), second_organizer), QUEUE)
    assert _menu_total(colleague) == side_a.work_total
    assert_read_back(fragment_log, "work-counts")
    first, b_use, again, colleague_use = uses(fragment_log, "work-counts")
    assert _in_scope_key(first, side_a.organizer) and _in_scope_key(b_use, side_b.organizer)
    assert first.built and b_use.built and not again.built and not colleague_use.built
    assert b_use.result.requests["new"] == side_b.new_requests
    assert again.result.requests["new"] == side_a.new_requests


@isolates("work-counts")
def test_an_organization_of_the_same_areas_keeps_its_own_work_counts(side_a, fragment_log):
    """Unlike the dashboard's figures, the counts are not shared with another organization serving the same areas:
    their key holds the organizations too, so a count that came to depend on the organization could not leak."""
    neighbours = OrganizationFactory(name="Riverside Food Bank", areas=[side_a.area.parent])
    colleague = UserFactory(email="food.bank@example.org")
    MembershipFactory(organization=neighbours, user=colleague)
    activate_totp(colleague, new_totp_secret())
    _get(side_a.organizer_client(), QUEUE)
    _get(sign_in(Client(), colleague), QUEUE)
    first, other = uses(fragment_log, "work-counts")
    assert first.built and other.built
    assert first.parts != other.parts


def test_work_counts_follow_a_change_in_one_organization_only(side_a, side_b, django_capture_on_commit_callbacks):
    """A family asks A for help (through the service, which says what changed): A's count grows, B's does not."""
    _get(side_a.organizer_client(), DASHBOARD)
    _get(side_b.organizer_client(), DASHBOARD)
    details: RequestDetails = {
        "category": "legal",
        "language": language("es"),
        "area": side_a.area,
        "first_name": "Rosa",
        "contact_method": "text",
        "contact_value": "+12025550143",
        "urgency": "week",
        "description": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        help_request_submit(details=details, submission_id="a-fourth-request-of-a", language="es", tell=False)
    assert _badge_after(_get(side_a.organizer_client(), DASHBOARD), "New requests") == 4
    assert _badge_after(_get(side_b.organizer_client(), DASHBOARD), "New requests") == 1


# Organizer pages, cached today or not: each shows A's data to A and none of it to B after A looked (and back). The
# second element is what A's page must show, so that the case is not vacuous.
ORGANIZER_PAGES = [
    (DASHBOARD, "RVA-001"),
    (QUEUE, "RVA-001"),
    (QUEUE + "?status=new", "RVA-001"),
    ("/en/organize/offers/", "Quill offer waiting for review"),
    ("/en/organize/alerts/", "Quill alert 0"),
    ("/en/organize/reports/", "Eastside"),
    ("/en/organize/events/", "Quill draft event"),
    ("/en/organize/volunteers/", "Quill Volunteer"),
    ("/en/organize/volunteers/confirmations/", None),
    ("/en/organize/resources/", None),
    ("/en/organize/callouts/", None),
    ("/en/organize/audit/", None),
    ("/en/organize/api-tokens/", None),
    (INSIGHTS, "Eastside"),
    (INSIGHTS + "?weeks=4", "Eastside"),
]


@pytest.mark.parametrize(("url", "shown_to_a"), ORGANIZER_PAGES)
def test_no_organizer_page_shows_another_organizations_data(side_a, side_b, url, shown_to_a):
    first, other, again = _a_then_b_then_a(side_a, side_b, url)
    if shown_to_a:
        assert shown_to_a in first and shown_to_a in again
    assert_shows_only_its_own(first, side_a, side_b, where=f"A's {url}")
    assert_shows_only_its_own(other, side_b, side_a, where=f"B's {url} after A's")
    assert_shows_only_its_own(again, side_a, side_b, where=f"A's {url} after B's")


@isolates("night-interpreters")
def test_night_interpreters_are_kept_per_language_and_area_and_name_no_one(
    side_a, side_b, legal_night_served, lawyer_shift, fragment_log
):
    """A legal aid night's interpreters are kept per family language, lawyers' languages, area and page language:
    what matching would suggest to anyone who sees that night, read afresh (no organizer or organization in them).
    A's night is served from the cache the second time; B cannot open it, and B's own area builds its own."""
    from aidhub.matching.suggestions import interpreter_suggestions_for_language
    from aidhub.matching.templatetags.matching import interpreters_for
    from tests.events.test_night_interpreters import _interpreter

    sara = lawyer_shift.signups.get(volunteer__email="sara@example.org").volunteer
    sara.volunteer_profile.languages.set([language("en")])
    _interpreter("Inés", side_a.area, ["ar", "en"])
    url = f"/en/organize/events/{legal_night_served.pk}/"
    first, again = _get(side_a.organizer_client(), url), _get(side_a.organizer_client(), url)
    assert "Inés" in first and "Inés" in again
    assert side_b.organizer_client().get(url).status_code == 404
    assert_read_back(fragment_log, "night-interpreters")
    interpreters_for(language("ar"), [language("en").pk], side_b.area)
    a_use, _again, b_use = uses(fragment_log, "night-interpreters")
    assert b_use.built and a_use.parts != b_use.parts
    for use in (a_use, b_use):
        _page_language, family_language, bridge, area = use.parts
        fresh = interpreter_suggestions_for_language(
            language=language("ar"), bridge_language_ids=bridge, area=type(side_a.area).objects.get(pk=area)
        )
        assert family_language == language("ar").pk and use.result == fresh
