"""Issue 18 in a browser, in English, Spanish and Arabic: an organizer opens "Try the phone line" from the
dashboard and has the text conversation a family would have, to its summary; nothing is created."""

import pytest

from aidhub.needs.models import HelpRequest
from tests.e2e.browser import sign_in, t
from tests.factories import PASSWORD


@pytest.mark.parametrize(
    ("language", "first_message"),
    [("en", "Hello, I need help with food"), ("es", "Hola, necesito ayuda con comida"), ("ar", "مرحبا، أحتاج مساعدة")],
)
def test_an_organizer_tries_the_phone_line(visit, organizer_e2e, two_factor_secret, eastside, language, first_message):
    organizer = visit.phone("organizer")
    page = sign_in(organizer, language, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    organizer.submit(page.get_by_role("link", name=t(language, "Try the phone line")))
    message = page.get_by_label(t(language, "Your message"))
    send = page.get_by_role("button", name=t(language, "Send"), exact=True)
    for text in (first_message, "1", "1", "1", "Sam", "4", "1", "2"):
        message.fill(text)
        organizer.submit(send)
    with_summary = page.locator(".phone-trial-line").last.inner_text()
    assert "Sam" in with_summary and "Eastside" in with_summary
    message.fill("1")
    organizer.submit(send)
    assert (
        t(
            language,
            "Trial: nothing was created. A family would now get its reference code and a link to follow its request.",
        )[:10]
        in page.locator(".phone-trial-line").last.inner_text()
    )
    assert not HelpRequest.objects.exists()
