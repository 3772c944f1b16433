"""Django's translation objects behind one door (django.utils.translation.trans_real, undocumented).

Corrections made in the browser (aidhub.catalogs.live) are written on top of a language's merged catalog, and a
process drops its translation objects when a correction is saved elsewhere, as Django's own autoreloader does
when a .mo file changes (django/utils/translation/reloader.py). Only this module reads those internals;
tests/catalogs exercise them against the pinned Django.
"""

from typing import Any, Protocol, cast

from django.utils.translation import trans_real


class Catalog(Protocol):
    """A language's merged catalog: gettext keys ("msgid", "context\\x04msgid", (msgid, plural form)) to texts."""

    def get(self, key: Any, default: Any = None) -> Any: ...

    def __setitem__(self, key: Any, value: str) -> None: ...


def fresh_translation(language: str) -> tuple[Any, Catalog]:
    """A new translation object of the language, read from the catalog files, and its merged catalog."""
    translation = trans_real.DjangoTranslation(language)
    return translation, cast(Catalog, translation._catalog)  # type: ignore[attr-defined]


def replace_translations(translations: dict[str, Any]) -> None:
    """This process's translation objects become these; other languages are read again from the files when next
    used. The languages active in other threads stay until their next request activates one again."""
    trans_real._translations = translations  # type: ignore[attr-defined]
    trans_real._default = None  # type: ignore[attr-defined]
