"""An event's life: saved by its organizer, published, cancelled (telling everyone) or finished."""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction

from aidhub.accounts.models import User
from aidhub.core.models import Area, Language, Organization
from aidhub.events.models import Event
from aidhub.events.services.families import promote_waiting
from aidhub.events.services.reminders import notify_cancellation


@transaction.atomic
def event_save(
    *,
    actor: User,
    event: Event | None = None,
    organization: Organization,
    kind: str,
    title: str,
    description: str,
    original_language: str,
    starts_at: datetime,
    ends_at: datetime,
    area: Area,
    venue: str,
    address: str,
    languages: Iterable[Language],
    accessibility: str,
    childcare: bool,
    capacity: int | None,
) -> Event:
    """Saves a new event (a draft) or the organizer's changes to `event`; more places move people up the waiting
    list."""
    # An event changed is locked, so that a registration arriving now counts against the new capacity.
    event = Event(created_by=actor) if event is None else Event.objects.select_for_update().get(pk=event.pk)
    event.organization, event.kind, event.title, event.description = organization, kind, title, description
    event.original_language, event.starts_at, event.ends_at = original_language, starts_at, ends_at
    event.area, event.venue, event.address = area, venue, address
    event.accessibility, event.childcare, event.capacity = accessibility, childcare, capacity
    event.save()
    event.languages.set(languages)
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
