from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from aidhub.core import health
from aidhub.portal import hook_urls

urlpatterns = [
    path("admin/", admin.site.urls),
    # Called by the SMS provider, not read by people: no language prefix.
    path("hooks/alerts/", include("aidhub.portal.hook_urls")),
    # The network's number: text and WhatsApp messages (/hooks/twilio/sms/), calls (/hooks/twilio/voice/).
    path("hooks/", include((hook_urls.hooks_patterns, "hooks"))),
    path("hooks/twilio/", include("aidhub.phone.hook_urls")),
    # For load balancers and process managers: no language prefix, no redirect (see docs/operations.md).
    # Machines read the API: no language prefix (its texts follow Accept-Language).
    path("api/", include("aidhub.api.urls")),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

# Every page people read lives under its language: /en/, /es/, /ar/…
urlpatterns += i18n_patterns(
    path("", include("aidhub.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("my/", include("aidhub.portal.urls")),
    path("my/", include("aidhub.accounts.urls")),
    path("", include("aidhub.offers.urls")),
    path("", include("aidhub.needs.urls")),
    path("", include("aidhub.matching.urls")),
    path("", include("aidhub.alerts.urls")),
    path("", include("aidhub.events.urls")),
    path("", include("aidhub.resources.urls")),
    path("", include("aidhub.phone.urls")),
    path("", include("aidhub.callouts.urls")),
    path("", include("aidhub.imports.urls")),
    path("", include("aidhub.insights.urls")),
    path("", include("aidhub.api.page_urls")),
    path("", include("aidhub.catalogs.urls")),
    path("translate/catalogs/", include("aidhub.catalogs.rosetta_urls")),
)

handler500 = "aidhub.core.views.server_error"
