"""A translator signs in with both factors on a phone, fixes a word of their language where it is wrong, and the
home page shows the fix at once (no restart); the list of corrections shows it (en and ar: axe and screenshots on
every page by Phone.open/submit)."""

import pytest
from playwright.sync_api import expect

from aidhub.catalogs.models import CatalogChange, Translator
from aidhub.core.models import AuditEvent
from aidhub.lib.adapters.allauth import activate_totp
from tests.e2e.browser import sign_in, t
from tests.factories import PASSWORD, UserFactory

HEADING = "Neighbours helping neighbours"
# The interface language of the pages, the language corrected, its folder and the fix.
CASES = {"en": ("es", "es", "Vecinas y vecinos que se ayudan"), "ar": ("ar", "ar", "جيران يتعاونون")}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_translator_fixes_a_word_and_the_page_shows_it(visit, two_factor_secret, language):
    corrected, folder, fix = CASES[language]
    translator = UserFactory(email="translator@example.org")
    Translator.objects.create(user=translator, language=corrected)
    activate_totp(translator, two_factor_secret)

    phone = visit.phone("translator")
    page = phone.open(f"/{corrected}/")
    before = page.get_by_role("heading", level=1).inner_text()
    assert before != fix
    page = sign_in(phone, language, translator.email, password=PASSWORD, totp_secret=two_factor_secret)
    phone.open(f"/{language}/translate/")
    phone.submit(page.get_by_role("link", name=f"locale/{folder}/LC_MESSAGES/django.po"))
    page.get_by_role("searchbox", name=t(language, "Search")).fill(HEADING)
    phone.submit(page.get_by_role("button", name=t(language, "Search")))
    entry = page.get_by_role("group", name=HEADING, exact=True)
    box = entry.get_by_role("textbox")
    expect(box).to_have_value(before)
    assert box.get_attribute("dir") == ("rtl" if corrected == "ar" else "ltr")
    box.fill(fix)
    phone.submit(page.get_by_role("button", name=t(language, "Save")))

    # The page shows the fix at once: no restart, no compiled file.
    phone.open(f"/{corrected}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(fix)
    phone.open(f"/{language}/translate/")
    expect(page.get_by_role("insertion").filter(has_text=fix)).to_be_visible()
    change = CatalogChange.objects.get()
    assert (change.old_text, change.new_text, change.actor) == (before, fix, translator)
    audit = AuditEvent.objects.get(action=AuditEvent.Action.CATALOG_CHANGED)
    assert (audit.details["old"], audit.details["new"], audit.actor) == (before, fix, translator)
