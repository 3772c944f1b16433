from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from aidhub.accounts.models import User, Vetting, VolunteerProfile
from aidhub.accounts.services import end_sessions, end_sessions_of, user_deactivate
from aidhub.core.admin import BumpsFragmentsAdmin
from aidhub.core.models import Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organization"]


class VolunteerProfileInline(admin.StackedInline):
    model = VolunteerProfile
    can_delete = False
    filter_horizontal = ["languages", "areas"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "language", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff", "is_superuser", "language"]
    search_fields = ["email", "volunteer_profile__display_name"]
    inlines = [VolunteerProfileInline, MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password", "language"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    readonly_fields = ["last_login", "date_joined"]
    actions = ["deactivate"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A deactivated account is signed out everywhere at once, and its private links die with it.
        if change and "is_active" in form.changed_data and not obj.is_active:
            user_deactivate(actor=request.user, user=obj)

    def delete_model(self, request, obj):
        # Before the row goes (and its id with it): a deleted account is signed out everywhere too.
        end_sessions(user=obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        end_sessions_of(users=list(queryset))
        super().delete_queryset(request, queryset)

    @admin.action(description=_("Deactivate and sign out everywhere"))
    def deactivate(self, request, queryset):
        for user in queryset:
            user_deactivate(actor=request.user, user=user)


@admin.register(VolunteerProfile)
class VolunteerProfileAdmin(BumpsFragmentsAdmin):
    # The public list of offers shows display names, and the volunteer's own page their profile.
    fragment_versions = ("offers",)
    list_display = ["display_name", "user", "max_active_matches", "updated_at"]
    list_filter = ["languages", "areas"]
    search_fields = ["display_name", "user__email"]
    filter_horizontal = ["languages", "areas"]
    autocomplete_fields = ["user"]


@admin.register(Vetting)
class VettingAdmin(admin.ModelAdmin):
    """Read only: organizers decide on their pages (Organize → Confirm volunteers), where every decision is
    audited. Administrators see who was confirmed for what, by whom and when."""

    list_display = ["volunteer", "category", "status", "requested_at", "decided_by", "decided_at"]
    list_filter = ["status", "category"]
    search_fields = ["volunteer__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
