"""Dates and times of events in the reader's language and the site's time zone."""

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

register = template.Library()


def _day(moment):
    return _("%(weekday)s, %(date)s") % {
        "weekday": formats.date_format(moment, "l"),
        "date": formats.date_format(moment, "DATE_FORMAT"),
    }


def _time(moment):
    return formats.time_format(moment, "TIME_FORMAT")


@register.simple_tag
def when(starts_at, ends_at):
    """“Tuesday May 5, 2026, 6 p.m. – 9 p.m.”, or both days when the event runs overnight."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if start.date() == end.date():
        return _("%(day)s, %(start)s – %(end)s") % {"day": _day(start), "start": _time(start), "end": _time(end)}
    return _("%(start_day)s, %(start)s – %(end_day)s, %(end)s") % {
        "start_day": _day(start),
        "start": _time(start),
        "end_day": _day(end),
        "end": _time(end),
    }


@register.simple_tag
def hours(starts_at, ends_at):
    """“6:20 p.m. – 6:40 p.m.”: a slot or shift on the event's day."""
    return f"{_time(timezone.localtime(starts_at))} – {_time(timezone.localtime(ends_at))}"


@register.filter
def day(moment):
    return _day(timezone.localtime(moment))
