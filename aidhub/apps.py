from django.contrib.admin.apps import AdminConfig


class AidHubAdminConfig(AdminConfig):
    """Django's admin with AidHub's site: allauth sign-in and two-factor required (aidhub/admin_site.py)."""

    default_site = "aidhub.admin_site.AidHubAdminSite"
