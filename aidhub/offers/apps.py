from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class OffersConfig(AppConfig):
    name = "aidhub.offers"
    label = "offers"
    verbose_name = pgettext_lazy("offers of help", "Offers")
