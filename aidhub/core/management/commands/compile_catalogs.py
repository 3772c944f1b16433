"""Compiles the translation catalogs (.po → .mo) in pure Python.

Django's compilemessages needs GNU gettext; this runs on any machine, so `make run` works without it.
Translators and CI still use gettext's msgfmt --check to validate the catalogs.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compiles locale/*/LC_MESSAGES/*.po into .mo files where the .po is newer."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile every catalog, even if up to date.")

    def handle(self, *args, force=False, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if force or not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
                    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                    compiled += 1
        self.stdout.write(f"{compiled} catalog(s) compiled.")
