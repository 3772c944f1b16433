from django.contrib import admin

from aidhub.catalogs.models import CatalogChange, Translator


@admin.register(Translator)
class TranslatorAdmin(admin.ModelAdmin):
    """Administrators make a person the translator of a language (two-factor sign-in is then required of them)."""

    list_display = ["user", "language", "created_at"]
    list_filter = ["language"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]


@admin.register(CatalogChange)
class CatalogChangeAdmin(admin.ModelAdmin):
    """Corrections are read, never edited here: the audit trail keeps them too."""

    list_display = ["created_at", "language", "msgid", "new_text", "actor"]
    list_filter = ["language"]
    search_fields = ["msgid", "new_text", "old_text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
