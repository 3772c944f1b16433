import django_filters
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Area, Language, Organization


class OrganizationFilter(django_filters.FilterSet):
    area = django_filters.ModelChoiceFilter(
        label=_("Area"), queryset=Area.objects.active(), method="filter_area", empty_label=_("Any")
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Language.objects.active(), field_name="languages", empty_label=_("Any")
    )

    class Meta:
        model = Organization
        fields = ["area", "language"]

    def filter_area(self, queryset, name, value):
        return queryset.filter(areas__in=Area.objects.overlapping(value)).distinct()
