from datetime import datetime, time, timedelta

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Area, Language
from aidhub.events.models import Event


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind of event"), choices=Event.Kind.choices, empty_label=_("Any"))
    area = django_filters.ModelChoiceFilter(
        label=_("Area"), queryset=Area.objects.active(), method="filter_area", empty_label=_("Any")
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Language.objects.active(), method="filter_language", empty_label=_("Any")
    )
    date_from = django_filters.DateFilter(
        label=_("From"), method="filter_from", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_until = django_filters.DateFilter(
        label=_("Until"), method="filter_until", widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Event
        fields = ["kind", "area", "language", "date_from", "date_until"]

    def filter_area(self, queryset, name, value):
        return queryset.in_area(value)

    def filter_language(self, queryset, name, value):
        return queryset.offering(value)

    def filter_from(self, queryset, name, value):
        """Events still going on at the start of that day (in the site's time zone)."""
        return queryset.filter(ends_at__gte=_start_of(value))

    def filter_until(self, queryset, name, value):
        """Events that start before that day is over."""
        return queryset.filter(starts_at__lt=_start_of(value + timedelta(days=1)))


def _start_of(day):
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


class CalendarFilter(django_filters.FilterSet):
    """The calendar feed takes the list's area and language filters, so a feed link can follow the list."""

    area = django_filters.ModelChoiceFilter(queryset=Area.objects.active(), method="filter_area")
    language = django_filters.ModelChoiceFilter(queryset=Language.objects.active(), method="filter_language")

    class Meta:
        model = Event
        fields = ["area", "language"]

    def filter_area(self, queryset, name, value):
        return queryset.in_area(value)

    def filter_language(self, queryset, name, value):
        return queryset.offering(value)
