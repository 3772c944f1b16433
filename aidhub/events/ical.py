"""iCalendar (RFC 5545) files of events and of a volunteer's shifts, built with the `icalendar` library.
Titles and descriptions are in the language of the feed's address (/es/events/calendar.ics), where translated."""

from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _


def _host():
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def _calendar(name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//AidHub events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _event_entry(event, uid, summary, starts_at, ends_at, show_address):
    entry = icalendar.Event()
    entry.add("uid", f"{uid}@{_host()}")
    entry.add("dtstamp", event.updated_at)
    entry.add("last-modified", event.updated_at)
    entry.add("dtstart", starts_at)
    entry.add("dtend", ends_at)
    entry.add("summary", summary)
    url = settings.SITE_URL + reverse("events:detail", args=[event.pk])
    entry.add("url", url)
    entry.add("description", f"{event.translated('description')}\n\n{url}")
    if show_address and event.address:
        entry.add("location", f"{event.address}, {event.area.name}")
    else:
        entry.add("location", event.area.name)
    entry.add("categories", [event.get_kind_display()])
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return entry


def events_calendar(events, name):
    """Public events: the address only where it is public."""
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(
            _event_entry(
                event,
                f"event-{event.pk}",
                event.translated("title"),
                event.starts_at,
                event.ends_at,
                event.address_is_public,
            )
        )
    return calendar


def shifts_calendar(signups, name):
    """A volunteer's own shifts: they signed up, so they see the address."""
    calendar = _calendar(name)
    for signup in signups:
        shift, event = signup.shift, signup.shift.event
        summary = _("%(role)s: %(event)s") % {"role": shift.label, "event": event.translated("title")}
        calendar.add_component(
            _event_entry(event, f"shift-signup-{signup.pk}", summary, shift.starts_at, shift.ends_at, True)
        )
    return calendar


def ics_response(calendar, filename, private=False):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if private:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response
