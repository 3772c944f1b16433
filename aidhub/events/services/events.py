"""An event's life: saved by its organizer, published, cancelled (telling everyone) or finished."""

from django.db import transaction

from aidhub.accounts.models import User
from aidhub.events.forms import EventForm
from aidhub.events.models import Event
from aidhub.events.services.families import promote_waiting
from aidhub.events.services.reminders import notify_cancellation


@transaction.atomic
def event_save(*, form: EventForm, organizer: User) -> Event:
    """Saves a new or edited event from the organizer's form; more places move people up the waiting list."""
    event = form.save(commit=False)
    if event.pk is None:
        event.created_by = organizer
    else:
        # Lock the event so that a registration arriving now counts against the new capacity.
        Event.objects.select_for_update().filter(pk=event.pk).first()
    event.save()
    form.save_m2m()
    if event.takes_registrations and event.status == Event.Status.PUBLISHED:
        promote_waiting(event)
    return event


@transaction.atomic
def event_publish(*, event: Event) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    event.publish()
    event.save(update_fields=["status", "published_at", "updated_at"])
    return event


@transaction.atomic
def event_cancel(*, event: Event) -> Event:
    """Cancels the event and sends every volunteer, family and attendee a cancellation notice instead of reminders."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    event.cancel()
    event.save(update_fields=["status", "cancelled_at", "updated_at"])
    notify_cancellation(event)
    return event


@transaction.atomic
def event_finish(*, event: Event) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    event.finish()
    event.save(update_fields=["status", "updated_at"])
    return event
