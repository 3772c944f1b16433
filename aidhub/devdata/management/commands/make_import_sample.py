"""Writes docs/samples/volunteers-500.csv, the sample spreadsheet of docs/importing.md (the same file each time)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from aidhub.devdata.import_sample import sample_csv


class Command(BaseCommand):
    help = "Writes the sample spreadsheet of 500 volunteers for the import page (docs/samples/volunteers-500.csv)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=str(Path(settings.BASE_DIR) / "docs" / "samples" / "volunteers-500.csv")
        )

    def handle(self, *args, **options):
        path = Path(options["output"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sample_csv(), encoding="utf-8")
        self.stdout.write(f"Wrote {path}")
