from django.contrib import admin

from aidhub.core.translations import TranslationsAdminMixin
from aidhub.events.models import AppointmentSlot, Event, Reminder, Shift, SupplyItem
from aidhub.events.models.events import page_version
from aidhub.lib import fragments


class ShiftInline(admin.TabularInline):
    model = Shift
    extra = 0


class SlotInline(admin.TabularInline):
    model = AppointmentSlot
    extra = 0


class SupplyItemInline(admin.TabularInline):
    model = SupplyItem
    extra = 0


# Bookings, registrations and pledges hold people's details: they are seen on the organizer's event page,
# where access is scoped to the event's organization, and not in the admin.
@admin.register(Event)
class EventAdmin(TranslationsAdminMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "organization", "area", "starts_at", "status"]
    list_filter = ["status", "kind", "organization", "area"]
    search_fields = ["title", "description"]
    filter_horizontal = ["languages"]
    date_hierarchy = "starts_at"
    readonly_fields = ["created_by", "published_at", "cancelled_at", "created_at", "updated_at"]
    inlines = [ShiftInline, SlotInline, SupplyItemInline]

    def delete_queryset(self, request, queryset):
        # Bulk deletion skips Event.delete: the cached public list and the events' own pages are told here.
        pages = [page_version(pk) for pk in queryset.values_list("pk", flat=True)]
        super().delete_queryset(request, queryset)
        fragments.bump("events", *pages)


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["event", "kind", "recipient", "object_id", "sent_at"]
    list_filter = ["kind", "recipient"]
    readonly_fields = ["event", "kind", "recipient", "object_id", "sent_at"]
