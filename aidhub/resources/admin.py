from django.contrib import admin

from aidhub.core.translations import TranslationsAdminMixin
from aidhub.resources.forms import ResourceAdminForm
from aidhub.resources.models import Resource


@admin.register(Resource)
class ResourceAdmin(TranslationsAdminMixin, admin.ModelAdmin):
    form = ResourceAdminForm
    list_display = ["title", "kind", "topic", "language", "organization", "status", "published_at"]
    list_filter = ["status", "kind", "topic", "language", "organization"]
    search_fields = ["title", "description", "body", "url"]
    list_select_related = ["language", "organization"]
    autocomplete_fields = ["language", "organization"]
    readonly_fields = ["content_type", "published_at", "created_by", "created_at", "updated_at"]
    date_hierarchy = "created_at"

    def save_model(self, request, obj, form, change):
        # Published from the admin: it gets its publication date as it would from the organizer's button.
        if obj.status == Resource.Status.PUBLISHED:
            obj.publish()
        if obj.created_by is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
