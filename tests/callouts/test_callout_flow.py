"""A call-out from the organizer's form to a match: one message per volunteer in their language, a YES by a signed
text message, the match made from it, the call-out closed and the others told."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from twilio.request_validator import RequestValidator

from aidhub.callouts.models import Callout, CalloutRecipient
from aidhub.core.models import AuditEvent
from aidhub.matching.models import Match
from aidhub.messaging import sms
from tests.callouts.conftest import PHONES, callout_form
from tests.factories import HelpRequestFactory

WEBHOOK = "/hooks/alerts/twilio/sms/"
AUTH_TOKEN = "twilio-test-auth-token"


@pytest.fixture
def twilio_settings(settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.SITE_URL = "https://aidhub.test"
    return settings


def signed_text(client, sender, body):
    params = {"From": sender, "Body": body, "MessageSid": f"SM{sender[-4:]}{body}"}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(f"https://aidhub.test{WEBHOOK}", params)
    return client.post(WEBHOOK, params, headers={"x-twilio-signature": signature})


def send_callout(client, area, capture, **changes):
    with capture(execute=True):
        response = client.post("/en/organize/callouts/new/", {**callout_form(area, **changes), "send": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Callout.objects.get()


def test_a_callout_sends_one_message_per_volunteer_in_their_language(
    client_for, organizer, drivers, eastside, django_capture_on_commit_callbacks
):
    callout = send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["amina@example.org", "lucía@example.org", "tom@example.org"]
    assert "¿puede ayudar" in by_address["lucía@example.org"].subject
    assert "مساعدة عائلة" in by_address["amina@example.org"].subject
    assert by_address["tom@example.org"].subject == "Urgent: can you help a family soon?"
    # Each email carries that volunteer's own private link.
    links = {re.search(r"\?k=([\w-]+)", message.body).group(1) for message in mail.outbox}
    assert len(links) == 3
    assert "reply YES or NO to our text message" not in by_address["tom@example.org"].body  # no phone given

    texts = {message["to"]: message["body"] for message in sms.outbox}
    assert sorted(texts) == sorted(PHONES.values())
    assert "Responda SI o NO" in texts[PHONES["es"]]
    assert "نعم" in texts[PHONES["ar"]]
    assert all("A driver to the clinic" in body for body in texts.values())

    assert callout.recipients.count() == 3
    event = AuditEvent.objects.get(action=AuditEvent.Action.CALLOUT_SENT)
    assert event.details["recipients"] == 3 and event.details["texted"] == 2


def test_a_yes_by_signed_text_is_recorded_and_a_match_is_made_from_it(
    client, client_for, organizer, drivers, eastside, twilio_settings, django_capture_on_commit_callbacks
):
    help_request = HelpRequestFactory(area=eastside, status="reviewed", category="rides")
    callout = send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    client.logout()
    sms.outbox.clear()
    mail.outbox = []

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_text(client, PHONES["es"], "Sí")
    assert response.status_code == 200
    answer = CalloutRecipient.objects.get(volunteer=drivers["es"])
    assert (answer.answer, answer.answered_via) == ("yes", "sms")
    assert sms.outbox[-1]["to"] == PHONES["es"] and "gracias" in sms.outbox[-1]["body"].lower()

    # The organizer sees it on the call-out's page, and makes the match with one click.
    organizer_client = client_for(organizer)
    page = organizer_client.get(f"/en/organize/callouts/{callout.pk}/answers/")
    assert "Lucía" in page.text and "Make the match" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(
            f"/en/organize/callouts/{callout.pk}/answers/{answer.pk}/match/", {"help_request": help_request.pk}
        )
    assert response.status_code == 302
    match = Match.objects.get()
    assert (match.volunteer, match.help_request, match.status) == (drivers["es"], help_request, "proposed")
    answer.refresh_from_db()
    assert answer.match == match

    # One was needed: the call-out is filled, and the two others are told, in their language.
    callout.refresh_from_db()
    assert callout.status == "filled"
    told = {message.to[0]: message.subject for message in mail.outbox}
    assert "amina@example.org" in told and "tom@example.org" in told
    assert "lucía@example.org" in told  # the match proposal (matching's own email)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CALLOUT_CLOSED).count() == 1
    assert AuditEvent.objects.filter(action=AuditEvent.Action.MATCH_PROPOSED).count() == 1


def test_a_no_in_arabic_by_text_is_recorded(
    client, client_for, organizer, drivers, eastside, twilio_settings, django_capture_on_commit_callbacks
):
    send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        signed_text(client, PHONES["ar"], "لا")
    assert CalloutRecipient.objects.get(volunteer=drivers["ar"]).answer == "no"


def test_the_matching_rules_still_apply_to_a_match_from_a_callout(
    client_for, organizer, drivers, eastside, django_capture_on_commit_callbacks
):
    """A request of another kind of help: matching's own rule refuses, nothing is made and the call-out stays open."""
    food_request = HelpRequestFactory(area=eastside, status="reviewed", category="food")
    callout = send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    answer = callout.recipients.get(volunteer=drivers["en"])
    CalloutRecipient.objects.filter(pk=answer.pk).update(answer="yes", answered_at=timezone.now())
    response = client_for(organizer).post(
        f"/en/organize/callouts/{callout.pk}/answers/{answer.pk}/match/", {"help_request": food_request.pk}, follow=True
    )
    assert "cannot be asked for this request" in response.text
    assert not Match.objects.exists()
    callout.refresh_from_db()
    assert callout.is_open


