from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The top floor: pages that bring several apps together for one person.

    It may import any AidHub app; no app imports it.
    """

    name = "aidhub.portal"
    label = "portal"
    verbose_name = _("Portal")
