"""The Django admin, signed in through allauth (rate limits, two-factor), only in a session that gave the second
factor, and under the same session limits as organizer pages (aidhub.core.security.elevated_session_problem)."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import path

from aidhub.core.security import elevated_session_problem, elevated_session_refusal


class AidHubAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and elevated_session_problem(request) is None

    def login(self, request, extra_context=None):
        # Staff whose session does not qualify are sent where it can (set up two-factor sign-in, give the second
        # factor, sign in again); everyone else signs in through allauth.
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff:
            refusal = elevated_session_refusal(request, next_url=request.GET.get("next"))
            if refusal is not None:
                return refusal
        return secure_admin_login(super().login)(request, extra_context)

    def get_urls(self):
        from aidhub.portal.views import emergency_purge

        return [path("emergency-purge/", self.admin_view(emergency_purge), name="emergency_purge"), *super().get_urls()]
