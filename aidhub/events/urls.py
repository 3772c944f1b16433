from django.urls import path

from aidhub.events.views import calendar, exports, families, organize, public, supplies

app_name = "events"

urlpatterns = [
    # The public.
    path("events/", public.event_list, name="list"),
    path("events/calendar.ics", calendar.feed, name="feed"),
    path("events/<int:pk>/", public.event_detail, name="detail"),
    path("events/<int:pk>/calendar.ics", calendar.event_ics, name="event_ics"),
    path("events/<int:pk>/pledge/", supplies.pledge, name="pledge"),
    # Families and attendees, without an account: a private link each.
    path("events/<int:pk>/book/", families.booking_create, name="book"),
    path("events/bookings/<str:token>/", families.booking_detail, name="booking"),
    path("events/bookings/<str:token>/move/", families.booking_move, name="booking_move"),
    path("events/bookings/<str:token>/cancel/", families.booking_cancel, name="booking_cancel"),
    path("events/<int:pk>/register/", families.registration_create, name="register"),
    path("events/registrations/<str:token>/", families.registration_detail, name="registration"),
    path("events/registrations/<str:token>/cancel/", families.registration_cancel, name="registration_cancel"),
    # Volunteers.
    path("events/shifts/<int:pk>/sign-up/", public.shift_signup_view, name="shift_signup"),
    path("events/shifts/<int:pk>/cancel/", public.shift_cancel_view, name="shift_cancel"),
    path("events/shifts/<int:pk>/ask/", public.shift_ask_confirmation, name="shift_ask"),
    path("events/my-shifts/<str:token>.ics", calendar.shift_feed, name="shift_feed"),
    path("my/events/calendar/", calendar.my_calendar, name="my_calendar"),
    path("my/events/<int:pk>/slots/", calendar.my_slots, name="my_slots"),
    # Organizers.
    path("organize/events/", organize.organizer_event_list, name="organize"),
    path("organize/events/new/", organize.event_create, name="create"),
    path("organize/events/<int:pk>/", organize.event_manage, name="manage"),
    path("organize/events/<int:pk>/edit/", organize.event_edit, name="edit"),
    path("organize/events/<int:pk>/publish/", organize.event_publish, name="publish"),
    path("organize/events/<int:pk>/cancel/", organize.event_cancel, name="cancel"),
    path("organize/events/<int:pk>/finish/", organize.event_finish, name="finish"),
    path("organize/events/<int:pk>/translations/", organize.event_translations, name="translations"),
    path(
        "organize/events/<int:pk>/translations/<str:language>/",
        organize.event_translation_save,
        name="translation_save",
    ),
    path("organize/events/<int:pk>/shifts/new/", organize.shift_create, name="shift_create"),
    path("organize/events/shifts/<int:pk>/edit/", organize.shift_edit, name="shift_edit"),
    path("organize/events/shifts/<int:pk>/delete/", organize.shift_delete, name="shift_delete"),
    path("organize/events/<int:pk>/slots/new/", organize.slots_generate, name="slots_generate"),
    path("organize/events/slots/<int:pk>/delete/", organize.slot_delete, name="slot_delete"),
    path("organize/events/<int:pk>/supplies/new/", supplies.item_create, name="item_create"),
    path("organize/events/supplies/<int:pk>/delete/", supplies.item_delete, name="item_delete"),
    path("organize/events/pledges/<int:pk>/received/", supplies.pledge_received, name="pledge_received"),
    path("organize/events/<int:pk>/attendance/", exports.attendance, name="attendance"),
    path("organize/events/<int:pk>/shifts.csv", exports.shifts_csv, name="shifts_csv"),
]
