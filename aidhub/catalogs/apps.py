from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogsConfig(AppConfig):
    """Translators correct the interface catalogs in the browser; corrections are kept, audited and applied live."""

    name = "aidhub.catalogs"
    label = "catalogs"
    verbose_name = _("Translations")
