"""Who drafted and who reviewed each interface language's catalog, in one place: read from the catalog's own
header, so the status travels with the words. `Last-Translator` names who drafted it; `X-Reviewed-By` names the
speaker(s) who reviewed it, and is empty until one has. English is the source text: nothing to review.

A language whose catalog no speaker has reviewed shows a one-line note on every page, in that language, inviting
corrections (templates/includes/review_note.html); organizers see the table on the admin's first page.
"""

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import to_locale

SOURCE_LANGUAGE = "en"
# What `make messages` writes into a catalog nobody has signed: not a name.
_PLACEHOLDERS = {"", "FULL NAME <EMAIL@ADDRESS>"}


@dataclass(frozen=True)
class CatalogStatus:
    code: str
    name: str
    folder: str
    drafted_by: str
    reviewed_by: str
    entries: int
    translated: int
    fuzzy: int

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LANGUAGE

    @property
    def reviewed(self) -> bool:
        return self.is_source or bool(self.reviewed_by)

    @property
    def percent_translated(self) -> int:
        """Whole percent, rounded down, so that 99.9 % never shows as 100 %."""
        return self.translated * 100 // self.entries if self.entries else 0


def catalog_path(code: str) -> Path:
    return Path(settings.BASE_DIR) / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"


def _mtime(path: Path) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def _clean(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value in _PLACEHOLDERS else value


@lru_cache(maxsize=64)
def _header(path: Path, _mtime: float) -> tuple[str, str]:
    """(drafted by, reviewed by) from the header entry only: read on every page, so it stops at the first
    translation after the header (a few hundred bytes), and is cached until the file changes (a reviewer's fix in
    the browser rewrites the file)."""
    fields: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8") as catalog:
            for line in catalog:
                if line.startswith("msgid") and fields:
                    break
                if line.startswith('"') and ":" in line:
                    key, _sep, value = line.strip().strip('"').removesuffix("\\n").partition(":")
                    fields[key.strip().lower()] = value.strip()
    except OSError:
        return "", ""
    return _clean(fields.get("last-translator")), _clean(fields.get("x-reviewed-by"))


def reviewed(code: str) -> bool:
    """Has a speaker reviewed this interface language's catalog? (English, the source, always has.)"""
    if code == SOURCE_LANGUAGE:
        return True
    path = catalog_path(code)
    return bool(_header(path, _mtime(path))[1])


@lru_cache(maxsize=64)
def _status(code: str, name: str, path: Path, _mtime: float) -> CatalogStatus:
    import polib

    drafted_by, reviewed_by = _header(path, _mtime)
    try:
        entries = [entry for entry in polib.pofile(str(path)) if not entry.obsolete]
    except OSError:
        entries = []
    fuzzy = sum("fuzzy" in entry.flags for entry in entries)
    translated = sum(entry.translated() for entry in entries)
    return CatalogStatus(
        code=code,
        name=name,
        folder=to_locale(code),
        drafted_by=drafted_by,
        reviewed_by=reviewed_by,
        entries=len(entries),
        translated=translated,
        fuzzy=fuzzy,
    )


def catalog_status(code: str) -> CatalogStatus:
    """The status of one interface language's catalog (parsed once per process until the file changes)."""
    path = catalog_path(code)
    return _status(code, dict(settings.LANGUAGES).get(code, code), path, _mtime(path))


def catalog_statuses() -> list[CatalogStatus]:
    """Every interface language, in the order of the language menu."""
    return [catalog_status(code) for code, _name in settings.LANGUAGES]
