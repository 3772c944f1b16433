from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "aidhub.core"
    label = "core"
    verbose_name = _("Reference data")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from aidhub.core.security import remember_session_rules

        # The anti-bot module registers its `check --deploy` warning (a proxy without TRUSTED_PROXY_COUNT).
        from aidhub.lib import antibot, lookups  # noqa: F401

        lookups.register()
        user_logged_in.connect(remember_session_rules, dispatch_uid="aidhub.remember_session_rules")
