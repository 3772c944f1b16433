import django_filters
from django.utils.translation import gettext_lazy as _

from aidhub.alerts.models import Alert, Report
from aidhub.alerts.models.subscribers import reach_of
from aidhub.core.models import Area


class AlertFilter(django_filters.FilterSet):
    area = django_filters.ModelChoiceFilter(
        label=_("Area"), queryset=Area.objects.active(), method="filter_area", empty_label=_("All areas")
    )

    class Meta:
        model = Alert
        fields = ["area"]

    def filter_area(self, queryset, name, value):
        return queryset.filter(areas__in=reach_of([value])).distinct()


class ReportFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Report.Status.choices, empty_label=_("Open"))

    class Meta:
        model = Report
        fields = ["status"]

    def filter_queryset(self, queryset):
        # No status chosen: the reports still waiting for a decision.
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.open()
        return super().filter_queryset(queryset)
