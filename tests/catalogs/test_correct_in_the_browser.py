"""A translator signs in with both factors, fixes a word in the browser, and the page shows it at once (no restart,
in every process); the audit trail and the patch for the repository show the change (issue 21)."""

from django.test import Client
from django.utils import translation
from django.utils.translation import trans_real

from aidhub.catalogs import live
from aidhub.catalogs.models import CatalogChange
from aidhub.core.models import AuditEvent
from tests.catalogs.conftest import field_for
from tests.factories import PASSWORD
from tests.helpers import sign_in, sign_in_with_two_factor

HEADING = "Neighbours helping neighbours"
FORM = "/es/translate/catalogs/files/project/es/0/"


def test_translator_fixes_a_word_and_every_page_shows_it(
    client, translator, translator_secret, organizer, django_capture_on_commit_callbacks
):
    with translation.override("es"):
        before = translation.gettext(HEADING)
    assert before in client.get("/es/").content.decode()

    sign_in_with_two_factor(client, translator.email, PASSWORD, translator_secret)
    home = client.get("/es/translate/")
    assert home.status_code == 200
    assert FORM in home.content.decode()

    field = field_for(client, FORM, HEADING)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, {field: "Vecinas y vecinos que se ayudan", "query": HEADING})
    assert response.status_code == 302

    # This process had its Spanish catalog loaded before the fix: the next request reloads it.
    assert "Vecinas y vecinos que se ayudan" in client.get("/es/").content.decode()
    # Another worker process (its own translation objects, built before the fix) sees it on its next request once
    # its last look at the version is older than CHECK_SECONDS.
    trans_real._translations = {}
    live._applied[0] = "an older version"
    live._checked_at[0] -= live.CHECK_SECONDS
    assert "Vecinas y vecinos que se ayudan" in client.get("/es/").content.decode()
    # Other languages are untouched.
    assert HEADING in client.get("/en/").content.decode()

    change = CatalogChange.objects.get()
    assert (change.language, change.catalog, change.msgid) == ("es", "locale/es/LC_MESSAGES/django.po", HEADING)
    assert (change.old_text, change.new_text, change.actor) == (before, "Vecinas y vecinos que se ayudan", translator)
    event = AuditEvent.objects.get(action=AuditEvent.Action.CATALOG_CHANGED)
    assert event.actor == translator
    assert event.details["old"] == before and event.details["new"] == "Vecinas y vecinos que se ayudan"
    assert event.details["msgid"] == HEADING and event.details["language"] == "es"

    listing = client.get("/es/translate/").content.decode()
    assert "Vecinas y vecinos que se ayudan" in listing and before in listing

    patch = client.get("/es/translate/patch/es/")
    assert patch.status_code == 200
    assert patch["Content-Disposition"] == 'attachment; filename="aidhub-translations-es.patch"'
    text = patch.content.decode()
    assert text.startswith("--- a/locale/es/LC_MESSAGES/django.po\n+++ b/locale/es/LC_MESSAGES/django.po\n")
    assert f'-msgstr "{before}"\n+msgstr "Vecinas y vecinos que se ayudan"\n' in text
    assert sum(line.startswith("+") for line in text.splitlines()) == 2  # the header line and the one entry

    # The organizers' audit trail lists it too, and they may download the patch.
    organizer_client = sign_in(Client(), organizer)
    trail = organizer_client.get("/en/organize/audit/", {"action": "catalog_changed"}).content.decode()
    assert "A translation was corrected" in trail
    assert organizer_client.get("/en/translate/patch/all/").content.decode() == text
