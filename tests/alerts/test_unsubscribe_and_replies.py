import pytest
from django.core import mail
from twilio.request_validator import RequestValidator

from aidhub.alerts.models import Delivery, Subscriber
from aidhub.alerts.services.subscribers import unsubscribe_token
from aidhub.messaging import sms
from tests.factories import AlertFactory, SubscriberFactory, language

WEBHOOK = "/hooks/alerts/twilio/sms/"
AUTH_TOKEN = "twilio-test-auth-token"


@pytest.fixture
def twilio_settings(settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    return settings


def _signed_post(client, params, token=AUTH_TOKEN):
    """Posts as Twilio would: the signature is computed over SITE_URL + path and the form data."""
    signature = RequestValidator(token).compute_signature(f"https://aidhub.test{WEBHOOK}", params)
    return client.post(WEBHOOK, params, headers={"x-twilio-signature": signature})


# The usual words and those of each interface language, as people would type them.
STOP_REPLIES = {
    "en": ["STOP", "stop", "Unsubscribe", "CANCEL", "end", "QUIT", "STOPALL"],
    "es": ["PARA", "para", "Alto", "PARAR", "Cancelar"],
    "ar": ["توقف", "إلغاء", "الغاء"],
}


@pytest.mark.parametrize(
    ("code", "reply"), [(code, reply) for code, replies in STOP_REPLIES.items() for reply in replies]
)
def test_a_stop_word_in_each_interface_language_unsubscribes(client, twilio_settings, eastside, code, reply):
    subscriber = SubscriberFactory(phone="+12025550143", language=language(code), areas=[eastside])
    response = _signed_post(client, {"From": "+12025550143", "Body": f" {reply} ", "MessageSid": "SM1"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_our_own_stop_words_get_a_reply_in_the_subscribers_language(
    client, twilio_settings, eastside, django_capture_on_commit_callbacks
):
    SubscriberFactory(phone="+12025550143", language=language("es"), areas=[eastside])
    SubscriberFactory(phone="+12025550144", language=language("en"), areas=[eastside])
    with django_capture_on_commit_callbacks(execute=True):
        _signed_post(client, {"From": "+12025550143", "Body": "Para"})
        # Twilio itself answers the carriers' STOP: we add nothing.
        _signed_post(client, {"From": "+12025550144", "Body": "STOP"})
    assert [message["to"] for message in sms.outbox] == ["+12025550143"]
    assert "no recibirá más alertas" in sms.outbox[0]["body"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"x-twilio-signature": "forged"}, {"x-twilio-signature": "computed-with-another-token"}],
    ids=["missing", "forged", "wrong-token"],
)
def test_a_request_without_a_valid_signature_is_refused_and_changes_nothing(client, twilio_settings, eastside, headers):
    subscriber = SubscriberFactory(phone="+12025550143", areas=[eastside])
    params = {"From": "+12025550143", "Body": "STOP"}
    if headers.get("x-twilio-signature") == "computed-with-another-token":
        headers = {
            "x-twilio-signature": RequestValidator("another").compute_signature(f"https://aidhub.test{WEBHOOK}", params)
        }
    response = client.post(WEBHOOK, params, headers=headers)
    assert response.status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_a_signature_over_other_data_is_refused(client, twilio_settings, eastside):
    subscriber = SubscriberFactory(phone="+12025550143", areas=[eastside])
    signature = RequestValidator(AUTH_TOKEN).compute_signature(
        f"https://aidhub.test{WEBHOOK}", {"From": "+12025550143", "Body": "hello"}
    )
    response = client.post(WEBHOOK, {"From": "+12025550143", "Body": "STOP"}, headers={"x-twilio-signature": signature})
    assert response.status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed


def test_without_an_auth_token_every_request_is_refused(client, settings, eastside):
    settings.TWILIO_AUTH_TOKEN = ""
    assert client.post(WEBHOOK, {"From": "+12025550143", "Body": "STOP"}).status_code == 403


def test_replying_with_the_code_confirms(client, twilio_settings, eastside, django_capture_on_commit_callbacks):
    from tests.helpers import antibot_fields

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/alerts/subscribe/",
            {"channel": "sms", "phone": "2025550143", "language": language("en").pk, "areas": [eastside.pk]}
            | antibot_fields(),
        )
    code = "".join(ch for ch in sms.outbox[0]["body"].split("code is")[1][:8] if ch.isdigit())
    with django_capture_on_commit_callbacks(execute=True):
        _signed_post(client, {"From": "+12025550143", "Body": f"{code}"})
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_unknown_numbers_and_other_words_change_nothing(client, twilio_settings, eastside):
    subscriber = SubscriberFactory(phone="+12025550143", areas=[eastside])
    assert _signed_post(client, {"From": "+12025550199", "Body": "STOP"}).status_code == 200
    assert _signed_post(client, {"From": "+12025550143", "Body": "thanks!"}).status_code == 200
    assert _signed_post(client, {"From": "not a number", "Body": "STOP"}).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed


def test_email_unsubscribe_link_shows_a_button_and_the_button_unsubscribes(
    client, eastside, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory(email="amal@example.org", language=language("ar"), areas=[eastside])
    url = f"/ar/alerts/unsubscribe/{unsubscribe_token(subscriber)}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "أوقف تنبيهاتي" in page.text
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed  # opening the link (or a mail scanner) changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"{url}confirm/")
    assert "لن تصلك تنبيهات بعد الآن" in done.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert mail.outbox[0].to == ["amal@example.org"]


def test_a_forged_unsubscribe_token_answers_404(client, eastside):
    subscriber = SubscriberFactory(areas=[eastside])
    token = unsubscribe_token(subscriber)
    assert client.get(f"/en/alerts/unsubscribe/{token}x/").status_code == 404
    assert client.post(f"/en/alerts/unsubscribe/{subscriber.pk}/confirm/").status_code == 404


def test_messages_still_queued_are_not_sent_after_unsubscribing(client, twilio_settings, eastside, sent_alert):
    subscriber = SubscriberFactory(phone="+12025550143", areas=[eastside])
    Delivery.objects.create(alert=sent_alert, subscriber=subscriber)
    _signed_post(client, {"From": "+12025550143", "Body": "STOP"})
    assert Delivery.objects.get().status == Delivery.Status.SKIPPED


def test_pending_subscribers_get_no_alerts(eastside, organization, organizer, second_organizer):
    from aidhub.alerts.services.alerts import alert_verify

    SubscriberFactory(status="pending", areas=[eastside])
    alert = AlertFactory(organization=organization, author=organizer, areas=[eastside], status="pending")
    assert alert_verify(alert=alert, verifier=second_organizer, revision=alert.revision, fallback_accepted=True) == 0
    assert not Delivery.objects.exists()
