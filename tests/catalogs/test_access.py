"""Only translators of a language (and superusers), in a session that gave the second factor, correct its catalog."""

import re

import pytest

from aidhub.catalogs.models import CatalogChange
from aidhub.core.models import AuditEvent
from tests.catalogs.conftest import field_for, make_translator
from tests.factories import UserFactory

FORM = "/en/translate/catalogs/files/project/es/0/"


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    for url in (FORM, "/en/translate/", "/en/translate/patch/es/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")


def test_a_volunteer_and_an_organizer_who_translate_nothing_may_not_correct(client_for, volunteer, organizer):
    assert client_for(volunteer).get(FORM).status_code == 403
    assert client_for(volunteer).get("/en/translate/").status_code == 403
    organizer_client = client_for(organizer)
    assert organizer_client.get(FORM).status_code == 403
    assert organizer_client.post(FORM, {}).status_code == 403
    # They read the corrections, without a link to correct anything.
    page = organizer_client.get("/en/translate/").content.decode()
    assert "/translate/catalogs/files/" not in page


def test_a_translator_of_another_language_gets_nothing_of_this_one(client_for, db):
    french = make_translator("fr")
    client = client_for(french)
    assert client.get(FORM).status_code == 404
    assert client.post(FORM, {}).status_code == 404
    assert client.get("/en/translate/catalogs/files/project/fr/0/").status_code == 200
    page = client.get("/en/translate/").content.decode()
    assert "/files/project/fr/0/" in page and "/files/project/es/" not in page


def test_a_session_without_the_second_factor_is_asked_for_it(client, translator):
    client.force_login(translator)  # password only
    response = client.get(FORM)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/2fa/reauthenticate/")
    assert client.post(FORM, {"m_0": "x"})["Location"].startswith("/en/accounts/2fa/reauthenticate/")
    assert not CatalogChange.objects.exists()


def test_a_translator_without_two_factor_sign_in_is_sent_to_set_it_up(client_for, db):
    response = client_for(make_translator("es", two_factor=False)).get(FORM)
    assert response["Location"].startswith("/en/accounts/2fa/totp/activate/")


def test_a_deactivated_translator_is_signed_out(client_for, translator):
    client = client_for(translator)
    assert client.get(FORM).status_code == 200
    translator.is_active = False
    translator.save()
    response = client.get(FORM)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("po_filter", ["django", "third-party", "all"])
def test_only_our_own_catalogs_are_offered(client_for, translator, po_filter):
    assert client_for(translator).get(f"/en/translate/catalogs/files/{po_filter}/es/0/").status_code == 404


def test_a_superuser_corrects_any_language(client_for, admin_user):
    assert client_for(admin_user).get("/en/translate/catalogs/files/project/ar/0/").status_code == 200


def _field(client, msgid):
    return field_for(client, FORM, msgid)


def test_a_correction_that_would_break_the_page_is_not_saved(client_for, translator):
    client = client_for(translator)
    msgid = "Request %(code)s: %(status)s. %(url)s"
    field = _field(client, msgid)
    response = client.post(FORM, {field: "Solicitud %(codigo)s: %(status)s. %(url)s", "query": msgid}, follow=True)
    assert "Not saved" in response.content.decode()
    assert not CatalogChange.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CATALOG_CHANGED).exists()
    field = _field(client, msgid)
    client.post(FORM, {field: "Su solicitud %(code)s: %(status)s. %(url)s", "query": msgid})
    assert CatalogChange.objects.get().new_text == "Su solicitud %(code)s: %(status)s. %(url)s"


@pytest.mark.parametrize(
    "correction",
    [
        'Traducción sin revisar. <a href="https://elsewhere.example/">Ayúdenos a corregirla</a>.',
        'Traducción sin revisar. <a href="%(url)s" onclick="go()">Ayúdenos a corregirla</a>.',
        'Traducción sin revisar" autofocus onfocus="go()',
        "Traducción sin revisar <script>go()</script>",
    ],
)
def test_a_correction_may_not_change_a_link_or_add_markup(client_for, translator, correction):
    client = client_for(translator)
    msgid = (
        "This translation has not yet been checked by a speaker of this language. "
        '<a href="%(url)s">Help us correct it</a>.'
    )
    field = _field(client, msgid)
    response = client.post(FORM, {field: correction, "query": "not yet been checked"}, follow=True)
    assert "Not saved" in response.content.decode()
    assert not CatalogChange.objects.exists()


def test_the_catalog_file_is_never_written(client_for, translator, settings):
    path = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
    before = path.read_bytes()
    client = client_for(translator)
    field = _field(client, "Neighbours helping neighbours")
    client.post(FORM, {field: "Vecinos que se ayudan", "query": "Neighbours helping neighbours"})
    assert CatalogChange.objects.count() == 1
    assert path.read_bytes() == before
    assert not (path.parent / "django.mo.tmp").exists()


def test_the_editor_keeps_to_the_content_security_policy(client_for, translator):
    response = client_for(translator).get(FORM)
    html = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "yandex" not in html and "http-equiv" not in html and "rosetta.js" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", html)
    assert not re.search(r"\sstyle=", html) and "<style" not in html
    assert not re.search(r"\son[a-z]+=", html)


def test_not_yet_translators_see_nothing_to_correct(client_for, db):
    stranger = UserFactory()
    assert client_for(stranger).get("/en/translate/catalogs/files/project/").status_code == 403


def test_an_administrator_makes_a_volunteer_translator_of_a_language(client_for, admin_user, volunteer):
    client = client_for(admin_user)
    assert client.get("/admin/catalogs/translator/add/").status_code == 200
    response = client.post("/admin/catalogs/translator/add/", {"user": volunteer.pk, "language": "so"})
    assert response.status_code == 302
    assert client.get("/admin/catalogs/catalogchange/").status_code == 200
    assert client.get("/admin/catalogs/catalogchange/add/").status_code == 403
    # The new translator must set up two-factor sign-in before the catalog opens.
    response = client_for(volunteer).get("/en/translate/catalogs/files/project/so/0/")
    assert response["Location"].startswith("/en/accounts/2fa/totp/activate/")
