"""Content in several languages: the reader's language where organizers gave it, else the original with a note."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory
from django.utils import translation

from aidhub.core.models import Organization
from aidhub.core.translations import translation_forms, translation_languages, translation_save
from tests.factories import OrganizationFactory

NOTE = 'Not yet translated into your language. Shown in the original: <bdi lang="%(code)s">%(language)s</bdi>.'


def translation_note(reader_code, original_code, original_name):
    """The note a reader sees beside a text shown in its original language."""
    with translation.override(reader_code):
        return translation.gettext(NOTE) % {"code": original_code, "language": original_name}


@pytest.fixture
def described(organization):
    organization.description = "Neighbours sharing food and rides."
    organization.translations = {"es": {"description": "Vecinos que comparten comida y viajes."}}
    organization.save()
    return organization


def test_translated_gives_the_readers_language_or_the_original_flagged(described):
    with translation.override("es"):
        text = described.translated("description")
    assert (text, text.language, text.is_fallback) == ("Vecinos que comparten comida y viajes.", "es", False)
    with translation.override("ar"):
        text = described.translated("description")
    assert (text, text.language, text.is_fallback) == ("Neighbours sharing food and rides.", "en", True)
    assert text.attrs == 'lang="en" dir="ltr"'
    with translation.override("en"):
        text = described.translated("description")
    assert (text.language, text.is_fallback) == ("en", False)


def test_an_empty_original_is_never_flagged(organization):
    organization.description = ""
    with translation.override("ar"):
        assert organization.translated("description").is_fallback is False


def test_a_text_in_a_right_to_left_original_says_so(organization):
    organization.description = "جيران يتشاركون الطعام."
    organization.original_language = "ar"
    text = organization.translated("description", "es")
    assert text.is_fallback
    assert text.attrs == 'lang="ar" dir="rtl"'


def test_saving_one_language_keeps_the_others_and_drops_empty_fields(described):
    translation_save(instance=described, language="ar", values={"description": "  جيران  ", "name": "ignored"})
    described.refresh_from_db()
    assert described.translations == {
        "es": {"description": "Vecinos que comparten comida y viajes."},
        "ar": {"description": "جيران"},
    }
    translation_save(instance=described, language="es", values={"description": "   "})
    described.refresh_from_db()
    assert described.translations == {"ar": {"description": "جيران"}}
    assert described.name == "Eastside Mutual Aid"


def test_forms_are_offered_for_every_interface_language_but_the_original(described):
    codes = [code for code, _name in settings.LANGUAGES if code != "en"]
    assert translation_languages(described) == codes
    forms = translation_forms(described, action="events:translation_save")
    assert [form.language for form in forms] == codes
    spanish = forms[codes.index("es")]
    assert spanish.initial == {"description": "Vecinos que comparten comida y viajes."}
    assert list(spanish.fields) == ["description"]


def test_organization_list_shows_each_reader_their_language_or_the_original(client, described):
    for code, _name in settings.LANGUAGES:
        html = client.get(f"/{code}/organizations/").text
        if code == "es":
            assert '<p class="card-text" lang="es" dir="ltr">Vecinos que comparten comida y viajes.</p>' in html
            assert "translation-note" not in html
        elif code == "en":
            assert '<p class="card-text" lang="en" dir="ltr">Neighbours sharing food and rides.</p>' in html
            assert "translation-note" not in html
        else:
            assert '<p class="card-text" lang="en" dir="ltr">Neighbours sharing food and rides.</p>' in html, code
            assert translation_note(code, "en", "English") in html, code


def test_organization_list_stays_flat_with_translations(client, city, django_assert_max_num_queries):
    for index in range(3):
        OrganizationFactory(areas=[city], description=f"About {index}", translations={"es": {"description": "Sobre"}})
    with django_assert_max_num_queries(10) as few:
        client.get("/es/organizations/")
    for index in range(20):
        OrganizationFactory(areas=[city], description=f"More {index}", translations={"ar": {"description": "عن"}})
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/es/organizations/")


def _admin_form(admin_user, organization, data=None):
    model_admin = admin.site._registry[Organization]
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    form_class = model_admin.get_form(request, organization, fields=None)
    return form_class(data, instance=organization)


def test_admin_edits_each_languages_description(client_for, admin_user, described):
    page = client_for(admin_user).get(f"/admin/core/organization/{described.pk}/change/")
    assert page.status_code == 200
    for code, name in settings.LANGUAGES:
        assert f'name="translation_{code}_description"' in page.text
        assert f"Description · {name}" in page.text
    assert "Vecinos que comparten comida y viajes." in page.text

    form = _admin_form(admin_user, described)
    data = {**form.initial, "areas": [area.pk for area in described.areas.all()], "original_language": "en"}
    data.update({"translation_es_description": "", "translation_ar_description": "جيران يساعدون جيرانهم."})
    form = _admin_form(admin_user, described, data)
    assert form.is_valid(), form.errors
    form.save()
    described.refresh_from_db()
    assert described.translations == {"ar": {"description": "جيران يساعدون جيرانهم."}}
