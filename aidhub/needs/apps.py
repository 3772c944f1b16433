from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class NeedsConfig(AppConfig):
    name = "aidhub.needs"
    label = "needs"
    verbose_name = pgettext_lazy("requests for help", "Requests")
