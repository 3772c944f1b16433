"""The import pages render in every interface language, with lang and dir, their own words translated, and the
strict CSP."""

import pytest
from django.conf import settings

from tests.helpers import assert_in_language
from tests.imports.conftest import HEADER, csv_file

pytestmark = pytest.mark.slow

CODES = [code for code, _name in settings.LANGUAGES]


# Each language in turn, with the organizer signed in once (issue 21: thirty languages).
def test_the_upload_page_and_the_preview_in_every_language(client_for, organizer, eastside):
    client = client_for(organizer)
    for code in CODES:
        assert_in_language(client.get(f"/{code}/organize/import/"), code, "Columns of the file")
        response = client.post(f"/{code}/organize/import/", {"file": csv_file(HEADER + ",Ana,en,,eastside,,,,,\n")})
        preview = client.get(response["Location"])
        assert_in_language(preview, code, "Nothing is saved yet. This is what importing the file would do:")
        assert_in_language(preview, code, "An email address is needed.")
