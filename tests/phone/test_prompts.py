"""Issue 18: organizers record what the call-back line says, one file per prompt and language."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from aidhub.core.models import AuditEvent
from aidhub.phone.models import VoicePrompt
from tests.helpers import sign_in

MP3 = b"ID3\x03\x00\x00\x00" + b"\x00" * 200
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 200
UPLOAD = "/en/organize/phone-line/ht/main_menu/upload/"


def upload(client, data, name="menu.mp3", url=UPLOAD):
    return client.post(url, {"audio": SimpleUploadedFile(name, data, content_type="audio/mpeg")})


def test_the_overview_names_the_languages_without_a_voice(client_for, organizer):
    page = client_for(organizer).get("/en/organize/phone-line/")
    assert page.status_code == 200
    assert "No computer voice speaks these languages" in page.text
    assert "Kreyòl ayisyen" in page.text and "فارسی" in page.text


def test_upload_replace_play_and_delete(client, client_for, organizer):
    organizer_client = client_for(organizer)
    assert upload(organizer_client, MP3).status_code == 302
    prompt = VoicePrompt.objects.get(name="main_menu", language="ht")
    assert prompt.content_type == "audio/mpeg"
    page = organizer_client.get("/en/organize/phone-line/ht/")
    assert f"/hooks/twilio/voice/audio/{prompt.digest}/" in page.text
    # Replacing gives the file a new address, so that the provider never plays an old copy.
    assert upload(organizer_client, WAV, "menu.wav").status_code == 302
    replaced = VoicePrompt.objects.get(name="main_menu", language="ht")
    assert replaced.content_type == "audio/wav" and replaced.digest != prompt.digest
    assert Client().get(f"/hooks/twilio/voice/audio/{prompt.digest}/").status_code == 404
    assert Client().get(f"/hooks/twilio/voice/audio/{replaced.digest}/").content == WAV
    assert organizer_client.post("/en/organize/phone-line/ht/main_menu/delete/").status_code == 302
    assert not VoicePrompt.objects.exists()
    changes = AuditEvent.objects.filter(action="voice_prompt_changed", actor=organizer)
    assert [event.details["change"] for event in changes.order_by("id")] == ["uploaded", "uploaded", "deleted"]


def test_only_recordings_are_taken(client_for, organizer):
    organizer_client = client_for(organizer)
    # A page or a script renamed .mp3: refused, whatever its name and declared type say.
    for data in (b"<html><script>alert(1)</script></html>", b"#!/bin/sh\nrm -rf /\n", b""):
        response = upload(organizer_client, data)
        assert response.status_code == 400
    assert "This is not an MP3 or WAV recording." in upload(organizer_client, b"GIF89a" + b"\x00" * 50).text
    too_big = upload(organizer_client, MP3 + b"\x00" * (2 * 1024 * 1024))
    assert too_big.status_code == 400 and "larger than 2 MB" in too_big.text
    assert not VoicePrompt.objects.exists()


def test_unknown_prompts_and_languages_answer_404(client_for, organizer):
    organizer_client = client_for(organizer)
    assert organizer_client.get("/en/organize/phone-line/xx/").status_code == 404
    assert upload(organizer_client, MP3, url="/en/organize/phone-line/es/nonsense/upload/").status_code == 404
    # The welcome is said before a language is chosen: recorded in the default language only.
    assert upload(organizer_client, MP3, url="/en/organize/phone-line/es/welcome/upload/").status_code == 404
    assert upload(organizer_client, MP3, url="/en/organize/phone-line/en/welcome/upload/").status_code == 302


def test_who_may_not_change_recordings(client, volunteer, organizer):
    assert upload(client, MP3).status_code == 302  # anonymous: to sign in
    assert sign_in(Client(), volunteer).get("/en/organize/phone-line/").status_code == 403
    assert upload(sign_in(Client(), volunteer), MP3).status_code == 403
    without_mfa = Client()
    without_mfa.force_login(organizer)
    response = upload(without_mfa, MP3)
    assert response.status_code == 302 and "/organize/" not in response["Location"]
    # A deactivated organizer's open session no longer opens it.
    session = sign_in(Client(), organizer)
    organizer.is_active = False
    organizer.save()
    response = upload(session, MP3)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not VoicePrompt.objects.exists()


def test_the_pages_read_the_recordings_once_however_many_there_are(client_for, organizer):
    from aidhub.core.models import Area
    from tests.helpers import count_queries

    organizer_client = client_for(organizer)
    pages = ["/en/organize/phone-line/", "/en/organize/phone-line/en/"]
    for url in pages:
        organizer_client.get(url)  # the menu's work counts kept first, as on every later page
    before = [count_queries(organizer_client, url) for url in pages]
    for index, name in enumerate(["main_menu", "invalid", "goodbye", "no_alert", "welcome"]):
        for language in ("en", "es", "ar"):
            digest = f"{index}{language:>3}".replace(" ", "x") * 16
            VoicePrompt.objects.create(
                name=name, language=language, audio=MP3, content_type="audio/mpeg", digest=digest
            )
    for number in range(5):
        Area.objects.create(name=f"Town {number}", slug=f"town-{number}", kind="city")
    assert [count_queries(organizer_client, url) for url in pages] == before
