"""The API's endpoints as a program uses them: what they answer, what they refuse, what they record."""

import pytest
from django.core.cache import cache

from aidhub.alerts.models import Alert
from aidhub.core.models import AuditEvent
from aidhub.events.models import Shift
from aidhub.matching.models import Match
from aidhub.needs.models import HelpRequest
from tests.factories import (
    EventFactory,
    HelpRequestFactory,
    MatchFactory,
    OfferFactory,
    ResourceFactory,
    ShiftFactory,
    ShiftSignupFactory,
    UserFactory,
    language,
)
from tests.helpers import api_token_for


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def post(client, url, body, token):
    return client.post(url, body, content_type="application/json", headers=bearer(token))


# ---- public ----


def test_public_offers_show_what_the_page_shows_and_no_volunteer(client, offer, pending_offer):
    body = client.get("/api/public/offers").json()
    assert [item["title"] for item in body["items"]] == ["Comidas calientes"]  # the pending one is not listed
    assert body["count"] == 1
    item = body["items"][0]
    assert "volunteer" not in " ".join(item) and offer.volunteer.email not in str(body)
    assert item["languages"] == ["es"]


def test_public_offers_use_the_pages_filters_and_keyset_pages(client, offer, eastside, settings):
    settings.OFFERS_PER_PAGE = 2
    for n in range(4):
        OfferFactory(title=f"Ride {n}", category="supplies", areas=[eastside])
    rides = client.get("/api/public/offers", {"category": "supplies"}).json()
    assert rides["count"] == 4 and len(rides["items"]) == 2 and rides["next_cursor"]
    more = client.get("/api/public/offers", {"category": "supplies", "after": rides["next_cursor"]}).json()
    assert {i["title"] for i in rides["items"]} | {i["title"] for i in more["items"]} == {f"Ride {n}" for n in range(4)}


