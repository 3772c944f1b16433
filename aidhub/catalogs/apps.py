from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogsConfig(AppConfig):
    """Translators correct the interface catalogs in the browser; corrections are kept, audited and applied live."""

    name = "aidhub.catalogs"
    label = "catalogs"
    verbose_name = _("Translations")

    def ready(self) -> None:
        from django.tasks.signals import task_started

        from aidhub.catalogs.live import refresh_before_task

        task_started.connect(refresh_before_task, dispatch_uid="aidhub.catalogs.refresh_before_task")
