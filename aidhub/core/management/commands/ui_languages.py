"""Prints the interface languages as locale folder names (zh-hans → zh_Hans), one line, for `make messages`.

settings.LANGUAGES is the one list of interface languages; the Makefile reads it from here."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import to_locale


class Command(BaseCommand):
    help = "Prints the locale folder names of settings.LANGUAGES, separated by spaces."

    def handle(self, *args, **options):
        self.stdout.write(" ".join(to_locale(code) for code, _name in settings.LANGUAGES))
