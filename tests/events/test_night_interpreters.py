"""Issue 17, item 3: on the organizer's page of a legal aid night, a family booked in a language no lawyer of the
night speaks is marked "interpreter needed", with the interpreters matching would suggest."""

from aidhub.events.models import AppointmentSlot
from tests.factories import OfferFactory, SlotFactory, VolunteerProfileFactory, language, make_booking, vet
from tests.helpers import count_queries


def _interpreter(name, area, languages, vetted=True):
    profile = VolunteerProfileFactory(display_name=name, languages=[language(code) for code in languages])
    OfferFactory(
        volunteer=profile.user, category="interpreting", areas=[area], languages=[language(c) for c in languages]
    )
    if vetted:
        vet(profile.user, "interpreting")
    return profile.user


def test_a_booking_in_a_language_no_lawyer_speaks_needs_an_interpreter(
    client_for, organizer, legal_night_served, lawyer_shift, eastside
):
    # Sara, the confirmed lawyer, speaks English (her profile); María is not confirmed and counts for nothing.
    sara = lawyer_shift.signups.get(volunteer__email="sara@example.org").volunteer
    sara.volunteer_profile.languages.set([language("en")])
    slot = AppointmentSlot.objects.get(event=legal_night_served)
    make_booking(slot, first_name="Rosa", contact="+12025550148", code="es")
    _interpreter("Inés", eastside, ["es", "en"])
    _interpreter("Uri", eastside, ["es", "en"], vetted=False)
    _interpreter("Fabien", eastside, ["es", "fr"])
    page = client_for(organizer).get(f"/en/organize/events/{legal_night_served.pk}/")
    assert page.status_code == 200
    # Amal booked in Arabic, Rosa in Spanish: both need one, each language once with its suggestions.
    assert page.text.count("interpreter needed") == 2
    needed = {language.code for language in page.context["interpreters_needed"]}
    assert needed == {"ar", "es"}
    assert "Interpreter needed: Spanish" in page.text
    assert "Inés" in page.text and "Uri" not in page.text and "Fabien" not in page.text


def test_no_mark_when_a_lawyer_of_the_night_speaks_the_language(
    client_for, organizer, legal_night_served, lawyer_shift
):
    sara = lawyer_shift.signups.get(volunteer__email="sara@example.org").volunteer
    sara.volunteer_profile.languages.set([language("en"), language("ar")])
    page = client_for(organizer).get(f"/en/organize/events/{legal_night_served.pk}/")
    assert "interpreter needed" not in page.text
    assert page.context["interpreters_needed"] == []


def test_the_night_page_queries_stay_flat(client_for, organizer, legal_night_served, lawyer_shift, eastside):
    sara = lawyer_shift.signups.get(volunteer__email="sara@example.org").volunteer
    sara.volunteer_profile.languages.set([language("en")])
    _interpreter("Inés", eastside, ["ar", "en"])
    client = client_for(organizer)
    url = f"/en/organize/events/{legal_night_served.pk}/"
    client.get(url)
    few = count_queries(client, url)
    for index in range(6):
        slot = SlotFactory(event=legal_night_served, shift=lawyer_shift, starts_at=slot_time(legal_night_served, index))
        make_booking(slot, first_name=f"F{index}", contact=f"+120255501{60 + index}", code="ar")
        _interpreter(f"Interpreter {index}", eastside, ["ar", "en"])
    assert count_queries(client, url) == few


def slot_time(event, index):
    from datetime import timedelta

    return event.starts_at + timedelta(minutes=30 * (index + 1))


def test_the_kept_interpreters_follow_a_change_on_the_next_view(
    client_for, organizer, legal_night_served, lawyer_shift, eastside, django_capture_on_commit_callbacks
):
    """The suggestions are kept in the cache (aidhub.matching.templatetags.matching.interpreters_for); a change to
    an offer, made through its service, shows on the next view of the page."""
    from aidhub.offers.services import offer_pause

    sara = lawyer_shift.signups.get(volunteer__email="sara@example.org").volunteer
    sara.volunteer_profile.languages.set([language("en")])
    ines = _interpreter("Inés", eastside, ["ar", "en"])
    client = client_for(organizer)
    url = f"/en/organize/events/{legal_night_served.pk}/"
    assert "Inés" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        offer_pause(actor=ines, offer=ines.offers.get())
    assert "Inés" not in client.get(url).text
