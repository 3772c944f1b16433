"""The Django admin, signed in through allauth (rate limits, two-factor) and only with two-factor set up."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import path

from aidhub.core.security import mfa_setup_redirect, needs_mfa


class AidHubAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and not needs_mfa(request.user)

    def login(self, request, extra_context=None):
        # Staff who lack two-factor sign-in set it up first; everyone else signs in through allauth.
        if request.user.is_authenticated and request.user.is_staff and needs_mfa(request.user):
            return mfa_setup_redirect(request)
        return secure_admin_login(super().login)(request, extra_context)

    def get_urls(self):
        from aidhub.portal.views import emergency_purge

        return [path("emergency-purge/", self.admin_view(emergency_purge), name="emergency_purge"), *super().get_urls()]
