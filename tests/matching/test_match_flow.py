"""The whole path of a request through the HTTP client: propose, accept, contact, done, check-in."""

from django.core import mail

from aidhub.core.models import AuditEvent
from aidhub.matching.models import CheckIn, Match
from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest
from tests.needs.helpers import help_form, token_from


def test_from_request_to_check_in(
    client, client_for, organizer, volunteer, offer, eastside, django_capture_on_commit_callbacks
):
    # A family asks in Spanish.
    response = client.post("/es/help/", help_form(eastside, first_name="Canary", description="Canary message"))
    token = token_from(response["Location"])
    help_request = HelpRequest.objects.get()

    # The organizer sees it in the queue and picks the top suggestion.
    organizer_client = client_for(organizer)
    assert help_request.reference_code in organizer_client.get("/en/organize/requests/").text
    suggestions = organizer_client.get(f"/en/organize/requests/{help_request.pk}/suggestions/")
    assert "María" in suggestions.text
    assert "speaks Español" in suggestions.text
    with django_capture_on_commit_callbacks(execute=True):
        organizer_client.post(f"/en/organize/requests/{help_request.pk}/propose/", {"offer": offer.pk})
    match = Match.objects.get()
    assert match.volunteer == volunteer
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.MATCHING
    # The volunteer is told without any personal data of the family.
    (proposal,) = [message for message in mail.outbox if message.to == [volunteer.email]]
    assert "Canary" not in proposal.body
    assert "0143" not in proposal.body
    assert "Eastside" in proposal.body

    # Before accepting, the volunteer sees no contact; nothing is logged.
    volunteer_client = client_for(volunteer)
    page = volunteer_client.get(f"/en/my/matches/{match.pk}/")
    assert "Canary" not in page.text
    assert "0143" not in page.text
    assert not AuditEvent.objects.filter(action="contact_shown").exists()

    # Accepting shows the contact, and every showing is logged.
    with django_capture_on_commit_callbacks(execute=True):
        volunteer_client.post(f"/en/my/matches/{match.pk}/accept/")
    page = volunteer_client.get(f"/en/my/matches/{match.pk}/")
    assert "Canary" in page.text
    assert "(202) 555-0143" in page.text
    assert "Canary message" in page.text
    log = AuditEvent.objects.get(action="contact_shown")
    assert (log.actor, log.target_type, log.target_id) == (volunteer, "needs.helprequest", help_request.pk)
    assert log.organization.name == "Eastside Mutual Aid"
    # The family is told in Spanish, and its status page says so.
    assert "un voluntario se comunicará con usted" in sms.outbox[-1]["body"]
    status = client.get(f"/es/help/status/?k={token}")
    assert "Voluntario encontrado" in status.text

    # The volunteer marks the help as given; the organizers are asked to check in.
    with django_capture_on_commit_callbacks(execute=True):
        volunteer_client.post(f"/en/my/matches/{match.pk}/done/")
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.DONE
    assert any(message.to == [organizer.email] for message in mail.outbox)

    # The organizer records the check-in; "needs more" opens a follow-up request.
    organizer_client = client_for(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(
            f"/en/organize/matches/{match.pk}/check-in/", {"outcome": "needs_more", "note": "Needs diapers too."}
        )
    assert response.status_code == 302
    assert CheckIn.objects.get().outcome == "needs_more"
    follow_up = HelpRequest.objects.get(follow_up_of=help_request)
    assert follow_up.status == HelpRequest.Status.NEW
    assert follow_up.first_name == "Canary"
    assert follow_up.reference_code in sms.outbox[-1]["body"]


def test_decline_returns_the_request_to_the_queue_with_the_reason(
    client_for, proposed_match, organizer, django_capture_on_commit_callbacks
):
    client = client_for(proposed_match.volunteer)
    assert client.post(f"/en/my/matches/{proposed_match.pk}/decline/", {}).status_code == 302
    proposed_match.refresh_from_db()
    assert proposed_match.status == Match.Status.PROPOSED  # no reason, nothing changed
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/my/matches/{proposed_match.pk}/decline/", {"reason": "busy"})
    proposed_match.refresh_from_db()
    assert proposed_match.status == Match.Status.DECLINED
    assert proposed_match.help_request.status == HelpRequest.Status.REVIEWED
    assert mail.outbox[-1].to == [organizer.email]
    detail = client_for(organizer).get(f"/en/organize/requests/{proposed_match.help_request_id}/")
    assert "I am not free at those times" in detail.text


def test_a_volunteer_who_did_not_accept_never_sees_the_contact(client_for, proposed_match, other_volunteer):
    assert client_for(other_volunteer).get(f"/en/my/matches/{proposed_match.pk}/").status_code == 404
    declined = client_for(proposed_match.volunteer)
    declined.post(f"/en/my/matches/{proposed_match.pk}/decline/", {"reason": "busy"})
    page = declined.get(f"/en/my/matches/{proposed_match.pk}/")
    assert "Rosa" not in page.text
    assert "0143" not in page.text


def test_organizer_of_another_area_gets_404(client_for, other_organizer, help_request):
    client = client_for(other_organizer)
    for url in ("/", "/contact/", "/suggestions/"):
        assert client.get(f"/en/organize/requests/{help_request.pk}{url}").status_code == 404
    assert help_request.reference_code not in client.get("/en/organize/requests/").text


def test_organizer_showing_the_contact_is_logged(client_for, organizer, help_request):
    response = client_for(organizer).get(f"/en/organize/requests/{help_request.pk}/contact/")
    assert "(202) 555-0143" in response.text
    assert AuditEvent.objects.filter(actor=organizer, action="contact_shown", target_id=help_request.pk).count() == 1
    assert "0143" not in client_for(organizer).get(f"/en/organize/requests/{help_request.pk}/").text


def test_organizer_status_actions(client_for, organizer, help_request, django_capture_on_commit_callbacks):
    client = client_for(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/es/organize/requests/{help_request.pk}/question/", {"ready": "days"})
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.NEEDS_INFO
    assert "una pregunta sobre su solicitud" in sms.outbox[-1]["body"]
    client.post(f"/en/organize/requests/{help_request.pk}/reviewed/")
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.REVIEWED
    client.post(f"/en/organize/requests/{help_request.pk}/close/", {"reason": "nonsense"})
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.REVIEWED
    client.post(f"/en/organize/requests/{help_request.pk}/close/", {"reason": "duplicate"})
    help_request.refresh_from_db()
    assert (help_request.status, help_request.close_reason) == ("closed", "duplicate")


def test_organizer_withdraws_an_unanswered_proposal(client_for, organizer, proposed_match):
    client_for(organizer).post(f"/en/organize/matches/{proposed_match.pk}/cancel/")
    proposed_match.refresh_from_db()
    assert proposed_match.status == Match.Status.CANCELLED
    assert proposed_match.help_request.status == HelpRequest.Status.REVIEWED


def test_check_in_only_once_and_only_after_help(client_for, organizer, proposed_match, done_match):
    client = client_for(organizer)
    client.post(f"/en/organize/matches/{done_match.pk}/check-in/", {"outcome": "helped"})
    client.post(f"/en/organize/matches/{done_match.pk}/check-in/", {"outcome": "not_helped"})
    assert CheckIn.objects.get().outcome == "helped"
