"""The public library: a list filterable by language and topic, a page per resource, and its file."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from aidhub.resources.filters import ResourceFilter
from aidhub.resources.models import Resource
from aidhub.resources.views.access import get_published_resource


@require_safe
def resource_list(request):
    resources = Resource.objects.published().for_listing().readers_language_first(translation.get_language())
    resource_filter = ResourceFilter(request.GET, queryset=resources)
    page = Paginator(resource_filter.qs, settings.RESOURCES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "resources/resource_list.html", {"filter": resource_filter, "page": page})


@require_safe
def resource_detail(request, pk):
    resource = get_published_resource(pk)
    return render(request, "resources/resource_detail.html", {"resource": resource})


@require_safe
def resource_file(request, pk):
    resource = get_published_resource(pk)
    return file_response(resource)


def file_response(resource, private=False):
    """The stored file with the type its bytes were checked to be. PDFs download; pictures show in the browser.
    Nothing the uploader typed reaches the headers."""
    if resource.kind != Resource.Kind.FILE or not resource.file:
        raise Http404
    response = FileResponse(
        resource.file.open("rb"),
        content_type=resource.content_type,
        as_attachment=not resource.is_image,
        filename=resource.download_name,
    )
    # A file is a document of its own: it may load nothing and run nothing.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=3600"
    return response
