from django.core.management.base import BaseCommand

from aidhub.lib.icons import SPRITE, sprite_text


class Command(BaseCommand):
    help = "Writes static/img/icons.svg from the icons vendored under static/vendor/bootstrap-icons/."

    def handle(self, *args, **options):
        SPRITE.write_text(sprite_text(), encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {SPRITE}"))
