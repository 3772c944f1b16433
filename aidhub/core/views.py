from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from aidhub.core.filters import OrganizationFilter
from aidhub.core.models import Category, Organization


@require_safe
def home(request):
    return render(request, "core/home.html", {"categories": Category})


@require_safe
def organization_list(request):
    organizations = Organization.objects.active().prefetch_related("areas", "languages")
    organization_filter = OrganizationFilter(request.GET, queryset=organizations)
    page = Paginator(organization_filter.qs, settings.ORGANIZATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "core/organization_list.html", {"filter": organization_filter, "page": page})
