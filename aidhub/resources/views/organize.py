"""Organizers' pages: their organizations' resources, added, changed, published, taken back and translated."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from aidhub.core.decorators import organizer_required
from aidhub.core.translations import (
    TranslationForm,
    translation_languages,
    translation_save,
    translations_page_context,
)
from aidhub.resources import services
from aidhub.resources.forms import ResourceForm
from aidhub.resources.models import Resource
from aidhub.resources.views.access import get_resource_for_organizer
from aidhub.resources.views.public import file_response


@require_safe
@organizer_required
def organizer_resource_list(request):
    resources = Resource.objects.organized_by(request.user).for_listing().order_by("-created_at", "-id")
    page = Paginator(resources, settings.RESOURCES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "resources/organize/resource_list.html", {"page": page})


@organizer_required
def resource_create(request):
    form = ResourceForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        resource = services.resource_save(actor=request.user, content_type=form.content_type, **form.cleaned_data)
        messages.success(request, _("The resource is saved as a draft. Check it, then publish it."))
        return redirect("resources:edit", resource.pk)
    return render(request, "resources/organize/resource_form.html", {"form": form})


@organizer_required
def resource_edit(request, pk):
    resource = get_resource_for_organizer(request, pk)
    form = ResourceForm(request.POST or None, request.FILES or None, instance=resource, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.resource_save(
            actor=request.user, resource=resource, content_type=form.content_type, **form.cleaned_data
        )
        messages.success(request, _("Your changes are saved."))
        return redirect("resources:edit", resource.pk)
    return render(request, "resources/organize/resource_form.html", {"form": form, "resource": resource})


@require_POST
@organizer_required
def resource_publish(request, pk):
    resource = get_resource_for_organizer(request, pk)
    services.resource_publish(resource=resource)
    messages.success(request, _("The resource is published in the library."))
    return redirect("resources:edit", resource.pk)


@require_POST
@organizer_required
def resource_unpublish(request, pk):
    resource = get_resource_for_organizer(request, pk)
    services.resource_unpublish(resource=resource)
    messages.success(request, _("The resource is taken out of the library. It is a draft again."))
    return redirect("resources:edit", resource.pk)


@require_safe
@never_cache
@organizer_required
def resource_file_preview(request, pk):
    """The file of a resource, drafts included, for its organizers to check before publishing."""
    return file_response(get_resource_for_organizer(request, pk), private=True)


@require_safe
@organizer_required
def resource_translations(request, pk):
    """The title and description in the other interface languages, one form each."""
    resource = get_resource_for_organizer(request, pk)
    return _translations_page(request, resource)


@require_POST
@organizer_required
def resource_translation_save(request, pk, language):
    resource = get_resource_for_organizer(request, pk)
    if language not in translation_languages(resource):
        raise Http404
    form = TranslationForm(request.POST, instance=resource, language=language)
    if form.is_valid():
        translation_save(instance=resource, language=language, values=form.cleaned_data)
        messages.success(request, _("The translation into %(language)s is saved.") % {"language": form.language_name})
        return redirect(f"{reverse('resources:translations', args=[resource.pk])}#translation-{language}")
    return _translations_page(request, resource, bound=form)


def _translations_page(request, resource, bound=None):
    context = translations_page_context(resource, action="resources:translation_save", bound=bound)
    return render(
        request,
        "core/translations.html",
        {**context, "object": resource, "back_url": reverse("resources:edit", args=[resource.pk])},
    )
