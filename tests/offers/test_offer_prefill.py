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
