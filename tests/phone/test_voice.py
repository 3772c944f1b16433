"""Issue 18: the call-back line. Twilio posts each step of a call; the line answers with TwiML: a language menu,
an area menu, then "1: call me back" (a request in the organizers' queue) or "2: the latest verified alert"."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from twilio.request_validator import RequestValidator

from aidhub.core.models import Area
from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest
from aidhub.phone.models import VoicePrompt
from tests.factories import AlertFactory, language

AUTH_TOKEN = "twilio-test-auth-token"
CALLER = "+12025550188"


@pytest.fixture(autouse=True)
def twilio_settings(settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    return settings


def signed_post(client, url, params):
    signature = RequestValidator(AUTH_TOKEN).compute_signature(f"https://aidhub.test{url}", params)
    return client.post(url, params, headers={"x-twilio-signature": signature})


def twiml(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own server's answer, not untrusted input)
    assert root.tag == "Response"
    return root


def call(client, step_url, digits, caller=CALLER):
    return twiml(signed_post(client, step_url, {"CallSid": "CA123", "From": caller, "Digits": digits}))


def test_a_call_gets_the_language_menu_each_language_said_in_itself(client, db):
    root = twiml(signed_post(client, "/hooks/twilio/voice/", {"CallSid": "CA123", "From": CALLER}))
    gather = root.find("Gather")
    assert gather.get("numDigits") == "1"
    assert gather.get("action").startswith("/hooks/twilio/voice/step/?step=language")
    says = gather.findall("Say")
    texts = [say.text for say in says]
    assert "For English, press 1." in texts
    assert "Para Español, oprima 2." in texts
    spanish = says[texts.index("Para Español, oprima 2.")]
    assert (spanish.get("language"), spanish.get("voice")) == ("es-US", "Polly.Lupe")
    # Twelve languages, eight keys a page: 9 gives the others.
    assert "For more languages, press 9." in texts
    # Nobody pressed anything: goodbye, and the call ends.
    assert root.find("Hangup") is not None


def test_key_9_gives_the_next_languages_and_a_language_without_a_voice_is_said_in_english(client, db):
    root = call(client, "/hooks/twilio/voice/step/?step=language&page=1", "9")
    texts = [say.text for say in root.find("Gather").findall("Say")]
    assert "Русский: нажмите 3." in texts
    # Haitian Creole is on the first page; Persian too: no voice for either, so English says their keys.
    first = call(client, "/hooks/twilio/voice/step/?step=language&page=1", "")
    persian = [s for s in first.find("Gather").findall("Say") if "Persian" in (s.text or "")]
    assert persian and persian[0].get("language") == "en-US"


def test_choosing_call_back_puts_a_request_in_the_queue_with_the_number_encrypted(
    client, client_for, eastside, city, lakeview, organizer, django_capture_on_commit_callbacks
):
    language("es")
    # Spanish (key 2), then the area (Riverside: areas are listed by name, Lakeview is 1), then 1: call me back.
    root = call(client, "/hooks/twilio/voice/step/?step=language&page=1", "2")
    gather = root.find("Gather")
    assert "Lakeview" in gather.find("Say").text and "Riverside" in gather.find("Say").text
    assert gather.get("action") == "/hooks/twilio/voice/step/?step=area&lang=es"
    root = call(client, gather.get("action"), "2")
    gather = root.find("Gather")
    assert gather.get("action") == f"/hooks/twilio/voice/step/?step=main&lang=es&area={city.pk}"
    assert "oprima 1" in gather.find("Say").text
    with django_capture_on_commit_callbacks(execute=True):
        root = call(client, gather.get("action"), "1")
    assert "Gracias" in root.find("Say").text
    # The caller gets the usual text, in Spanish, with the reference code and the private link.
    [received] = sms.outbox
    assert received["to"] == CALLER and HelpRequest.objects.get().reference_code in received["body"]
    help_request = HelpRequest.objects.get()
    assert (help_request.source, help_request.area, help_request.contact_method) == ("phone", city, "call")
    assert help_request.contact_value == CALLER and help_request.message_language == "es"
    # At rest the number is ciphertext, in the table and anywhere else in the row.
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM needs_helprequest WHERE id = %s", [help_request.pk])
        row = cursor.fetchone()
    assert not any(CALLER in str(value) or "2025550188" in str(value) for value in row)
    # The organizer of the area sees it in the queue, marked as a phone call.
    queue = client_for(organizer).get("/en/organize/requests/")
    assert help_request.reference_code in queue.text
    page = client.get(f"/en/organize/requests/{help_request.pk}/")
    assert "Phone call" in page.text
    # Calling again the same day finds the same request.
    call(client, gather.get("action"), "1")
    assert HelpRequest.objects.count() == 1


@pytest.mark.parametrize("caller", ["anonymous", "", "+266696687", "restricted"])
def test_a_hidden_number_cannot_be_called_back(client, city, caller):
    root = call(client, f"/hooks/twilio/voice/step/?step=main&lang=en&area={city.pk}", "1", caller=caller)
    assert "cannot see your phone number" in root.find("Say").text
    assert not HelpRequest.objects.exists()


def test_one_area_skips_the_area_menu(client, city):
    root = call(client, "/hooks/twilio/voice/step/?step=language&page=1", "1")
    assert root.find("Gather").get("action") == f"/hooks/twilio/voice/step/?step=main&lang=en&area={city.pk}"


def test_key_2_reads_the_latest_verified_sent_alert_in_the_callers_language(
    client, eastside, city, sent_alert, organizer, organization
):
    language("es")
    AlertFactory(
        organization=organization, author=organizer, areas=[eastside], texts={"en": "Draft, never read.", "es": "No."}
    )
    root = call(client, f"/hooks/twilio/voice/step/?step=main&lang=es&area={city.pk}", "2")
    says = root.findall("Say")
    assert says[0].text == "La última alerta verificada para su zona:"
    assert (says[1].text, says[1].get("language")) == ("La charla se cambió a la biblioteca.", "es-US")
    assert all("Draft" not in (say.text or "") for say in says)
    # A caller in Haitian Creole (no text, no voice) hears the English text with the English voice.
    root = call(client, f"/hooks/twilio/voice/step/?step=main&lang=ht&area={city.pk}", "2")
    says = root.findall("Say")
    assert (says[1].text, says[1].get("language")) == ("Know-your-rights night moved to the library.", "en-US")


def test_no_alert_for_the_area(client, lakeview):
    root = call(client, f"/hooks/twilio/voice/step/?step=main&lang=en&area={lakeview.pk}", "2")
    assert root.find("Say").text == "There is no verified alert for your area right now."


def test_a_wrong_key_says_so_and_asks_again(client, city):
    root = call(client, f"/hooks/twilio/voice/step/?step=main&lang=en&area={city.pk}", "7")
    texts = [say.text for say in root.find("Gather").findall("Say")]
    assert texts[0] == "Sorry, that key is not one of the choices."


def test_a_recording_is_played_instead_of_the_voice_and_served_publicly(client, city):
    VoicePrompt.objects.create(
        name="main_menu", language="ht", audio=b"ID3fake", content_type="audio/mpeg", digest="a" * 64
    )
    root = call(client, f"/hooks/twilio/voice/step/?step=main&lang=ht&area={city.pk}", "")
    gather = root.find("Gather")
    assert gather.find("Play").text == f"https://aidhub.test/hooks/twilio/voice/audio/{'a' * 64}/"
    audio = client.get(f"/hooks/twilio/voice/audio/{'a' * 64}/")
    assert audio.status_code == 200 and audio["Content-Type"] == "audio/mpeg" and audio.content == b"ID3fake"
    # Without a recording, Persian (no voice) hears English.
    root = call(client, f"/hooks/twilio/voice/step/?step=main&lang=fa&area={city.pk}", "")
    assert root.find("Gather").find("Say").get("language") == "en-US"


@pytest.mark.parametrize("url", ["/hooks/twilio/voice/", "/hooks/twilio/voice/step/?step=main&lang=en&area=1"])
def test_unsigned_or_wrongly_signed_posts_are_refused(client, url, city):
    params = {"CallSid": "CA1", "From": CALLER, "Digits": "1"}
    assert client.post(url, params).status_code == 403
    wrong = RequestValidator("another-token").compute_signature(f"https://aidhub.test{url}", params)
    assert client.post(url, params, headers={"x-twilio-signature": wrong}).status_code == 403
    assert not HelpRequest.objects.exists()
    assert Area.objects.exists()


def test_every_interface_language_has_its_page_and_key_on_the_phone_line():
    """Thirty languages, eight keys a page: each is reached by its page and key; 9 pages on, and back to the first."""
    from django.conf import settings

    from aidhub.phone.voice import language_chosen, language_digit, line_languages

    codes = [code for code, _name in settings.LANGUAGES]
    assert sorted(line_languages()) == sorted(codes)
    for code in codes:
        page, key = language_digit(code)
        assert 1 <= key <= 8
        assert language_chosen(page, str(key)) == (code, None)
    last = language_digit(line_languages()[-1])[0]
    assert language_chosen(1, "9") == (None, 2)
    assert language_chosen(last, "9") == (None, 1)
