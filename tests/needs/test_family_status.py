from aidhub.core.models import AuditEvent
from aidhub.matching.models import Match
from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest
from aidhub.needs.services import record_contact_shown
from tests.factories import HelpRequestFactory
from tests.helpers import antibot_fields
from tests.needs.helpers import help_form, token_from


def _submit(client, area, **changes):
    response = client.post("/es/help/", help_form(area, **changes))
    return HelpRequest.objects.latest("pk"), token_from(response["Location"])


def test_status_page_shows_where_it_stands_in_the_family_language(client, eastside):
    _help_request, token = _submit(client, eastside)
    response = client.get(f"/es/help/status/?k={token}")
    assert "Nueva" in response.text
    assert "Un organizador de su zona la leerá pronto" in response.text
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    assert "noindex" in response.text


def test_one_link_never_shows_another_request(client, eastside):
    _first, first_token = _submit(client, eastside, first_name="Primera")
    second, _second_token = _submit(client, eastside, first_name="Segunda")
    response = client.get(f"/en/help/status/?k={first_token}")
    assert "Primera" in response.text
    assert "Segunda" not in response.text
    assert second.reference_code not in response.text
    assert client.get(f"/en/help/status/?k={first_token[:-2]}xx").status_code == 404
    assert client.get("/en/help/status/?k=").status_code == 404


def test_family_changes_its_request(client, eastside, lakeview):
    help_request, token = _submit(client, eastside)
    data = help_form(lakeview, first_name="Rosa María", contact_value="202 555 0199", k=token)
    data.pop("submission_id")
    response = client.post("/es/help/status/change/", data)
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.first_name == "Rosa María"
    assert help_request.area == lakeview
    assert help_request.contact_value == "+12025550199"


def test_after_a_volunteer_accepts_only_the_contact_can_change(client, eastside, lakeview):
    help_request, token = _submit(client, eastside)
    help_request.status = HelpRequest.Status.MATCHED
    help_request.save()
    data = help_form(lakeview, contact_value="202 555 0199", category="legal", k=token)
    data.pop("submission_id")
    client.post("/es/help/status/change/", data)
    help_request.refresh_from_db()
    assert help_request.contact_value == "+12025550199"
    assert help_request.area == eastside
    assert help_request.category == "food"


def test_family_withdraws(client, eastside):
    help_request, token = _submit(client, eastside)
    assert client.get("/en/help/status/withdraw/").status_code == 405
    response = client.post("/en/help/status/withdraw/", {"k": token})
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.WITHDRAWN


def test_delete_removes_every_row_holding_the_family_data(client, eastside, volunteer, organizer, offer):
    help_request, token = _submit(client, eastside, first_name="Canary")
    match = Match.objects.create(help_request=help_request, volunteer=volunteer, offer=offer, status="accepted")
    follow_up = HelpRequestFactory(follow_up_of=help_request, area=eastside)
    record_contact_shown(help_request=help_request, user=volunteer)
    confirm = client.get(f"/es/help/status/delete/?k={token}")
    assert "Sí, borrar todo" in confirm.text
    response = client.post("/es/help/status/delete/", {"k": token})
    assert response["Location"] == "/es/help/deleted/"
    assert not HelpRequest.objects.filter(pk__in=[help_request.pk, follow_up.pk]).exists()
    assert not Match.objects.filter(pk=match.pk).exists()
    # The audit trail keeps only ids: who looked, at which request number, when.
    log = AuditEvent.objects.get(action="contact_shown")
    assert (log.target_type, log.target_id, log.actor) == ("needs.helprequest", help_request.pk, volunteer)
    assert {field.name for field in AuditEvent._meta.fields} == {
        "id",
        "actor",
        "action",
        "target_type",
        "target_id",
        "organization",
        "details",  # counts and choices only (an alert's recipients), empty for a family's request
        "created_at",
    }
    assert log.details == {}
    assert client.get(f"/es/help/status/?k={token}").status_code == 404


def test_lost_link_found_with_code_and_contact_and_old_link_stops_working(
    client, eastside, django_capture_on_commit_callbacks
):
    help_request, token = _submit(client, eastside)
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        wrong = client.post(
            "/es/help/find/",
            {"reference_code": help_request.reference_code, "contact": "202 555 0100", **antibot_fields()},
        )
        code_typed_loosely = help_request.reference_code.lower().replace("-", " ")
        response = client.post(
            "/es/help/find/", {"reference_code": code_typed_loosely, "contact": "(202) 555-0143", **antibot_fields()}
        )
    # The page says the same either way; the new link goes to the phone on the request, in Spanish.
    assert wrong["Location"] == response["Location"] == "/es/sent/"
    # The old link no longer opens the request: it says it was replaced (issue 16).
    old = client.get(f"/es/help/status/?k={token}")
    assert old.status_code == 410
    assert help_request.reference_code not in old.text
    [message] = sms.outbox
    assert message["to"] == "+12025550143"
    assert "enlace" in message["body"]
    new_token = token_from(message["body"])
    assert new_token != token
    assert client.get(f"/es/help/status/?k={new_token}").status_code == 200
