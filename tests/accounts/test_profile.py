from aidhub.core import availability
from tests.factories import language


def _data(eastside, **changes):
    data = {
        "display_name": "María",
        "language": "es",
        "languages": [language("es").pk, language("mam").pk],
        "areas": [eastside.pk],
        "categories": ["food", "childcare"],
        "availability": ["2", "5"],
        "max_active_matches": "3",
    }
    data.update(changes)
    return data


def test_volunteer_updates_profile(client_for, volunteer, eastside):
    response = client_for(volunteer).post("/en/my/profile/", _data(eastside))
    assert response.status_code == 302
    assert response["Location"] == "/es/my/"
    volunteer.refresh_from_db()
    profile = volunteer.volunteer_profile
    assert volunteer.language == "es"
    assert set(profile.languages.values_list("code", flat=True)) == {"es", "mam"}
    assert profile.categories == ["food", "childcare"]
    assert profile.availability == availability.bit(0, 2) | availability.bit(1, 2)
    assert profile.max_active_matches == 3


def test_choosing_arabic_continues_in_arabic(client_for, volunteer, eastside):
    response = client_for(volunteer).post("/en/my/profile/", _data(eastside, language="ar"), follow=True)
    assert '<html lang="ar" dir="rtl">' in response.text


def test_bad_profile_input_keeps_what_was_saved(client_for, volunteer, eastside):
    before = volunteer.volunteer_profile.display_name
    response = client_for(volunteer).post(
        "/es/my/profile/", _data(eastside, display_name="", languages=[], max_active_matches="99")
    )
    assert response.status_code == 200
    assert "Este campo es obligatorio." in response.text
    assert "Asegúrese de que este valor es menor o igual a 20." in response.text
    volunteer.refresh_from_db()
    assert volunteer.volunteer_profile.display_name == before
    assert volunteer.language == "en"
