"""Recording corrections made in the browser (with their audit rows), and the patch that brings them home."""

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings
from django.db import transaction

from aidhub.accounts.models import User
from aidhub.catalogs.live import Correction, EntryKey, announce_change, corrections
from aidhub.catalogs.models import CatalogChange
from aidhub.core.models import AuditEvent, audit
from aidhub.lib import fragments

# Versions of cached page fragments (aidhub.lib.fragments): a corrected word must not wait for a cached list.
FRAGMENT_VERSIONS = ("offers", "events", "reference", "requests")
# Placeholders of Python's %-formatting ("%(name)s", "%s", "%%"): a translation may leave one out, never add one.
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
# Outside the English's own tags, these could open a tag or end the attribute a sentence stands in (a title, a
# placeholder): a correction may use them only where the English does.
MARKUP = ('"', "<", ">")


@dataclass(frozen=True)
class Edit:
    """One text of an entry as the translator left it."""

    entry: polib.POEntry
    plural_index: int | None
    old_text: str
    new_text: str
    fuzzy: bool


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def keeps_the_form(edit: Edit) -> bool:
    """Would this text work on the page, and only as text? No placeholder, tag or markup character that the English
    lacks (a changed link, a new attribute), no stray "%" in a formatted sentence (it would break the page)."""
    entry = edit.entry
    source = entry.msgid + (entry.msgid_plural or "")
    if not edit.new_text:
        return True
    if "python-format" in entry.flags or _placeholders(source) - {"%%"}:
        if not _placeholders(edit.new_text) <= _placeholders(source) | {"%%"}:
            return False
        if "%" in PLACEHOLDER.sub("", edit.new_text):
            return False
    if not set(TAG.findall(edit.new_text)) <= set(TAG.findall(source)):
        return False
    text, english = TAG.sub("", edit.new_text), TAG.sub("", source)
    return not any(character in text and character not in english for character in MARKUP)


def catalog_path(path: str) -> str:
    """A catalog's path relative to the project folder, as stored and as the patch names it."""
    return Path(path).resolve().relative_to(Path(settings.BASE_DIR).resolve()).as_posix()


def catalog_changes_record(*, actor: User, language: str, catalog: str, edits: list[Edit]) -> list[CatalogChange]:
    """Keeps each correction, with an audit row naming the entry and both texts, and has every process reload."""
    with transaction.atomic():
        changes = []
        for edit in edits:
            change = CatalogChange.objects.create(
                language=language,
                catalog=catalog,
                msgctxt=edit.entry.msgctxt or "",
                msgid=edit.entry.msgid,
                plural_index=edit.plural_index,
                old_text=edit.old_text,
                new_text=edit.new_text,
                fuzzy=edit.fuzzy,
                actor=actor,
            )
            audit(
                actor=actor,
                action=AuditEvent.Action.CATALOG_CHANGED,
                target=change,
                details={
                    "language": language,
                    "catalog": catalog,
                    "msgctxt": change.msgctxt,
                    "msgid": change.msgid,
                    "plural_index": change.plural_index,
                    "old": change.old_text,
                    "new": change.new_text,
                    "fuzzy": change.fuzzy,
                },
            )
            changes.append(change)
        if changes:
            announce_change()
            fragments.bump(*FRAGMENT_VERSIONS)
    return changes


def read_catalog(path: Path) -> tuple[polib.POFile, str]:
    """The catalog and its text, parsed so that writing it back changes nothing but the corrected entries (our
    catalogs are unwrapped, as `make messages` writes them; others may be wrapped at 78)."""
    text = path.read_text(encoding="utf-8")
    for width in (0, 78):
        po = polib.pofile(text, wrapwidth=width)
        if str(po) == text:
            return po, text
    return polib.pofile(text, wrapwidth=0), text


def correct_entries(po: polib.POFile, found: dict[EntryKey, Correction]) -> None:
    """Writes corrections into a parsed catalog, where the catalog still says a text the browser saw."""
    for entry in po:
        if entry.obsolete:
            continue
        context = entry.msgctxt or ""
        indexes = list(entry.msgstr_plural) if entry.msgid_plural else [None]
        for index in indexes:
            correction = found.get((context, entry.msgid, index))
            current = entry.msgstr if index is None else entry.msgstr_plural[index]
            if correction is None or not correction.applies_to(current):
                continue
            if index is None:
                entry.msgstr = correction.text
            else:
                entry.msgstr_plural[index] = correction.text
            if correction.fuzzy and "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
            elif not correction.fuzzy and "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")


def catalog_patch(languages: list[str]) -> str:
    """The corrections of these languages as a unified diff of the catalogs (`git apply` in the repository)."""
    catalogs = (
        CatalogChange.objects.filter(language__in=languages).order_by("catalog").values_list("catalog", flat=True)
    )
    hunks: list[str] = []
    for catalog in dict.fromkeys(catalogs):
        path = Path(settings.BASE_DIR) / catalog
        if not path.is_file():
            continue
        po, text = read_catalog(path)
        for found in corrections(catalog=catalog).values():
            correct_entries(po, found)
        hunks.extend(
            difflib.unified_diff(
                text.splitlines(keepends=True), str(po).splitlines(keepends=True), f"a/{catalog}", f"b/{catalog}"
            )
        )
    return "".join(hunks)
