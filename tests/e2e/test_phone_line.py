"""Issue 18, on a phone in English and Arabic: an organizer uploads a recording of the call-back line for a language
no computer voice speaks, and texts a family that asked by phone from its request's page; the family answers by
text; the volunteer who accepted reads the thread and writes too, never seeing the family's number."""

import pytest
from playwright.sync_api import expect

from aidhub.matching.models import Match
from aidhub.messaging import sms
from aidhub.needs.services import request_text_reply
from aidhub.phone.models import VoicePrompt
from tests.e2e.browser import sign_in, t
from tests.factories import PASSWORD, HelpRequestFactory, VolunteerProfileFactory

MP3 = b"ID3\x03\x00\x00\x00" + b"\x00" * 400


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_organizer_records_the_line_and_texts_a_caller(visit, organizer_e2e, two_factor_secret, eastside, language):
    phone_request = HelpRequestFactory(area=eastside, status="reviewed", source="phone", contact_method="call")
    organizer = visit.phone("organizer")
    page = sign_in(organizer, language, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    page = organizer.open(f"/{language}/organize/phone-line/")
    expect(page.get_by_role("heading", name=t(language, "The phone line's recordings"))).to_be_visible()
    organizer.submit(page.get_by_role("link", name="Kreyòl ayisyen").first)
    card = page.locator("section.card").filter(
        has=page.get_by_text(t(language, "The main menu: call-back or alert", "phone line prompt"))
    )
    card.get_by_label(t(language, "Recording (MP3 or WAV, at most 2 MB)")).set_input_files(
        {"name": "menu.mp3", "mimeType": "audio/mpeg", "buffer": MP3}
    )
    organizer.submit(card.get_by_role("button", name=t(language, "Upload the recording")))
    expect(
        page.get_by_text(t(language, "The recording is saved. The phone line plays it from now on."))
    ).to_be_visible()
    assert VoicePrompt.objects.filter(name="main_menu", language="ht").exists()

    page = organizer.open(f"/{language}/organize/requests/{phone_request.pk}/")
    page.get_by_label(t(language, "Text message to the family")).fill("Hola, le llamamos mañana a las 10.")
    organizer.submit(page.get_by_role("button", name=t(language, "Send the text message")))
    expect(page.get_by_text(t(language, "The text message is sent to the family."))).to_be_visible()
    expect(page.locator(".request-thread")).to_contain_text("Hola, le llamamos mañana a las 10.")
    assert "Hola, le llamamos mañana a las 10." in sms.outbox[-1]["body"]

    # The family answers by text; the volunteer who accepted reads the thread, without the number, and writes.
    assert request_text_reply(sender=phone_request.contact_value, body="Gracias, a las 10 está bien.")
    volunteer = VolunteerProfileFactory(user__email="sara@example.org", display_name="Sara").user
    match = Match.objects.create(help_request=phone_request, volunteer=volunteer, status="accepted")
    helper = visit.phone("volunteer")
    sign_in(helper, language, volunteer.email, password=PASSWORD)
    page = helper.open(f"/{language}/my/matches/{match.pk}/")
    expect(page.locator(".request-thread")).to_contain_text("Gracias, a las 10 está bien.")
    # The caller's number in any of its forms (not just "555": a time on the page may hold those digits).
    number = phone_request.contact_value
    content = page.content()
    assert number not in content and number[2:] not in content and f"{number[-7:-4]}-{number[-4:]}" not in content
    page.get_by_label(t(language, "Text message to the family")).fill("Llego el viernes con la comida.")
    helper.submit(page.get_by_role("button", name=t(language, "Send the text message")))
    expect(page.locator(".request-thread")).to_contain_text("Llego el viernes con la comida.")
