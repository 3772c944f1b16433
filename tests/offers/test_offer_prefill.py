"""The offer form starts from the profile (issue 17, item 8), and its long lists are filterable by typing with the
plain checkbox list as the fallback without JavaScript."""

import re

from aidhub.core import availability
from aidhub.core.models import Language
from tests.factories import language


def _checked(page, name):
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
    return {re.search(r'value="([^"]*)"', tag).group(1) for tag in inputs if " checked" in tag}


def test_a_new_offer_starts_from_the_profile(client_for, volunteer, eastside):
    profile = volunteer.volunteer_profile
    profile.languages.set([language("es"), language("mam")])
    profile.categories = ["food"]
    profile.availability = availability.bit(0, 2) | availability.bit(5, 1)
    profile.save()
    page = client_for(volunteer).get("/en/my/offers/new/").text
    assert _checked(page, "languages") == {str(language("es").pk), str(language("mam").pk)}
    assert _checked(page, "areas") == {str(eastside.pk)}
    assert _checked(page, "category") == {"food"}
    assert _checked(page, "availability") == {"2", "16"}  # Monday evening, Saturday afternoon


def test_the_language_list_is_filterable_and_complete_without_javascript(client_for, volunteer):
    page = client_for(volunteer).get("/es/my/offers/new/").text
    assert 'data-combobox-label="Escriba el nombre de un idioma para añadirlo"' in page
    assert "js/choice-combobox" in page
    # Every active language is still a plain checkbox: the list works without JavaScript.
    assert len(re.findall(r'name="languages"', page)) == Language.objects.active().count()
    profile_page = client_for(volunteer).get("/es/my/profile/").text
    assert 'data-combobox-label="Escriba el nombre de un idioma para añadirlo"' in profile_page


def test_the_cached_questions_are_each_volunteers_own(client_for, volunteer, other_volunteer, eastside):
    """The questions are a cached fragment keyed by their starting values: a volunteer with another profile never
    gets a copy filled in from someone else's."""
    first = client_for(volunteer).get("/en/my/offers/new/").text
    assert _checked(first, "languages") == {str(language("es").pk)}
    assert _checked(first, "areas") == {str(eastside.pk)}
    client_for(None).logout()
    other = client_for(other_volunteer).get("/en/my/offers/new/").text
    assert _checked(other, "languages") == {str(language("en").pk)}
    assert _checked(other, "areas") == set()
    assert "María" not in other


def test_a_changed_profile_shows_in_the_next_form(client_for, volunteer, lakeview):
    client = client_for(volunteer)
    client.get("/en/my/offers/new/")
    volunteer.volunteer_profile.areas.set([lakeview])
    assert _checked(client.get("/en/my/offers/new/").text, "areas") == {str(lakeview.pk)}


def test_a_form_sent_back_with_errors_keeps_what_was_typed(client_for, volunteer):
    client = client_for(volunteer)
    client.get("/en/my/offers/new/")
    page = client.post("/en/my/offers/new/", {"title": "Rides to the clinic", "category": "rides"}).text
    assert 'value="Rides to the clinic"' in page
    assert _checked(page, "category") == {"rides"}
