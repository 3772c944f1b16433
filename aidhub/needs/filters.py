"""The filters of the organizers' queue of requests (needs:queue)."""

from datetime import timedelta
from typing import cast

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Area, Category, Language
from aidhub.core.selectors import organizer_areas
from aidhub.needs.models import HelpRequest

UNMET = "unmet"


class RequestQueueFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(UNMET, _("All unmet")), *HelpRequest.Status.choices],
        method="filter_status",
        empty_label=_("All"),
    )
    category = django_filters.ChoiceFilter(label=_("Kind of help"), choices=Category.choices, empty_label=_("Any"))
    language = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Language.objects.active(), empty_label=_("Any")
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Area"), queryset=Area.objects.none(), method="filter_area", empty_label=_("Any")
    )
    urgency = django_filters.ChoiceFilter(
        label=_("How urgent"), choices=HelpRequest.Urgency.choices, empty_label=_("Any")
    )
    waiting = django_filters.ChoiceFilter(
        label=_("Waiting for more than"),
        method="filter_waiting",
        empty_label=_("Any time"),
        choices=[("1", _("1 day")), ("3", _("3 days")), ("7", _("a week")), ("14", _("two weeks"))],
    )
    sort = django_filters.ChoiceFilter(
        label=_("Order"),
        method="sort_by",
        empty_label=_("Most urgent first"),
        choices=[("oldest", _("Oldest first")), ("newest", _("Newest first"))],
    )

    class Meta:
        model = HelpRequest
        fields = ["status", "category", "language", "area", "urgency", "waiting"]

    def __init__(self, data=None, *args, user, **kwargs):
        # Unmet requests unless the organizer asks for another status.
        data = data.copy() if data is not None else {}
        data.setdefault("status", UNMET)
        super().__init__(data, *args, **kwargs)
        # Declared as a ModelChoiceFilter above; FilterSet.filters is typed as holding any Filter.
        cast(django_filters.ModelChoiceFilter, self.filters["area"]).queryset = organizer_areas(user)

    def filter_status(self, queryset, name, value):
        return queryset.unmet() if value == UNMET else queryset.filter(status=value)

    def filter_area(self, queryset, name, value):
        return queryset.filter(area__in=Area.objects.filter(pk=value.pk).with_descendants())

    def filter_waiting(self, queryset, name, value):
        return queryset.filter(created_at__lt=timezone.now() - timedelta(days=int(value)))

    def sort_by(self, queryset, name, value):
        return queryset.order_by("created_at" if value == "oldest" else "-created_at", "id")
