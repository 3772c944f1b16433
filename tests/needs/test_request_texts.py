"""Issue 18: the organizer (and the volunteer who accepted) text a family through the network's number from the
request's page; the family's replies by text join the request's thread."""

import pytest
from django.core import mail
from django.test import Client
from twilio.request_validator import RequestValidator

from aidhub.core.models import AuditEvent
from aidhub.matching.models import Match
from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest, RequestMessage
from tests.factories import HelpRequestFactory
from tests.helpers import sign_in

WEBHOOK = "/hooks/alerts/twilio/sms/"
AUTH_TOKEN = "twilio-test-auth-token"
FAMILY = "+12025550143"


@pytest.fixture(autouse=True)
def twilio_settings(settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN


@pytest.fixture
def phone_request(eastside):
    """A request that came by the call-back line: the family never chose to share its number with a volunteer."""
    return HelpRequestFactory(
        area=eastside, status="reviewed", source="phone", contact_method="call", contact_value=FAMILY
    )


def signed_sms(client, sender, body):
    params = {"From": sender, "Body": body, "MessageSid": "SM1"}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(f"https://aidhub.test{WEBHOOK}", params)
    return client.post(WEBHOOK, params, headers={"x-twilio-signature": signature})


def test_the_organizer_texts_and_the_familys_reply_joins_the_thread(
    client, client_for, phone_request, organizer, django_capture_on_commit_callbacks
):
    organizer_client = client_for(organizer)
    page = organizer_client.get(f"/en/organize/requests/{phone_request.pk}/")
    assert "Text message to the family" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(
            f"/en/organize/requests/{phone_request.pk}/text/", {"text": "Hola Rosa, ¿mañana a las 10 le va bien?"}
        )
    assert response.status_code == 302
    [message] = sms.outbox
    assert message["to"] == FAMILY
    assert "Hola Rosa, ¿mañana a las 10 le va bien?" in message["body"]
    event = AuditEvent.objects.get(action="text_sent")
    assert (event.actor, event.target_id) == (organizer, phone_request.pk)
    sent = RequestMessage.objects.get()
    assert FAMILY not in sent.phone_hash and sent.channel == "sms"
    # The family answers by text, from its phone, in a request signed by the provider.
    with django_capture_on_commit_callbacks(execute=True):
        assert signed_sms(Client(), "(202) 555-0143", "Sí, a las 10 está bien").status_code == 200
    reply = RequestMessage.objects.get(author="family")
    assert (reply.help_request, reply.text, reply.channel) == (phone_request, "Sí, a las 10 está bien", "sms")
    phone_request.refresh_from_db()
    assert phone_request.status == "answered"
    page = organizer_client.get(f"/en/organize/requests/{phone_request.pk}/")
    assert "Sí, a las 10 está bien" in page.text and "by text message" in page.text


def test_a_text_from_a_number_nobody_texted_is_left_to_the_next_handler(client, client_for, phone_request, organizer):
    assert signed_sms(client, "+12025550199", "Hola").status_code == 200
    assert not RequestMessage.objects.exists()
    # STOP from a number that was texted is the number's word, not a message of the thread.
    client_for(organizer).post(f"/en/organize/requests/{phone_request.pk}/text/", {"text": "Hola"})
    client.logout()
    assert signed_sms(client, FAMILY, "Stop").status_code == 200
    assert not RequestMessage.objects.filter(author="family").exists()
    # Unsigned: refused, nothing recorded.
    assert client.post(WEBHOOK, {"From": FAMILY, "Body": "Hola"}).status_code == 403


def test_the_accepted_volunteer_sees_the_thread_and_texts_but_never_the_number(
    phone_request, accepted_volunteer, organizer, django_capture_on_commit_callbacks
):
    match = Match.objects.create(help_request=phone_request, volunteer=accepted_volunteer, status="accepted")
    volunteer_client = sign_in(Client(), accepted_volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        response = volunteer_client.post(f"/en/my/matches/{match.pk}/text/", {"text": "I can bring food on Friday."})
    assert response.status_code == 302
    assert sms.outbox[0]["to"] == FAMILY
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signed_sms(Client(), FAMILY, "Thank you, Friday is good")
    # The volunteer who texted is told by email (without the family's words), and so are the organizers.
    told = {tuple(message.to) for message in mail.outbox}
    assert (accepted_volunteer.email,) in told and (organizer.email,) in told
    assert all("Friday" not in message.body for message in mail.outbox)
    page = volunteer_client.get(f"/en/my/matches/{match.pk}/")
    assert "Thank you, Friday is good" in page.text and "I can bring food on Friday." in page.text
    for shape in (FAMILY, "2025550143", "555-0143", "(202) 555"):
        assert shape not in page.text
    assert "the family did not share its number" in page.text


def test_who_may_not_send(client, phone_request, volunteer, other_organizer, organizer, accepted_volunteer):
    url = f"/en/organize/requests/{phone_request.pk}/text/"
    data = {"text": "Hola"}
    assert client.post(url, data).status_code == 302  # anonymous: to sign in
    assert "/accounts/login/" in client.post(url, data)["Location"]
    assert sign_in(Client(), volunteer).post(url, data).status_code == 403
    assert sign_in(Client(), other_organizer).post(url, data).status_code == 404
    without_mfa = Client()
    without_mfa.force_login(organizer)  # the password only: no second factor in this session
    response = without_mfa.post(url, data)
    assert response.status_code == 302 and "/organize/" not in response["Location"]
    # A volunteer whose match is only proposed, or someone else's match: refused.
    match = Match.objects.create(help_request=phone_request, volunteer=accepted_volunteer, status="proposed")
    proposed = sign_in(Client(), accepted_volunteer)
    response = proposed.post(f"/en/my/matches/{match.pk}/text/", data)
    assert response.status_code == 302
    assert sign_in(Client(), volunteer).post(f"/en/my/matches/{match.pk}/text/", data).status_code == 404
    assert not RequestMessage.objects.exists() and not sms.outbox
    assert not AuditEvent.objects.filter(action="text_sent").exists()


def test_the_capability_is_one_function_the_service_asks_too(phone_request, volunteer, organizer):
    from aidhub.needs.services import Refusal, request_text_send

    assert phone_request.may_be_texted_by(organizer)
    assert not phone_request.may_be_texted_by(volunteer)
    with pytest.raises(Refusal):
        request_text_send(actor=volunteer, help_request=phone_request, text="Hola")
    # A request by email has no number to text; a finished one is not texted.
    email_request = HelpRequestFactory(area=phone_request.area, contact_method="email", contact_value="a@example.org")
    assert not email_request.may_be_texted_by(organizer)
    HelpRequest.objects.filter(pk=phone_request.pk).update(status="closed", close_reason="helped")
    phone_request.refresh_from_db()
    assert not phone_request.may_be_texted_by(organizer)


def test_the_retention_purge_forgets_the_numbers_hash_and_later_replies_find_nothing(
    client_for, phone_request, organizer
):
    from datetime import timedelta

    from django.utils import timezone

    from aidhub.needs.services import purge_finished_requests, request_text_reply

    client_for(organizer).post(f"/en/organize/requests/{phone_request.pk}/text/", {"text": "Hola"})
    HelpRequest.objects.filter(pk=phone_request.pk).update(
        status="closed", close_reason="helped", status_changed_at=timezone.now() - timedelta(days=400)
    )
    assert purge_finished_requests(days=30) == [phone_request.pk]
    assert list(RequestMessage.objects.values_list("phone_hash", "text")) == [("", None)]
    assert not request_text_reply(sender=FAMILY, body="Hola?")
