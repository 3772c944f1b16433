from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "aidhub.matching"
    label = "matching"
    verbose_name = _("Matching")
