"""With a keyboard alone: the first Tab shows a link that skips the menus, and the focus is always visible."""

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import t

FOCUS_RING = "() => { const style = getComputedStyle(document.activeElement); return style.outlineStyle; }"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_keyboard_user_skips_to_the_form_and_sees_the_focus(visit, eastside, language):
    family = visit.phone("family")
    page = family.open(f"/{language}/help/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=t(language, "Skip to main content"))
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert page.evaluate(FOCUS_RING) == "solid"

    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")
    first_choice = page.get_by_role("radio", name=t(language, "Food"))
    expect(first_choice).to_be_focused()
    assert page.evaluate(FOCUS_RING) == "solid"
    page.keyboard.press("Space")
    expect(first_choice).to_be_checked()
