"""Issue 16, item 3: the family answers the check-in after help from its link or by a 1/2/3 text reply."""

import re

import pytest
from twilio.request_validator import RequestValidator

from aidhub.alerts.models import Subscriber
from aidhub.core.models import AuditEvent
from aidhub.matching.models import CheckIn, FamilyCheckIn, Match
from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest
from tests.factories import SubscriberFactory, language
from tests.needs.helpers import help_form, token_from

WEBHOOK = "/hooks/alerts/twilio/sms/"
AUTH_TOKEN = "twilio-test-auth-token"

# "Did you get help" as each family reads the check-in text.
ASKED = {"es": "recibió ayuda", "ar": "هل حصلت على مساعدة", "ht": "Èske ou te jwenn èd"}


@pytest.fixture
def twilio_settings(settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    return settings


def _signed_post(client, params):
    signature = RequestValidator(AUTH_TOKEN).compute_signature(f"https://aidhub.test{WEBHOOK}", params)
    return client.post(WEBHOOK, params, headers={"x-twilio-signature": signature})


def _done(client, client_for, area, volunteer, offer, organizer, capture, language="es"):
    """A family asks, a volunteer accepts and marks the help as given: the family is asked how it went."""
    response = client.post(f"/{language}/help/", help_form(area))
    help_request = HelpRequest.objects.latest("pk")
    token = token_from(response["Location"])
    help_request.status = "reviewed"
    help_request.save()
    match = Match.objects.create(help_request=help_request, volunteer=volunteer, offer=offer, status="accepted")
    sms.outbox.clear()
    with capture(execute=True):
        client_for(volunteer).post(f"/en/my/matches/{match.pk}/done/")
    client.logout()
    return help_request, match, token


@pytest.mark.parametrize("language", ["es", "ar", "ht"])
def test_the_family_is_asked_in_its_language_and_answers_yes_from_its_link(
    client, client_for, eastside, volunteer, offer, organizer, django_capture_on_commit_callbacks, language
):
    help_request, match, _token = _done(
        client, client_for, eastside, volunteer, offer, organizer, django_capture_on_commit_callbacks, language
    )
    [message] = sms.outbox
    assert ASKED[language] in message["body"]
    assert "1" in message["body"] and "3" in message["body"]
    link = re.search(r"https://aidhub.test(\S+)", message["body"]).group(1)
    page = client.get(link)
    assert 'name="answer"' in page.text
    token = re.search(r"k=([A-Za-z0-9_-]+)", link).group(1)
    response = client.post(f"/{language}/help/status/check-in/", {"k": token, "answer": "helped"})
    assert response.status_code == 302
    help_request.refresh_from_db()
    match.refresh_from_db()
    assert help_request.status == "done" and match.status == "done"
    assert match.check_in.outcome == CheckIn.Outcome.HELPED
    assert AuditEvent.objects.filter(action="check_in_answered", target_id=match.pk).exists()
    # The organizer sees it on the request's page.
    detail = client_for(organizer).get(f"/en/organize/requests/{help_request.pk}/")
    assert "Yes, I got help" in detail.text


def test_a_text_reply_2_reopens_the_match(
    client, client_for, eastside, volunteer, offer, organizer, twilio_settings, django_capture_on_commit_callbacks
):
    help_request, match, _token = _done(
        client, client_for, eastside, volunteer, offer, organizer, django_capture_on_commit_callbacks
    )
    assert FamilyCheckIn.objects.get().phone_hash not in ("", "+12025550143")
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _signed_post(client, {"From": "+12025550143", "Body": " 2 "})
    assert response.status_code == 200
    help_request.refresh_from_db()
    match.refresh_from_db()
    assert match.status == "accepted"
    assert help_request.status == "matched"
    assert FamilyCheckIn.objects.get().answered_via == "sms"
    [thanks] = sms.outbox
    assert "gracias" in thanks["body"].lower()


def test_a_text_reply_3_opens_a_follow_up(
    client, client_for, eastside, volunteer, offer, organizer, twilio_settings, django_capture_on_commit_callbacks
):
    help_request, match, _token = _done(
        client, client_for, eastside, volunteer, offer, organizer, django_capture_on_commit_callbacks
    )
    _signed_post(client, {"From": "+12025550143", "Body": "3"})
    match.refresh_from_db()
    assert match.check_in.outcome == CheckIn.Outcome.NEEDS_MORE
    assert HelpRequest.objects.filter(follow_up_of=help_request).exists()


def test_stop_and_other_numbers_still_go_to_the_alerts(
    client, client_for, eastside, volunteer, offer, organizer, twilio_settings, django_capture_on_commit_callbacks
):
    _done(client, client_for, eastside, volunteer, offer, organizer, django_capture_on_commit_callbacks)
    subscriber = SubscriberFactory(phone="+12025550143", language=language("es"), areas=[eastside])
    _signed_post(client, {"From": "+12025550143", "Body": "STOP"})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    # A 1 from a number with no check-in waiting changes nothing.
    _signed_post(client, {"From": "+12025550199", "Body": "1"})
    assert FamilyCheckIn.objects.get().answer == ""


def test_an_unsigned_reply_is_refused(
    client, client_for, eastside, volunteer, offer, organizer, twilio_settings, django_capture_on_commit_callbacks
):
    _done(client, client_for, eastside, volunteer, offer, organizer, django_capture_on_commit_callbacks)
    response = client.post(WEBHOOK, {"From": "+12025550143", "Body": "1"})
    assert response.status_code == 403
    assert FamilyCheckIn.objects.get().answer == ""


def test_another_familys_link_cannot_answer(
    client, client_for, eastside, volunteer, offer, organizer, django_capture_on_commit_callbacks
):
    _done(client, client_for, eastside, volunteer, offer, organizer, django_capture_on_commit_callbacks)
    other = client.post("/es/help/", help_form(eastside, first_name="Otra"))
    other_token = token_from(other["Location"])
    client.post("/es/help/status/check-in/", {"k": other_token, "answer": "helped"})
    assert FamilyCheckIn.objects.get().answer == ""
    assert client.post("/es/help/status/check-in/", {"k": "b" * 32, "answer": "helped"}).status_code == 404


def test_the_organizers_check_in_form_shows_language_and_contact_without_an_empty_choice(
    client_for, done_match, organizer
):
    page = client_for(organizer).get(f"/en/organize/matches/{done_match.pk}/check-in/")
    assert "Select an option" not in page.text
    assert 'value=""' not in page.text.split('name="outcome"')[0][-200:]
    assert done_match.help_request.language.native_name in page.text
    assert "How to reach the family" in page.text
    assert AuditEvent.objects.filter(action="contact_shown", actor=organizer).exists()
