from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
]

# Every page people read lives under its language: /en/, /es/, /ar/…
urlpatterns += i18n_patterns(
    path("", include("aidhub.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("my/", include("aidhub.portal.urls")),
    path("my/", include("aidhub.accounts.urls")),
    path("", include("aidhub.offers.urls")),
    path("", include("aidhub.events.urls")),
)
