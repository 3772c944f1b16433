from django.contrib import admin

from aidhub.matching.models import CheckIn, Match


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["help_request", "volunteer", "status", "proposed_at", "answered_at", "done_at"]
    list_filter = ["status"]
    search_fields = ["help_request__reference_code", "volunteer__email"]
    readonly_fields = ["help_request", "volunteer", "offer", "proposed_by", "proposed_at", "answered_at", "done_at"]
    fields = [*readonly_fields, "status", "decline_reason"]

    def has_add_permission(self, request):
        return False


# What administrators see of a check-in, none of it editable.
CHECK_IN_SHOWN = ("match", "outcome", "recorded_by", "recorded_at")


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    """The check-in note is about the family: administrators see only the outcome."""

    list_display = ["match", "outcome", "recorded_at"]
    list_filter = ["outcome"]
    fields = readonly_fields = CHECK_IN_SHOWN

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
