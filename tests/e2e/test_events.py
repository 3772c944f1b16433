"""Events on a phone: a volunteer takes a shift at a legal aid night; a family books an appointment there without
an account and gets a reference code and a private link by text message."""

import re

import pytest
from playwright.sync_api import expect

from aidhub.events.models import Booking, Shift, ShiftSignup
from aidhub.messaging import sms
from tests.e2e.browser import main_menu, sign_in, t
from tests.factories import PASSWORD, EventFactory, ShiftFactory, SlotFactory, VolunteerProfileFactory, vet
from tests.factories import language as spoken_language


@pytest.fixture
def legal_aid_night(organization, eastside):
    """A published legal aid night with an interpreter shift (which needs vetting) and two appointment times."""
    event = EventFactory(
        organization=organization,
        area=eastside,
        title="Legal aid night",
        languages=[spoken_language(code) for code in ("en", "es", "ar", "fa")],
    )
    shift = ShiftFactory(event=event, role=Shift.Role.INTERPRETER, language=spoken_language("ar"), places=2)
    SlotFactory(event=event, shift=shift)
    SlotFactory(event=event, shift=shift, starts_at=event.starts_at + (event.ends_at - event.starts_at) / 3)
    return event


@pytest.mark.parametrize("language", ["es", "fa"])
def test_volunteer_takes_a_shift(visit, legal_aid_night, eastside, language):
    volunteer = VolunteerProfileFactory(user__email="karim@example.org", display_name="Karim", areas=[eastside]).user
    vet(volunteer, "interpreting")  # interpreters hear families' cases: an organizer confirmed Karim
    phone = visit.phone("volunteer")
    page = sign_in(phone, language, volunteer.email, password=PASSWORD)
    phone.submit(main_menu(page, language).get_by_role("link", name=t(language, "Events")))
    phone.submit(page.get_by_role("link", name="Legal aid night"))

    shifts = page.get_by_role("region", name=t(language, "Volunteer at this event"))
    interpreter = shifts.get_by_role("listitem").filter(has_text=t(language, "Interpreter"))
    phone.submit(interpreter.get_by_role("button", name=t(language, "Take this shift")))
    expect(interpreter.get_by_text(t(language, "Your shift"))).to_be_visible()
    expect(interpreter.get_by_role("button", name=t(language, "Leave this shift"))).to_be_visible()
    assert ShiftSignup.objects.filter(volunteer=volunteer, shift__event=legal_aid_night).count() == 1


@pytest.mark.parametrize("language", ["es", "ar"])
def test_family_books_a_legal_aid_appointment(visit, legal_aid_night, language):
    family = visit.phone("family")
    page = family.open(f"/{language}/events/")
    family.submit(page.get_by_role("link", name="Legal aid night"))
    family.submit(page.get_by_role("link", name=t(language, "Book an appointment")))

    page.get_by_role("radio").first.check()
    page.get_by_label(t(language, "First name")).fill("Amal")
    page.get_by_role("radio", name=t(language, "Text message")).check()
    page.get_by_label(t(language, "Phone number or email")).fill("202-555-0147")
    page.get_by_label(t(language, "Your language")).select_option(str(spoken_language(language).pk))
    expect(page.get_by_role("status")).to_have_text(t(language, "Check done. You can send the form."))
    family.submit(page.get_by_role("button", name=t(language, "Book this time")))

    # The page says "check your messages" (it would say the same if this phone had booked already) …
    booking = Booking.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Check your messages"))
    assert (booking.first_name, booking.contact, booking.language.code) == ("Amal", "+12025550147", language)

    # … and the private link in the text message is how the family sees its appointment and comes back to it.
    [message] = sms.outbox
    link = re.search(r"https?://\S+(/events/bookings/[A-Za-z0-9_-]+/)", message["body"]).group(1)
    page = family.open(f"/{language}{link}")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Your appointment"))
    expect(page.get_by_text(booking.reference_code)).to_be_visible()
