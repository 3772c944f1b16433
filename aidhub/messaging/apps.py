from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "aidhub.messaging"
    label = "messaging"
    verbose_name = _("Messaging")

    def ready(self):
        # Registers the deploy checks of the messaging backends.
        from aidhub.messaging import checks  # noqa: F401
