"""Every access decision about resources, one helper per audience. What a person may not see answers 404."""

from django.shortcuts import get_object_or_404

from aidhub.resources.models import Resource


def get_published_resource(pk):
    """Anyone: published resources of active organizations; drafts answer 404."""
    return get_object_or_404(Resource.objects.published().for_listing(), pk=pk)


def get_resource_for_organizer(request, pk):
    """A resource of an organization this person organizes for, in any state."""
    return get_object_or_404(Resource.objects.organized_by(request.user).for_listing(), pk=pk)
