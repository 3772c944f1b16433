"""Importing volunteers on a phone, in English and Arabic: the organizer uploads part of the sample file, reads the
preview (rows with errors first, the table scrolling sideways inside its own region), imports, and the
volunteers are invited."""

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from aidhub.accounts.models import User
from tests.e2e.browser import sign_in, t
from tests.factories import PASSWORD, AreaFactory
from tests.imports.conftest import SAMPLE


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_organizer_imports_volunteers_from_a_spreadsheet(
    visit, organizer_e2e, two_factor_secret, eastside, city, language
):
    for slug, name in (("westside", "Westside"), ("downtown", "Downtown"), ("north-hills", "North Hills")):
        AreaFactory(name=name, slug=slug, parent=city)
    # The header and the first 12 volunteers: line 7 has a bad address.
    content = "".join(SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[:13]).encode()

    organizer = visit.phone("organizer")
    page = sign_in(organizer, language, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    organizer.open(f"/{language}/organize/")
    organizer.submit(page.get_by_role("link", name=t(language, "Import volunteers")))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Import volunteers"))
    page.get_by_label(t(language, "Spreadsheet of volunteers (CSV or XLSX)")).set_input_files(
        {"name": "volunteers.csv", "mimeType": "text/csv", "buffer": content}
    )
    organizer.submit(page.get_by_role("button", name=t(language, "Check the file")))

    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Check the import"))
    rows = page.get_by_role("region", name=t(language, "Rows")).get_by_role("row")
    expect(rows).to_have_count(13)
    expect(rows.nth(1)).to_contain_text(t(language, "This is not a valid email address."))
    assert not User.objects.filter(email__endswith=".2@example.org").exists()
    with translation.override(language):
        import_button = translation.ngettext(
            "Import %(count)s row and send the invitations", "Import %(count)s rows and send the invitations", 11
        ) % {"count": 11}
    organizer.submit(page.get_by_role("button", name=import_button))

    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "Import volunteers"))
    assert User.objects.filter(imported__isnull=False).count() == 11
    assert len(mail.outbox) == 11
