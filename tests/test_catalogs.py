"""The translation catalogs of the interface languages are complete: nothing untranslated, nothing fuzzy,
and every placeholder of a msgid appears in its translation."""

import re
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}")


@cache
def _catalog(code):
    # Parsed once for both tests (thirty catalogs of two thousand entries).
    # Folders are named after locales: zh-hans → zh_Hans, pt-br → pt_BR.
    return polib.pofile(str(Path(settings.BASE_DIR) / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_catalog_is_complete(code):
    catalog = _catalog(code)
    assert len(catalog) > 100
    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_translations_keep_every_placeholder(code):
    wrong = []
    for entry in _catalog(code).translated_entries():
        expected = set(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            if set(PLACEHOLDER.findall(text)) != expected and not (entry.msgid_plural and len(entry.msgstr_plural) > 2):
                wrong.append((entry.msgid, text))
    assert wrong == []
