"""Issue 21: thirty interface languages, six right to left. Every language answers on the home page, the help form
and a family's status page with its own `lang` and `dir`; the language menu names each language in itself; a
catalog no speaker has reviewed says so on every page, in its language, and organizers see each catalog's status."""

import shutil

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import to_locale

from aidhub.lib import catalog_status
from aidhub.lib.tokens import new_access_token
from tests.factories import HelpRequestFactory

CODES = [code for code, _name in settings.LANGUAGES]
NOTE = (
    'This translation has not yet been checked by a speaker of this language. <a href="%(url)s">Help us correct it</a>.'
)


def _note(code):
    """The note of an unreviewed catalog in that language, as far as its link (the part a reader sees first)."""
    with translation.override(code):
        return translation.gettext(NOTE).split("<a ")[0].strip()


def _html_tag(code):
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    return f'<html lang="{code}" dir="{direction}">'


def test_thirty_languages_six_right_to_left():
    assert len(CODES) == 30
    assert sorted(code for code in CODES if code in settings.LANGUAGES_BIDI) == ["ar", "ckb", "fa", "fa-af", "ps", "ur"]
    # Each is known to Django (its own LANG_INFO or ours): the name in itself and the direction.
    for code in CODES:
        info = translation.get_language_info(code)
        assert info["bidi"] == (code in settings.LANGUAGES_BIDI)
        assert info["name_local"]


@pytest.mark.parametrize("code", CODES)
def test_home_help_form_and_status_page_answer_in_the_language(client, eastside, code):
    token, token_hash = new_access_token()
    HelpRequestFactory(area=eastside, status="reviewed", access_token_hash=token_hash, message_language=code)
    for path in (f"/{code}/", f"/{code}/help/", f"/{code}/help/status/?k={token}"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert _html_tag(code) in response.text, path
    # The note of an unreviewed catalog is in the page's language (English is the source: no note).
    assert (_note(code) in response.text.replace("&#x27;", "'")) == (not catalog_status.reviewed(code))


def test_language_menu_names_every_language_in_itself_with_lang_and_dir(client, db):
    menu = client.get("/en/").text.split('class="list-unstyled language-menu', 1)[1].split("</ul>", 1)[0]
    for code, name in settings.LANGUAGES:
        direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
        assert f'lang="{code}" hreflang="{code}"' in menu
        assert f'<bdi dir="{direction}">{name}</bdi>' in menu
    assert menu.count("<li>") == 30
    # Each entry leads to the same page in its language, whatever the language of the page it is on.
    for page in ("/en/help/", "/ur/help/", "/my/help/find/"):
        html = client.get(page).text
        rest = page.split("/", 2)[2]
        for code, _name in settings.LANGUAGES:
            assert f'href="/{code}/{rest}"' in html, (page, code)


def _catalog_copy(tmp_path, code, reviewed_by):
    """A copy of a catalog under tmp_path/locale/, signed by a reviewer."""
    source = catalog_status.catalog_path(code)
    target = tmp_path / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"
    target.parent.mkdir(parents=True)
    shutil.copy(source, target)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace('"X-Reviewed-By: \\n"', f'"X-Reviewed-By: {reviewed_by}\\n"', 1), encoding="utf-8")
    return target


def test_the_status_is_read_from_each_catalogs_header(settings, tmp_path):
    spanish = catalog_status.catalog_status("es")
    assert spanish.drafted_by.startswith("AidHub maintainers")
    assert spanish.reviewed_by == "" and not spanish.reviewed
    assert spanish.percent_translated == 100
    assert catalog_status.catalog_status("en").reviewed
    assert [status.code for status in catalog_status.catalog_statuses()] == CODES
    # A speaker's review, written into the header, is read at once (the file changed).
    _catalog_copy(tmp_path, "es", "Ana Pérez <ana@example.org>")
    settings.BASE_DIR = tmp_path
    assert catalog_status.reviewed("es")
    assert catalog_status.catalog_status("es").reviewed_by == "Ana Pérez <ana@example.org>"


def test_a_reviewed_catalog_shows_no_note(client, settings, tmp_path):
    assert _note("en") not in client.get("/en/").text
    arabic = client.get("/ar/").text
    assert _note("ar") in arabic and _note("ar") != _note("en")
    assert 'href="/ar/accessibility/#report-a-barrier"' in arabic
    _catalog_copy(tmp_path, "ar", "A speaker")
    settings.BASE_DIR = tmp_path
    assert _note("ar") not in client.get("/ar/").text


def test_organizers_see_each_languages_status_in_the_admin(client_for, admin_user):
    page = client_for(admin_user).get("/admin/").text
    table = page.split('class="module catalog-statuses"', 1)[1].split("</table>", 1)[0]
    for status in catalog_status.catalog_statuses():
        assert f"<code>{status.folder}</code>" in table
    assert table.count("<tr>") == 31
    assert "machine-assisted draft" in table
    assert "Not yet" in table


def test_new_languages_choose_the_language_spoken_and_back(db):
    from aidhub.core.models import Language
    from aidhub.lib.languages import interface_language, spoken_code

    assert spoken_code("fa-af") == "prs" and interface_language("prs") == "fa-af"
    assert spoken_code("zh-hant") == "zh" and interface_language("zh") == "zh-hans"
    assert interface_language("yue") == "zh-hant"
    # Every interface language is a language a family can choose on the help form (the data migrations load them).
    spoken = set(Language.objects.values_list("code", flat=True))
    assert {spoken_code(code) for code in CODES} <= spoken
