from aidhub.events.models.events import Event, EventStateError
from aidhub.events.models.families import AppointmentSlot, Booking, ContactKind, Registration
from aidhub.events.models.reminders import CalendarFeed, Reminder
from aidhub.events.models.shifts import Shift, ShiftSignup
from aidhub.events.models.supplies import Pledge, SupplyItem

__all__ = [
    "AppointmentSlot",
    "Booking",
    "CalendarFeed",
    "ContactKind",
    "Event",
    "EventStateError",
    "Pledge",
    "Registration",
    "Reminder",
    "Shift",
    "ShiftSignup",
    "SupplyItem",
]