def test_public_offers_are_kept_until_an_offer_changes(client, eastside, organizer, django_capture_on_commit_callbacks):
    """The answer is kept like the page's list: the same again without a query, and new once an organizer
    publishes an offer (the service marks the offers as changed when its transaction commits)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from aidhub.offers.services import offer_approve

    OfferFactory(title="Soup", category="food", areas=[eastside])
    first = client.get("/api/public/offers").json()
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/api/public/offers").json()
    assert again == first and len(captured) == 0
    waiting = OfferFactory(title="Bread", category="food", areas=[eastside], status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        offer_approve(offer=waiting, reviewer=organizer)
    titles = {item["title"] for item in client.get("/api/public/offers").json()["items"]}
    assert titles == {"Soup", "Bread"}


def test_a_filter_that_is_not_valid_is_a_problem_not_a_silent_full_list(client, db):
    response = client.get("/api/public/offers", {"category": "unicorns"})
    assert response.status_code == 422 and response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["query", "category"]


def test_public_events_with_open_shifts_and_slots_and_no_drafts(client, event, shift, organization):
    EventFactory(organization=organization, status="draft", title="Secret draft")
    body = client.get("/api/public/events").json()
    assert [item["title"] for item in body["items"]] == ["Legal aid night"]
    assert body["items"][0]["shifts"][0]["taken"] == 1 and body["items"][0]["open_volunteer_places"] == 1


def test_public_reference_data(client, eastside):
    assert "eastside" in {area["slug"] for area in client.get("/api/public/areas").json()}
    categories = client.get("/api/public/categories", headers={"Accept-Language": "es"}).json()
    assert {"code": "food", "label": "Comida"} in categories
    assert "es" in {item["code"] for item in client.get("/api/public/languages").json()}


def test_public_resources(client, resource):
    assert [item["id"] for item in client.get("/api/public/resources").json()["items"]] == [resource.pk]


LISTS = {
    "/api/public/offers": lambda n, ctx: [
        OfferFactory(areas=[ctx["eastside"]], languages=[language("es")]) for _ in range(n)
    ],
    "/api/public/events": lambda n, ctx: [
        ShiftFactory(event=EventFactory(organization=ctx["organization"], area=ctx["eastside"])) for _ in range(n)
    ],
    "/api/public/resources": lambda n, ctx: [ResourceFactory(organization=ctx["organization"]) for _ in range(n)],
    "/api/offers": lambda n, ctx: [OfferFactory(areas=[ctx["eastside"]], status="pending") for _ in range(n)],
    "/api/requests": lambda n, ctx: [HelpRequestFactory(area=ctx["eastside"]) for _ in range(n)],
    "/api/matches": lambda n, ctx: [MatchFactory(help_request__area=ctx["eastside"]) for _ in range(n)],
    "/api/events": lambda n, ctx: [EventFactory(organization=ctx["organization"]) for _ in range(n)],
}


@pytest.mark.parametrize("url", LISTS)
def test_list_endpoints_run_the_same_queries_for_2_or_12_rows(client, organizer, organization, eastside, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    headers = bearer(api_token_for(organizer))
    context = {"organization": organization, "eastside": eastside}

    def queries():
        cache.clear()
        client.get(url, headers=headers)  # the first use of a token notes when it was used: one write, once
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, headers=headers)
        assert response.status_code == 200
        return len(captured), len(response.json()["items"])

    LISTS[url](2, context)
    few, shown = queries()
    LISTS[url](10, context)
    many, shown_more = queries()
    assert shown_more > shown
    assert many == few, url


def test_event_signups_queries_stay_flat(client, organizer, event):
    headers = bearer(api_token_for(organizer))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        client.get(f"/api/events/{event.pk}/signups", headers=headers)  # the token's first use is noted once
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/events/{event.pk}/signups", headers=headers).status_code == 200
        return len(captured)

    ShiftSignupFactory(shift=ShiftFactory(event=event))
    few = queries()
    for _ in range(5):
        ShiftSignupFactory(shift=ShiftFactory(event=event))
    assert queries() == few


# ---- organizers ----


def test_requests_carry_no_contact_and_the_contact_endpoint_is_audited(client, organizer, help_request):
    token = api_token_for(organizer, contacts=True)
    listed = client.get("/api/requests", headers=bearer(token)).json()["items"][0]
    assert "Rosa" not in str(listed) and "+1202" not in str(listed) and "children" not in str(listed)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CONTACT_SHOWN).exists()
    contact = client.get(f"/api/requests/{help_request.pk}/contact", headers=bearer(token)).json()
    assert contact["first_name"] == "Rosa" and contact["contact_value"] == "+12025550143"
    shown = AuditEvent.objects.get(action=AuditEvent.Action.CONTACT_SHOWN)
    assert (shown.action, shown.actor, shown.target_id) == ("contact_shown", organizer, help_request.pk)


def test_a_token_without_the_contacts_choice_never_reads_a_contact(client, organizer, help_request):
    response = client.get(f"/api/requests/{help_request.pk}/contact", headers=bearer(api_token_for(organizer, "write")))
    assert response.status_code == 403 and "Rosa" not in response.text
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CONTACT_SHOWN).exists()


def test_hotline_intake_through_the_intake_service(client, organizer, intake_body):
    token = api_token_for(organizer, "write")
    body = {**intake_body, "submission_id": "api-intake-0123456789abcdef"}
    first = post(client, "/api/requests", body, token)
    assert first.status_code == 201 and first.json()["created"] is True
    created = HelpRequest.objects.get()
    assert (created.source, created.entered_by) == ("hotline", organizer)
    assert "?k=" in first.json()["status_link"]
    again = post(client, "/api/requests", body, token)
    assert again.json() == {**first.json(), "created": False} and HelpRequest.objects.count() == 1


def test_intake_errors_are_the_forms_errors(client, organizer, intake_body):
    response = post(
        client, "/api/requests", {**intake_body, "contact_method": "pigeon"}, api_token_for(organizer, "write")
    )
    assert response.status_code == 422
    assert ["body", "contact_method"] in [error["loc"] for error in response.json()["errors"]]
    assert not HelpRequest.objects.exists()


def test_read_only_tokens_cannot_write_anything(client, organizer, intake_body):
    response = post(client, "/api/requests", intake_body, api_token_for(organizer, "read"))
    assert response.status_code == 403 and response.json()["type"].endswith("#problem-forbidden")
    assert not HelpRequest.objects.exists()


def test_proposing_follows_the_matching_rules(client, organizer, help_request, eastside):
    token = api_token_for(organizer, "write")
    stranger = OfferFactory(category="legal", areas=[eastside])  # another kind of help
    refused = post(client, "/api/matches", {"request": help_request.pk, "offer": stranger.pk}, token)
    assert refused.status_code == 409 and refused.json()["reasons"]
    assert not Match.objects.exists()


def test_a_proposal_is_made_and_followed(client, organizer, propose_body):
    token = api_token_for(organizer, "write")
    made = post(client, "/api/matches", propose_body, token)
    assert made.status_code == 201 and made.json()["status"] == "proposed"
    followed = client.get(f"/api/matches/{made.json()['id']}", headers=bearer(token)).json()
    assert followed["request"] == propose_body["request"]
    assert post(client, "/api/matches", propose_body, token).status_code == 409


def test_offer_review_sends_back_with_a_reason(client, organizer, pending_offer):
    token = api_token_for(organizer, "write")
    response = post(
        client, f"/api/offers/{pending_offer.pk}/review", {"decision": "send_back", "reason": "more_detail"}, token
    )
    assert response.status_code == 200 and response.json()["status"] == "returned"
    assert post(client, f"/api/offers/{pending_offer.pk}/review", {"decision": "approve"}, token).status_code == 409


def test_events_are_created_as_drafts_and_shifts_added(client, organizer, event_body):
    token = api_token_for(organizer, "write")
    made = post(client, "/api/events", event_body, token)
    assert made.status_code == 201 and made.json()["status"] == "draft"
    shift = post(
        client,
        f"/api/events/{made.json()['id']}/shifts",
        {"role": "welcome", "starts_at": event_body["starts_at"], "ends_at": event_body["ends_at"], "places": 3},
        token,
    )
    assert shift.status_code == 201 and Shift.objects.get().places == 3


def test_an_event_for_an_organization_one_does_not_organize_is_refused(client, other_organizer, event_body):
    response = post(client, "/api/events", event_body, api_token_for(other_organizer, "write"))
    assert response.status_code == 422 and ["body", "organization"] in [e["loc"] for e in response.json()["errors"]]


def test_alerts_are_only_drafted(client, organizer, alert_body):
    made = post(client, "/api/alerts", alert_body, api_token_for(organizer, "write"))
    assert made.status_code == 201 and made.json()["status"] == "draft"
    assert Alert.objects.get().status == "draft"


def test_an_alert_text_in_a_language_the_organization_does_not_send_is_refused(client, organizer, alert_body):
    body = {**alert_body, "texts": {**alert_body["texts"], "xx": "?"}}
    response = post(client, "/api/alerts", body, api_token_for(organizer, "write"))
    assert response.status_code == 422 and not Alert.objects.exists()


def test_signups_list_the_events_volunteers(client, organizer, shift):
    body = client.get(f"/api/events/{shift.event_id}/signups", headers=bearer(api_token_for(organizer))).json()
    assert [item["volunteer_name"] for item in body["items"]] == ["María"]


# ---- rate limits ----


def test_each_token_has_its_own_limit(client, organizer, settings):
    settings.API_RATES = {"token": (3, 600), "public": (100, 600)}
    first, second = api_token_for(organizer), api_token_for(organizer)
    for _ in range(3):
        assert client.get("/api/requests", headers=bearer(first)).status_code == 200
    refused = client.get("/api/requests", headers=bearer(first))
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused["Content-Type"] == "application/problem+json"
    assert client.get("/api/requests", headers=bearer(second)).status_code == 200


def test_public_endpoints_are_limited_per_address(client, settings, db):
    settings.API_RATES = {"token": (100, 600), "public": (2, 600)}
    assert client.get("/api/public/areas").status_code == 200
    assert client.get("/api/public/areas").status_code == 200
    assert client.get("/api/public/areas").status_code == 429
    assert client.get("/api/public/areas", REMOTE_ADDR="203.0.113.9").status_code == 200


def test_an_unknown_volunteer_is_nobody(client, db):
    UserFactory()
    assert client.get("/api/offers").status_code == 401


@pytest.mark.parametrize("url", ["/api/offers", "/api/requests", "/api/matches", "/api/events"])
def test_another_organizations_token_lists_none_of_our_work(
    client, other_organizer, pending_offer, proposed_match, event, url
):
    """The lists of another area's organizer: none of Riverside's offers, requests, matches or events."""
    body = client.get(url, headers=bearer(api_token_for(other_organizer))).json()
    assert body["items"] == [] and body["count"] == 0


@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_any_other_api_path_answers_a_problem(client, db, method):
    response = getattr(client, method)("/api/no/such/thing")
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    assert response.json()["type"].endswith("#problem-not-found")
