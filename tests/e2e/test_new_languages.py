"""Issue 21 in the browser: a family asks for help and reads its status page in Urdu, Amharic and Burmese (three of
the new scripts: Arabic in Nastaliq, Ethiopic, Myanmar); the help form and the status page pass axe in every
right-to-left language; the thirty-language menu fits a phone at 200 % zoom. Every page is checked as it loads
(tests/e2e/browser.py: axe, touch targets, nothing wider than the screen). With E2E_SCREENSHOTS=<folder> the pages
are saved there: look at them for empty boxes where letters should be (fonts-noto-core has these scripts)."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from aidhub.core.models import Language
from aidhub.lib.languages import spoken_code
from aidhub.lib.tokens import new_access_token
from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest
from tests.e2e.browser import t
from tests.e2e.test_family_asks_for_help import fill_help_form
from tests.factories import HelpRequestFactory

RIGHT_TO_LEFT = [code for code, _name in settings.LANGUAGES if code in settings.LANGUAGES_BIDI]


@pytest.mark.parametrize("language", ["ur", "am", "my"])
def test_family_asks_for_help_and_reads_its_status_in_a_new_script(visit, eastside, language):
    family = visit.phone(f"family-{language}")
    page = family.open(f"/{language}/help/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Ask for help"))
    spoken = page.get_by_label(t(language, "Which language do you speak?"))
    expect(spoken.locator("option:checked")).to_contain_text(Language.objects.get(code=language).native_name)
    fill_help_form(page, language)
    expect(page.get_by_role("status")).to_have_text(t(language, "Check done. You can send the form."))
    family.submit(page.get_by_role("button", name=t(language, "Send my request")))
    expect(page.get_by_role("heading", name=t(language, "Your request is sent"))).to_be_visible()
    help_request = HelpRequest.objects.get()
    assert help_request.language.code == language
    assert help_request.message_language == language

    (message,) = sms.outbox
    link = re.search(r"https?://\S+/help/status/\?k=\S+", message["body"]).group(0)
    page = family.open(link.replace("https://aidhub.test", ""))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Your request"))
    expect(page.get_by_text(help_request.reference_code)).to_be_visible()
    expect(page.locator(".status-badge")).to_have_text(t(language, "New", "request status"))
    # The page's own script is drawn with a font that has it (the stack in aidhub.css names Noto first).
    font = page.evaluate("() => getComputedStyle(document.body).fontFamily")
    assert {"ur": "Noto Nastaliq Urdu", "am": "Noto Sans Ethiopic", "my": "Noto Sans Myanmar"}[language] in font


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_help_form_and_status_page_pass_axe_right_to_left(visit, eastside, language):
    token, token_hash = new_access_token()
    HelpRequestFactory(
        area=eastside,
        status="matched",
        access_token_hash=token_hash,
        message_language=language,
        language=Language.objects.get(code=spoken_code(language)),
    )
    family = visit.phone(f"rtl-{language}")
    # Phone.check() runs axe on each page: no serious or critical violation.
    page = family.open(f"/{language}/help/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page = family.open(f"/{language}/help/status/?k={token}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".status-badge")).to_have_text(t(language, "Volunteer found", "request status"))


@pytest.mark.parametrize(("language", "width"), [("ur", 360), ("en", 180), ("ur", 180)])
def test_the_language_menu_fits_a_phone_even_at_200_percent_zoom(visit, language, width):
    # 360 CSS pixels at 200 % zoom leave 180 for the page.
    person = visit.phone(f"menu-{width}")
    person.page.set_viewport_size({"width": width, "height": width * 740 // 360})
    page = person.open(f"/{language}/")
    # Opened with the keyboard; the button's colours change with a short transition, which axe must not catch.
    page.locator(".language-switcher summary").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    person.check()
    menu = page.locator(".language-menu")
    expect(menu.locator("a")).to_have_count(len(settings.LANGUAGES))
    box = menu.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # The last language is reached by scrolling the menu (a keyboard's Tab does the same) and leads to its pages.
    last_code, last_name = settings.LANGUAGES[-1]
    last = menu.get_by_role("link", name=last_name)
    last.scroll_into_view_if_needed()
    expect(last).to_be_in_viewport()
    person.submit(last)
    expect(page.locator("html")).to_have_attribute("lang", last_code)
