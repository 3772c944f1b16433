"""`manage.py check --deploy`: this app in a production installation would let anyone with a shell make the demo
accounts, whose passwords and two-factor secret are published in the README."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def dev_data_app_installed(app_configs, **kwargs):
    if settings.DEBUG:
        return []
    return [
        checks.Warning(
            "The development data app (aidhub.devdata: seed_demo, seed_bench) is installed with DEBUG off.",
            hint="Unset DEV_DATA_APP in production.",
            id="aidhub.W201",
        )
    ]
