import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aidhub.core.models import Language
from aidhub.resources.models import Resource, Topic


class ResourceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", max_length=100, widget=forms.TextInput(attrs={"type": "search"})
    )
    topic = django_filters.ChoiceFilter(label=_("Topic"), choices=Topic.choices, empty_label=_("Any"))
    # Only languages the library has something in: no choice leads to an empty page.
    language = django_filters.ModelChoiceFilter(
        label=_("Language"),
        queryset=Language.objects.filter(resources__status=Resource.Status.PUBLISHED).distinct(),
        empty_label=_("Any"),
    )

    class Meta:
        model = Resource
        fields = ["q", "topic", "language"]

    def search(self, queryset, name, value):
        """In the original texts and in every translation of them."""
        return queryset.filter(
            Q(title__icontains=value) | Q(description__icontains=value) | Q(translations__icontains=value)
        )
