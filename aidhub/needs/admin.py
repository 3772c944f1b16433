from django.contrib import admin

from aidhub.needs.models import HelpRequest

# What administrators see of a request, none of it editable.
SHOWN = ("reference_code", "category", "language", "area", "urgency", "status", "close_reason", "source",
         "created_at", "status_changed_at")  # fmt: skip


@admin.register(HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin):
    """Administrators see the shape of requests, never the family's name, contact or description."""

    list_display = ["reference_code", "category", "language", "area", "urgency", "status", "source", "created_at"]
    list_filter = ["status", "category", "urgency", "source", "area"]
    search_fields = ["reference_code"]
    date_hierarchy = "created_at"
    fields = readonly_fields = SHOWN

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
