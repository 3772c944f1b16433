"""A family asks for help on its phone without an account, and follows its request through the private link."""

import re

import pytest
from django.utils.text import capfirst
from playwright.sync_api import expect

from aidhub.core.models import Language
from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest
from tests.e2e.browser import t


def fill_help_form(page, language, *, phone="202-555-0143"):
    """Answers the help form's questions as a person would, finding each field by what a screen reader reads."""
    page.get_by_role("radio", name=t(language, "Food")).check()
    page.get_by_label(t(language, "Which area do you live near?")).select_option(label="Eastside")
    page.get_by_label(t(language, "Your first name or nickname")).fill("Rosa")
    page.get_by_role("radio", name=t(language, "Text message")).check()
    page.get_by_label(capfirst(t(language, "phone number or email"))).fill(phone)
    page.get_by_role("radio", name=t(language, "This week")).check()


@pytest.mark.parametrize("language", ["es", "ar", "fa"])
def test_family_asks_for_help_and_follows_its_request(visit, eastside, language):
    family = visit.phone("family")
    page = family.open(f"/{language}/")
    family.submit(page.get_by_role("link", name=t(language, "I need help")))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Ask for help"))
    # The language of the page is already chosen as the family's language.
    spoken = page.get_by_label(t(language, "Which language do you speak?"))
    expect(spoken.locator("option:checked")).to_contain_text(Language.objects.get(code=language).native_name)
    # The anti-bot check solves itself in the browser while the family reads.
    expect(page.get_by_role("status")).to_have_text(t(language, "Check done. You can send the form."))

    # Sent too early: each error is read out with its question, and what was typed stays.
    page.get_by_label(t(language, "Your first name or nickname")).fill("Rosa")
    family.submit(page.get_by_role("button", name=t(language, "Send my request")))
    required = t(language, "This field is required.")
    expect(page.get_by_role("group", name=t(language, "What do you need?"))).to_have_accessible_description(required)
    expect(page.get_by_label(t(language, "Which area do you live near?"))).to_have_accessible_description(required)
    expect(page.get_by_label(t(language, "Your first name or nickname"))).to_have_value("Rosa")
    assert HelpRequest.objects.count() == 0

    fill_help_form(page, language)
    expect(page.get_by_role("status")).to_have_text(t(language, "Check done. You can send the form."))
    family.submit(page.get_by_role("button", name=t(language, "Send my request")))

    expect(page.get_by_role("heading", name=t(language, "Your request is sent"))).to_be_visible()
    help_request = HelpRequest.objects.get()
    expect(page.locator(".reference-code")).to_have_text(help_request.reference_code)
    assert help_request.first_name == "Rosa"
    assert help_request.language.code == language

    # The code and the private link also come by text message; the link is all the family needs later.
    (message,) = sms.outbox
    link = re.search(r"https?://\S+/help/status/\?k=\S+", message["body"]).group(0)
    later = visit.phone("family-later")
    page = later.open(link.replace("https://aidhub.test", ""))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Your request"))
    expect(page.get_by_text(help_request.reference_code)).to_be_visible()
    expect(page.locator(".status-badge")).to_have_text(t(language, "New", "request status"))

    # Someone found a volunteer: the same link shows it, in the family's language.
    help_request.status = HelpRequest.Status.MATCHED
    help_request.save()
    later.open(page.url)
    expect(page.locator(".status-badge")).to_have_text(t(language, "Volunteer found", "request status"))
