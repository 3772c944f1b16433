from aidhub.needs.models import HelpRequest
from tests.needs.helpers import help_form


def test_organizer_enters_a_request_for_a_caller(client_for, organizer, eastside):
    client = client_for(organizer)
    response = client.post("/en/organize/requests/new/", help_form(eastside))
    assert response.status_code == 200
    help_request = HelpRequest.objects.get()
    assert help_request.source == HelpRequest.Source.HOTLINE
    assert help_request.entered_by == organizer
    # The caller speaks Spanish: messages to them are in Spanish.
    assert help_request.message_language == "es"
    assert help_request.reference_code in response.text
    assert "/en/help/status/?k=" in response.text
    assert "hotline" in client.get("/en/organize/requests/").text


def test_a_volunteer_cannot_enter_requests(client_for, volunteer, eastside):
    response = client_for(volunteer).post("/en/organize/requests/new/", help_form(eastside))
    assert response.status_code == 403
    assert HelpRequest.objects.count() == 0
