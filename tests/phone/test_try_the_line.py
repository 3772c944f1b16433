"""Organizers try the text-message conversation in the browser: the same code, a state in their session, nothing
created."""

import pytest

from aidhub.needs.models import HelpRequest
from aidhub.phone.models import Conversation
from tests.helpers import assert_in_language

pytestmark = pytest.mark.django_db

URL = "/en/organize/phone/try/"


def say(client, message, url=URL):
    response = client.post(url, {"message": message})
    assert response.status_code == 302
    return client.get(url)


def test_a_whole_conversation_creates_nothing_and_says_so(client_for, organizer, eastside):
    client = client_for(organizer)
    page = say(client, "Hello, I need help with food")
    assert "Your language?" in page.text and "1 English" in page.text
    for message in ("1", "1", "1", "Sam", "1 3", "1", "2"):
        page = say(client, message)
    assert "Please check:" in page.text and "Sam" in page.text
    page = say(client, "1")
    assert "Trial: nothing was created." in page.text
    # Each reply is measured as it would go out.
    assert "1 SMS segment (GSM-7)" in page.text
    assert not HelpRequest.objects.exists() and not Conversation.objects.exists()


def test_keywords_answer_without_touching_anything(client_for, organizer, eastside):
    client = client_for(organizer)
    assert "Msg &amp; data rates may apply." in say(client, "HELP").text
    say(client, "Hello, I need help")
    page = say(client, "STATUS")
    assert "We have no request from this number." in page.text
    assert "This conversation is ended and nothing of it is kept." in say(client, "STOP").text
    assert not Conversation.objects.exists()


def test_start_again_clears_the_conversation(client_for, organizer, eastside):
    client = client_for(organizer)
    say(client, "Hello, I need help")
    response = client.post(URL, {"reset": "1"})
    assert response.status_code == 302
    assert "No messages yet." in client.get(URL).text


def test_an_empty_message_is_an_error_on_the_form(client_for, organizer):
    response = client_for(organizer).post(URL, {"message": ""})
    assert response.status_code == 200
    assert "This field is required." in response.text


@pytest.mark.parametrize(("code", "text"), [("en", "Try the phone line"), ("es", "Try the phone line"), ("ar", "Send")])
def test_the_page_in_english_spanish_and_arabic(client_for, organizer, eastside, code, text):
    client = client_for(organizer)
    say(client, "Hola, necesito ayuda", url=f"/{code}/organize/phone/try/")
    assert_in_language(client.get(f"/{code}/organize/phone/try/"), code, text)


def test_each_session_has_its_own_trial(client_for, organizer, second_organizer, eastside, client):
    say(client_for(organizer), "Hello, I need help")
    client.logout()
    assert "No messages yet." in client_for(second_organizer).get(URL).text


def test_who_may_not_try_it(client, volunteer, organizer, eastside):
    assert client.get(URL)["Location"].startswith("/en/accounts/login/")
    assert client.post(URL, {"message": "Hello"}).status_code == 302
    client.force_login(volunteer)
    assert client.post(URL, {"message": "Hello"}).status_code == 403
    client.logout()
    client.force_login(organizer)  # the password only: no second factor in this session
    response = client.post(URL, {"message": "Hello"})
    assert response.status_code == 302 and "/organize/" not in response["Location"]
    assert "phone_trial" not in client.session
    organizer.is_active = False
    organizer.save()
    assert client.get(URL).status_code == 302


def test_the_organizers_landing_page_links_to_it(client_for, organizer):
    assert URL in client_for(organizer).get("/en/organize/").text
