from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Importing a network's volunteers and offers (and events) from its spreadsheets, with a preview before saving."""

    name = "aidhub.imports"
    label = "imports"