def test_the_volunteers_link_shows_the_callout_and_answers_only_by_its_button(
    client, client_for, organizer, drivers, eastside, django_capture_on_commit_callbacks
):
    send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    client.logout()
    message = next(message for message in mail.outbox if message.to == ["tom@example.org"])
    token = re.search(r"\?k=([\w-]+)", message.body).group(1)
    page = client.get(f"/en/callouts/answer/?k={token}")
    assert page.status_code == 200 and "A driver to the clinic" in page.text
    # Opening the link (a mail scanner, a link preview) answered nothing.
    assert CalloutRecipient.objects.get(volunteer=drivers["en"]).answer == ""
    response = client.post("/en/callouts/answer/", {"k": token, "answer": "yes"})
    assert response.status_code == 302
    assert CalloutRecipient.objects.get(volunteer=drivers["en"]).answer == "yes"
    assert "You said you can help." in client.get(response["Location"]).text


def test_the_count_shows_who_it_reaches_and_what_the_texts_cost(client_for, organizer, drivers, eastside):
    response = client_for(organizer).post("/en/organize/callouts/new/count/", callout_form(eastside))
    assert response.status_code == 200
    assert "3 volunteers" in response.text
    # Two texts, each in its reader's language: the Spanish one fits one GSM-7 segment; the Arabic one is UCS-2
    # (70 characters a segment) and takes two.
    assert "2 by text message and email (3 text segments in all)" in response.text
    assert "<html" not in response.text  # the partial alone, for htmx
    # Without JavaScript, "Count" posts the whole form and the page shows the same.
    page = client_for(organizer).post("/en/organize/callouts/new/", {**callout_form(eastside), "count": "1"})
    assert "3 volunteers" in page.text and not Callout.objects.exists()


def test_a_callout_to_nobody_is_not_sent(client_for, organizer, eastside):
    response = client_for(organizer).post("/en/organize/callouts/new/", {**callout_form(eastside), "send": "1"})
    assert response.status_code == 200
    assert "reaches no volunteer" in response.text
    assert not Callout.objects.exists()


def test_closing_tells_the_volunteers(client_for, organizer, drivers, eastside, django_capture_on_commit_callbacks):
    callout = send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(f"/en/organize/callouts/{callout.pk}/close/")
    callout.refresh_from_db()
    assert callout.status == "closed"
    assert len(mail.outbox) == 3
    # A YES after closing is not recorded.
    assert CalloutRecipient.objects.filter(callout=callout).exclude(answer="").count() == 0


def test_old_callouts_no_longer_take_text_answers(
    client, client_for, organizer, drivers, eastside, twilio_settings, django_capture_on_commit_callbacks
):
    send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    CalloutRecipient.objects.update(texted_at=timezone.now() - timedelta(days=4))
    client.logout()
    signed_text(client, PHONES["es"], "YES")
    assert CalloutRecipient.objects.filter(answer="yes").count() == 0


def test_closing_texts_those_who_said_yes_by_text_in_their_language(
    client, client_for, organizer, drivers, eastside, twilio_settings, django_capture_on_commit_callbacks
):
    callout = send_callout(client_for(organizer), eastside, django_capture_on_commit_callbacks)
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        signed_text(client, PHONES["ar"], "نعم")
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(f"/en/organize/callouts/{callout.pk}/close/")
    # Amina said yes by text: she gets a text too, in Arabic; Lucía, who did not answer, gets only the email.
    assert [message["to"] for message in sms.outbox] == [PHONES["ar"]]
    assert "أُغلق النداء" in sms.outbox[0]["body"]
