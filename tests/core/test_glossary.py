"""Issue 21: one word for each term that matters, everywhere in a language. docs/glossary/<folder>.tsv names, for
each of the nine terms, the word used and its accepted forms; every catalog entry whose English says the term must
say one of those forms. (The same rule as /work/briefs/glossary_check.py; docs/translating.md explains the files.)

A glossary line: term <TAB> translation <TAB> accepted forms ("|"-separated), after a header line. An entry matches
a term when its msgid (or msgid_plural) holds the term as a whole word, in any case, plain or with an "s"
("request"/"requests"); it passes when one of its translations (any plural form) holds an accepted form
(case-insensitive substring)."""

import csv
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

TERMS = [
    "request",
    "volunteer",
    "organizer",
    "appointment",
    "legal aid night",
    "interpreter",
    "alert",
    "verified",
    "delete",
]
GLOSSARY = Path(settings.BASE_DIR) / "docs" / "glossary"


def _problems(folder):
    path = GLOSSARY / f"{folder}.tsv"
    assert path.exists(), f"{path.relative_to(settings.BASE_DIR)} is missing"
    with open(path, encoding="utf-8") as tsv:
        rows = list(csv.reader(tsv, delimiter="\t"))[1:]
    table = {r[0].strip(): [f.strip().casefold() for f in r[2].split("|") if f.strip()] for r in rows if r}
    errors = []
    missing = [t for t in TERMS if t not in table or not table[t]]
    if missing:
        errors.append(f"terms missing from the glossary: {missing}")
    po = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / folder / "LC_MESSAGES" / "django.po"))
    for term, forms in table.items():
        pattern = re.compile(r"\b" + re.escape(term) + r"s?\b", re.IGNORECASE)
        for e in po:
            if e.obsolete or not (pattern.search(e.msgid) or pattern.search(e.msgid_plural or "")):
                continue
            texts = [e.msgstr, *e.msgstr_plural.values()]
            if not any(f in t.casefold() for t in texts if t for f in forms):
                errors.append(f"{term!r}: {e.msgid[:70]!r} -> {(e.msgstr or e.msgstr_plural.get(0, ''))[:70]!r}")
    return errors


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_each_term_is_said_with_the_glossarys_word(code):
    assert _problems(to_locale(code)) == []
