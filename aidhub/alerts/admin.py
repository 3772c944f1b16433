"""Admin for alerts: for looking and fixing reference data, never for bypassing the two-person rule.

An alert's status, author and verifier are read-only here; the database refuses an author who verifies their
own alert in any case. A change made here is recorded like one made on the organizer's pages (alert_record_edit):
whoever makes it may no longer verify the alert. Addresses of subscribers and community reports are not shown at all.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from aidhub.alerts.models import Alert, AlertText, Delivery, Subscriber
from aidhub.alerts.services.alerts import alert_record_edit


class AlertTextInline(admin.TabularInline):
    model = AlertText
    extra = 0
    fields = ["language", "text", "written_by"]
    readonly_fields = ["written_by"]

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.can_edit

    def has_add_permission(self, request, obj=None):
        return obj is None or obj.can_edit

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.can_edit


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["__str__", "severity", "status", "organization", "author", "verified_by", "verified_at"]
    list_filter = ["status", "severity", "organization"]
    readonly_fields = [
        "organization",
        "author",
        "main_language",
        "status",
        "corrects",
        "source_report",
        "submitted_at",
        "verified_by",
        "verified_at",
        "retracted_by",
        "retracted_at",
        "written_or_changed_by",
        "created_at",
        "updated_at",
    ]
    fields = ["severity", "areas", *readonly_fields]
    filter_horizontal = ["areas"]
    inlines = [AlertTextInline]

    def has_add_permission(self, request):
        # Alerts are written by organizers on their pages, where the two-person rule applies.
        return False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and (form.has_changed() or any(formset.has_changed() for formset in formsets)):
            alert_record_edit(alert=form.instance, editor=request.user)

    @admin.display(description=_("written or changed by (they cannot verify it)"))
    def written_or_changed_by(self, obj):
        editors = {obj.author_id: obj.author}
        editors.update((edit.editor_id, edit.editor) for edit in obj.edits.select_related("editor"))
        return ", ".join(str(editor) for editor in editors.values())

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.can_edit:
            return [*self.readonly_fields, "severity", "areas"]
        return self.readonly_fields


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["__str__", "channel", "language", "status", "confirmed_at", "created_at"]
    list_filter = ["channel", "status", "language", "areas"]
    fields = ["channel", "language", "areas", "status", "confirmed_at", "unsubscribed_at", "created_at"]
    readonly_fields = ["channel", "status", "confirmed_at", "unsubscribed_at", "created_at"]
    filter_horizontal = ["areas"]

    def has_add_permission(self, request):
        # People subscribe themselves and confirm with a code; nobody is subscribed by someone else.
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["alert", "subscriber", "kind", "status", "attempts", "sent_at", "error"]
    list_filter = ["kind", "status"]
    readonly_fields = [field.name for field in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
