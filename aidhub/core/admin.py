from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Area, AuditEvent, Category, Language, Membership, NetworkSettings, Organization
from aidhub.core.translations import TranslationsAdminMixin
from aidhub.lib import fragments


class BumpsFragmentsAdmin(admin.ModelAdmin):
    """Changes made in the admin show at once in cached fragments (aidhub.lib.fragments) that use them."""

    fragment_versions: tuple[str, ...] = ("reference", "offers")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        fragments.bump(*self.fragment_versions)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        fragments.bump(*self.fragment_versions)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        fragments.bump(*self.fragment_versions)


@admin.register(Area)
class AreaAdmin(BumpsFragmentsAdmin):
    list_display = ["name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active", "parent"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Language)
class LanguageAdmin(BumpsFragmentsAdmin):
    list_display = ["name_en", "native_name", "code", "is_rtl", "is_active"]
    list_filter = ["is_rtl", "is_active"]
    search_fields = ["name_en", "native_name", "code"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(TranslationsAdminMixin, BumpsFragmentsAdmin):
    list_display = ["name", "public_email", "public_phone", "is_active"]
    list_filter = ["is_active", "areas", "languages"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["areas", "languages"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role", "organization"]
    search_fields = ["user__email", "organization__name"]
    autocomplete_fields = ["user", "organization"]


class NetworkSettingsForm(forms.ModelForm):
    vetted_categories = forms.MultipleChoiceField(
        label=_("Kinds of help that need a vetted volunteer"),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = NetworkSettings
        fields = [
            "vetted_categories",
            "proposal_timeout_hours",
            "request_retention_days",
            "booking_retention_days",
            "report_retention_days",
            "unconfirmed_subscriber_days",
        ]


@admin.register(NetworkSettings)
class NetworkSettingsAdmin(BumpsFragmentsAdmin):
    # The dashboard's figures use the proposal timeout; the help form shows the retention period outside
    # its cached questions.
    fragment_versions = ("requests",)
    form = NetworkSettingsForm
    list_display = ["__str__", "proposal_timeout_hours", "request_retention_days"]

    def has_add_permission(self, request):
        return not NetworkSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit trail cannot be edited from the application."""

    list_display = ["created_at", "actor", "action", "target_type", "target_id", "organization"]
    list_filter = ["action", "organization"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
