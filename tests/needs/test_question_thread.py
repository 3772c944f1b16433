"""Issue 16, item 1: the organizers ask the family a question; the family answers on its status page."""

import re

import pytest
from django.core import mail

from aidhub.core.models import AuditEvent
from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest, RequestMessage
from tests.needs.helpers import help_form, token_from


def _submit(client, area, language="es", **changes):
    response = client.post(f"/{language}/help/", help_form(area, **changes))
    return HelpRequest.objects.latest("pk"), token_from(response["Location"])


def _link(body):
    return re.search(r"https?://\S+", body).group(0)


# The ready question "Which days are you free?" as each family reads it.
DAYS = {"es": "¿Qué días está libre?", "ar": "ما الأيام التي تكون فيها متاحًا؟", "ht": "Ki jou ou lib?"}


@pytest.mark.parametrize("language", ["es", "ar", "ht"])
def test_a_ready_question_reaches_the_family_in_its_language_with_its_link(
    client, client_for, eastside, organizer, language, django_capture_on_commit_callbacks
):
    help_request, _token = _submit(client, eastside, language=language)
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(organizer).post(
            f"/en/organize/requests/{help_request.pk}/question/", {"ready": "days", "text": ""}
        )
    assert response["Location"] == f"/en/organize/requests/{help_request.pk}/"
    [message] = sms.outbox
    assert message["to"] == "+12025550143"
    assert DAYS[language] in message["body"]
    assert f"/{language}/help/status/?k=" in message["body"]
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.NEEDS_INFO
    assert AuditEvent.objects.filter(action="question_asked", target_id=help_request.pk, actor=organizer).exists()
    # The link in the message opens the family's page, which shows the question and a reply box.
    client.logout()
    page = client.get(_link(message["body"]).replace("https://aidhub.test", ""))
    assert page.status_code == 200
    assert DAYS[language] in page.text
    assert 'name="text"' in page.text


def test_a_family_reached_by_email_gets_the_question_by_email(
    client, client_for, eastside, organizer, django_capture_on_commit_callbacks
):
    help_request, _token = _submit(client, eastside, contact_method="email", contact_value="rosa@example.net")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(
            f"/en/organize/requests/{help_request.pk}/question/", {"ready": "come_to", "place": "Casa Comunal"}
        )
    [email] = mail.outbox
    assert email.to == ["rosa@example.net"]
    assert "¿Puede venir a Casa Comunal?" in email.body
    assert "/es/help/status/?k=" in email.body


def test_the_family_answers_and_the_request_is_answered_in_the_queue(
    client, client_for, eastside, organizer, django_capture_on_commit_callbacks
):
    help_request, token = _submit(client, eastside)
    organizer_client = client_for(organizer)
    organizer_client.post(f"/en/organize/requests/{help_request.pk}/question/", {"text": "¿Tiene carro?"})
    organizer_client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/es/help/status/reply/", {"k": token, "text": "No, pero mi hermana sí."})
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.ANSWERED
    reply = RequestMessage.objects.get(help_request=help_request, author="family")
    assert reply.text == "No, pero mi hermana sí."
    # Encrypted like the rest of the request: the words are not in the database row.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM needs_requestmessage WHERE id = %s", [reply.pk])
        assert "hermana" not in cursor.fetchone()[0]
    assert any("answered" in email.subject for email in mail.outbox)
    assert all("hermana" not in email.body for email in mail.outbox)
    # The thread on the family's page: newest last, who said what.
    page = client.get(f"/es/help/status/?k={token}")
    assert page.text.index("¿Tiene carro?") < page.text.index("No, pero mi hermana sí.")
    assert "Usted" in page.text and "La red" in page.text
    # The organizer finds it with the queue's filter, and reads it on the request's page.
    organizer_client = client_for(organizer)
    queue = organizer_client.get("/en/organize/requests/?status=answered")
    assert help_request.reference_code in queue.text
    detail = organizer_client.get(f"/en/organize/requests/{help_request.pk}/")
    assert "No, pero mi hermana sí." in detail.text
    # A second round is the same thread.
    organizer_client.post(f"/en/organize/requests/{help_request.pk}/question/", {"ready": "language"})
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.NEEDS_INFO
    assert help_request.messages.count() == 3


