"""Issue 16, item 5: each public form sent with a mistake comes back with a summary of the problems at the top,
focused, each problem a link in words that takes the focus to its field; what was typed is still there.
Issue 16, item 9: the accessibility statement, reached from the footer."""

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import sign_in, t
from tests.factories import PASSWORD, EventFactory, SlotFactory, VolunteerProfileFactory

LANGUAGES = ["en", "es", "ar"]
FOCUSED_SUMMARY = "() => document.activeElement && document.activeElement.hasAttribute('data-error-summary')"
FOCUSED_FIELD = "() => ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)"


def send_with_a_mistake(phone, form):
    """Sends the form (after the page's own check against machines, when it has one) and checks the summary."""
    page = phone.page
    if form.locator("[data-antibot]").count():
        expect(form.get_by_role("status")).to_be_visible()
    phone.submit(form.locator("button[type=submit]").last)
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    page.wait_for_function(FOCUSED_SUMMARY)
    links = summary.get_by_role("link")
    assert links.count() >= 1, "the summary links to no field"
    for link in links.all():
        assert link.locator(".error-summary-field").inner_text().strip(), "a problem does not name its field"
    links.first.click()
    page.wait_for_function(FOCUSED_FIELD)
    described = page.evaluate("() => document.activeElement.getAttribute('aria-describedby') || ''")
    fieldset = page.evaluate(
        "() => { const set = document.activeElement.closest('fieldset');"
        " return set ? set.getAttribute('aria-describedby') : ''; }"
    )
    assert described or fieldset, "the focused field does not point to its message"
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_form(visit, eastside, language):
    family = visit.phone("family")
    page = family.open(f"/{language}/help/")
    page.get_by_label(t(language, "Your first name or nickname")).fill("Rosa")
    send_with_a_mistake(family, page.locator("main form.help-form"))
    expect(page.get_by_label(t(language, "Your first name or nickname"))).to_have_value("Rosa")


@pytest.mark.parametrize("language", LANGUAGES)
def test_find_my_request(visit, language):
    family = visit.phone("family")
    page = family.open(f"/{language}/help/find/")
    send_with_a_mistake(family, page.locator("main form[method=post]"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_subscribe_to_alerts(visit, eastside, language):
    person = visit.phone("subscriber")
    page = person.open(f"/{language}/alerts/subscribe/")
    send_with_a_mistake(person, page.locator("main form.subscribe-form"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_community_report(visit, eastside, language):
    person = visit.phone("neighbour")
    page = person.open(f"/{language}/alerts/report/")
    send_with_a_mistake(person, page.locator("main form.report-form"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_booking(visit, organization, eastside, language):
    event = EventFactory(organization=organization, area=eastside, title="Legal aid night")
    SlotFactory(event=event)
    family = visit.phone("family")
    page = family.open(f"/{language}/events/{event.pk}/book/")
    page.get_by_label(t(language, "First name")).fill("Amal")
    send_with_a_mistake(family, page.locator("main form.booking-form"))
    expect(page.get_by_label(t(language, "First name"))).to_have_value("Amal")


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_up(visit, language):
    person = visit.phone("volunteer")
    page = person.open(f"/{language}/accounts/signup/")
    page.get_by_label(t(language, "Email")).first.fill("new.volunteer@example.org")
    for field in page.locator("input[type=password]").all():
        field.fill("123")
    send_with_a_mistake(person, page.locator("main form[method=post]").last)
    expect(page.get_by_label(t(language, "Email")).first).to_have_value("new.volunteer@example.org")


@pytest.mark.parametrize("language", LANGUAGES)
def test_offer_form(visit, eastside, language):
    volunteer = VolunteerProfileFactory(user__email="maria@example.org", display_name="Maria", areas=[eastside]).user
    phone = visit.phone("volunteer")
    page = sign_in(phone, language, volunteer.email, password=PASSWORD)
    page = phone.open(f"/{language}/my/offers/new/")
    page.locator("main form.offer-form input[name=title]").fill("Rides to the clinic")
    send_with_a_mistake(phone, page.locator("main form.offer-form"))
    expect(page.locator("main form.offer-form input[name=title]")).to_have_value("Rides to the clinic")


@pytest.mark.parametrize("language", LANGUAGES)
def test_accessibility_statement_from_the_footer(visit, language):
    person = visit.phone("reader")
    page = person.open(f"/{language}/")
    person.submit(page.get_by_role("contentinfo").get_by_role("link", name=t(language, "Accessibility")))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Accessibility"))
    expect(page.get_by_role("heading", name=t(language, "Tell us about a barrier"))).to_be_visible()
