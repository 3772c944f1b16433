"""The translators' pages: Rosetta's catalog editor behind our access rules, the corrections and their patch.

Rosetta reads and shows the catalog files; here its file is read fresh on every page with the stored corrections
on top, and saving never writes a file (the release directory may be read-only, and a second app server would not
see it): each correction is kept in the database (services.catalog_changes_record) and applied by every process
(aidhub.catalogs.live).
"""

import hashlib
from typing import Any

import polib
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from rosetta import views as rosetta

from aidhub.accounts.models import User
from aidhub.catalogs.access import (
    correction_reader_required,
    may_translate_somewhere,
    translated_languages,
    translator_required,
)
from aidhub.catalogs.live import corrections
from aidhub.catalogs.models import CatalogChange
from aidhub.catalogs.services import (
    Edit,
    catalog_changes_record,
    catalog_patch,
    catalog_path,
    correct_entries,
    keeps_the_form,
)

# Only our own catalogs (locale/, locale_extra/): never Django's or a library's files.
PROJECT = "project"


class _NeverWritten(polib.POFile):
    """Rosetta saves the file it edits; ours keep their corrections in the database instead."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        return None

    def save_as_mofile(self, *args: Any, **kwargs: Any) -> None:
        return None


class _OurCatalog:
    """Rosetta's views on one of our catalogs, read with the stored corrections, never written."""

    kwargs: dict[str, Any]

    @cached_property
    def po_filter(self) -> str:
        if self.kwargs.get("po_filter") != PROJECT:
            raise Http404
        return PROJECT

    @cached_property
    def catalog(self) -> str:
        try:
            return catalog_path(self.po_file_path)  # type: ignore[attr-defined]
        except ValueError:
            raise Http404 from None

    # Rosetta then takes the path that reads the file fresh on each request (and shows no "read-only" note).
    po_file_is_writable = True

    @cached_property
    def po_file(self) -> polib.POFile:
        po = polib.pofile(self.po_file_path, wrapwidth=0, klass=_NeverWritten)  # type: ignore[attr-defined]
        found = corrections(self.language_id, self.catalog).get(self.language_id, {})  # type: ignore[attr-defined]
        correct_entries(po, found)
        for entry in po:
            # Rosetta's key for each entry in the form, and what the entry said before the translator's edits.
            entry.md5hash = hashlib.md5(  # type: ignore[attr-defined]
                (str(entry.msgid) + str(entry.msgstr) + str(entry.msgctxt or "")).encode("utf8"),
                usedforsecurity=False,
            ).hexdigest()
            before = (entry.msgstr, dict(entry.msgstr_plural), "fuzzy" in entry.flags)
            entry.aidhub_before = before  # type: ignore[attr-defined]
        return po


class CatalogFormView(_OurCatalog, rosetta.TranslationFormView):
    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "catalog": self.catalog}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        edits: list[Edit] = []
        refused: list[Edit] = []
        for edit in _edits(self.po_file):
            (edits if keeps_the_form(edit) else refused).append(edit)
        assert isinstance(request.user, User)  # translator_required let only a signed-in person in
        catalog_changes_record(actor=request.user, language=self.language_id, catalog=self.catalog, edits=edits)
        for edit in refused:
            messages.error(
                request,
                _("Not saved: keep the placeholders and tags of the English, as in %(text)s")
                % {"text": edit.entry.msgid_plural if edit.plural_index else edit.entry.msgid},
            )
        return response


class CatalogDownloadView(_OurCatalog, rosetta.TranslationFileDownload):
    pass


def _edits(po: polib.POFile) -> list[Edit]:
    """Every text the translator changed on the page (a plural entry has one text per form)."""
    edits = []
    for entry in po:
        before = getattr(entry, "aidhub_before", None)
        if before is None:
            continue
        msgstr, plurals, fuzzy = before
        now_fuzzy = "fuzzy" in entry.flags
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                old = plurals.get(index, "")
                if text != old or now_fuzzy != fuzzy:
                    edits.append(Edit(entry, int(index), old, text, now_fuzzy))
        elif entry.msgstr != msgstr or now_fuzzy != fuzzy:
            edits.append(Edit(entry, None, msgstr, entry.msgstr, now_fuzzy))
    return edits


catalog_form = translator_required(CatalogFormView.as_view())
catalog_download = translator_required(CatalogDownloadView.as_view())


@require_safe
@correction_reader_required
def catalog_files(request: HttpRequest, po_filter: str) -> HttpResponse:
    """Rosetta's list of files: ours lists the person's languages instead."""
    return redirect("catalogs:home")


@require_safe
def no_suggestions(request: HttpRequest) -> HttpResponse:
    """Rosetta's machine-translation suggestions ask other companies' servers: turned off (no third-party
    requests), the name kept because Rosetta's pages link to it."""
    raise Http404


@require_safe
@correction_reader_required
def home(request: HttpRequest) -> HttpResponse:
    """The languages this person corrects (one link per catalog file), and the latest corrections of all."""
    names = dict(settings.LANGUAGES)
    mine = []
    for code in translated_languages(request.user):
        files = rosetta.find_pos(code, project_apps=True, django_apps=False, third_party_apps=False)
        files.sort(key=rosetta.get_app_name)
        mine.append({"code": code, "name": names[code], "files": [catalog_path(path) for path in files]})
    changes = CatalogChange.objects.select_related("actor").order_by("-created_at", "-pk")
    page = Paginator(changes, settings.REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    languages = sorted(set(CatalogChange.objects.values_list("language", flat=True)))
    return render(
        request,
        "catalogs/home.html",
        {
            "mine": mine,
            "page": page,
            "patch_languages": [(code, names.get(code, code)) for code in languages],
            "translates": may_translate_somewhere(request.user),
        },
    )


@require_safe
@correction_reader_required
def patch(request: HttpRequest, language: str) -> HttpResponse:
    """The corrections of one language (or "all") as a patch for the repository: `git apply` it, then
    `make catalogs`."""
    codes = [code for code, _name in settings.LANGUAGES]
    if language != "all" and language not in codes:
        raise Http404
    text = catalog_patch(codes if language == "all" else [language])
    response = HttpResponse(text, content_type="text/x-diff; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="aidhub-translations-{language}.patch"'
    return response
