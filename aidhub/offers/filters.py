import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aidhub.core import availability
from aidhub.core.languagefields import LanguageSelect
from aidhub.core.models import Area, Category, Language
from aidhub.offers.models import Offer

# Coarse time filters people understand; each is a set of slots in the weekly grid.
TIME_FILTERS = {
    "weekdays": availability.mask_from_slots((day, part) for day in range(5) for part in range(3)),
    "weekends": availability.mask_from_slots((day, part) for day in (5, 6) for part in range(3)),
    "mornings": availability.mask_from_slots((day, 0) for day in range(7)),
    "afternoons": availability.mask_from_slots((day, 1) for day in range(7)),
    "evenings": availability.mask_from_slots((day, 2) for day in range(7)),
}


class OfferFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", max_length=100, widget=forms.TextInput(attrs={"type": "search"})
    )
    category = django_filters.ChoiceFilter(label=_("Kind of help"), choices=Category.choices, empty_label=_("Any"))
    language = django_filters.ModelChoiceFilter(
        label=_("Language"),
        queryset=Language.objects.active(),
        method="filter_language",
        empty_label=_("Any"),
        widget=LanguageSelect,
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Area"), queryset=Area.objects.active(), method="filter_area", empty_label=_("Any")
    )
    time = django_filters.ChoiceFilter(
        label=_("Available"),
        method="filter_time",
        empty_label=_("Any time"),
        choices=[
            ("weekdays", _("On weekdays")),
            ("weekends", _("On weekends")),
            ("mornings", _("In the morning")),
            ("afternoons", _("In the afternoon")),
            ("evenings", _("In the evening")),
        ],
    )

    class Meta:
        model = Offer
        fields = ["q", "category", "language", "area", "time"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    def filter_language(self, queryset, name, value):
        return queryset.speaking(value)

    def filter_area(self, queryset, name, value):
        return queryset.in_area(value)

    def filter_time(self, queryset, name, value):
        return queryset.available_during(TIME_FILTERS[value])
