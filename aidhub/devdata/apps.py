from django.apps import AppConfig


class DevDataConfig(AppConfig):
    """Demo and benchmark data. It may import any AidHub app; no app imports it, and production does not
    install it (aidhub/settings.py, DEV_DATA_APP)."""

    name = "aidhub.devdata"
    label = "devdata"
    verbose_name = "Development data"

    def ready(self):
        # Registers the `check --deploy` warning for an installation that has this app with DEBUG off.
        from aidhub.devdata import checks  # noqa: F401