def test_an_empty_answer_is_refused_in_words_and_nothing_is_saved(client, client_for, eastside, organizer):
    help_request, token = _submit(client, eastside)
    client_for(organizer).post(f"/en/organize/requests/{help_request.pk}/question/", {"text": "¿Tiene carro?"})
    client.logout()
    response = client.post("/es/help/status/reply/", {"k": token, "text": "  "})
    assert response.status_code == 400
    assert "Escriba su respuesta" in response.text
    assert not RequestMessage.objects.filter(author="family").exists()


def test_a_family_not_asked_anything_cannot_post_an_answer(client, eastside):
    _help_request, token = _submit(client, eastside)
    client.post("/es/help/status/reply/", {"k": token, "text": "Hola"})
    assert not RequestMessage.objects.exists()
    assert 'name="text"' not in client.get(f"/es/help/status/?k={token}").text


def test_another_familys_token_cannot_answer(client, client_for, eastside, organizer):
    asked, _asked_token = _submit(client, eastside, first_name="Primera")
    _other, other_token = _submit(client, eastside, first_name="Segunda")
    client_for(organizer).post(f"/en/organize/requests/{asked.pk}/question/", {"text": "¿Tiene carro?"})
    client.logout()
    client.post("/es/help/status/reply/", {"k": other_token, "text": "Intruso"})
    assert not RequestMessage.objects.filter(author="family").exists()
    assert "¿Tiene carro?" not in client.get(f"/es/help/status/?k={other_token}").text
    assert client.post("/es/help/status/reply/", {"k": "x" * 32, "text": "Intruso"}).status_code == 404


def test_an_organizer_of_another_area_cannot_ask_or_see(client, client_for, eastside, organizer, other_organizer):
    help_request, _token = _submit(client, eastside)
    client_for(organizer).post(f"/en/organize/requests/{help_request.pk}/question/", {"text": "¿Tiene carro?"})
    other = client_for(other_organizer)
    assert other.get(f"/en/organize/requests/{help_request.pk}/question/").status_code == 404
    assert other.post(f"/en/organize/requests/{help_request.pk}/question/", {"text": "Hola"}).status_code == 404
    assert other.get(f"/en/organize/requests/{help_request.pk}/").status_code == 404
    assert help_request.messages.count() == 1


def test_volunteers_and_sessions_without_the_second_factor_cannot_ask(client, eastside, volunteer, organizer):
    help_request, _token = _submit(client, eastside)
    client.force_login(volunteer)
    assert client.post(f"/en/organize/requests/{help_request.pk}/question/", {"text": "Hola"}).status_code == 403
    client.logout()
    client.force_login(organizer)  # the password only: no second factor in this session
    response = client.post(f"/en/organize/requests/{help_request.pk}/question/", {"text": "Hola"})
    assert response.status_code == 302
    assert "/organize/" not in response["Location"]
    assert not help_request.messages.exists()


def test_a_question_needs_words_or_a_ready_one_and_a_place(client, client_for, eastside, organizer):
    help_request, _token = _submit(client, eastside)
    organizer_client = client_for(organizer)
    empty = organizer_client.post(f"/en/organize/requests/{help_request.pk}/question/", {"ready": ""})
    assert empty.status_code == 200
    assert "Choose a ready question or write one." in empty.text
    no_place = organizer_client.post(f"/en/organize/requests/{help_request.pk}/question/", {"ready": "come_to"})
    assert "Write the place the family should come to." in no_place.text
    assert not help_request.messages.exists()
    page = organizer_client.get(f"/en/organize/requests/{help_request.pk}/question/")
    assert "Which days are you free?" in page.text
