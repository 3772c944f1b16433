"""A resource's life: saved by an organizer of its organization, published, taken back to draft."""

from django.db import transaction

from aidhub.accounts.models import User
from aidhub.resources.forms import ResourceForm
from aidhub.resources.models import Resource


@transaction.atomic
def resource_save(*, form: ResourceForm, organizer: User) -> Resource:
    """Saves a new or changed resource from the organizer's form. Only what its kind shows is kept: a file
    replaced or no longer used is deleted from storage once the change is committed."""
    resource = form.save(commit=False)
    old_file = Resource.objects.get(pk=resource.pk).file if resource.pk else None
    if resource.pk is None:
        resource.created_by = organizer
    if resource.kind != Resource.Kind.TEXT:
        resource.body = ""
    if resource.kind != Resource.Kind.LINK:
        resource.url = ""
    if resource.kind == Resource.Kind.FILE:
        resource.content_type = form.content_type
    else:
        resource.file, resource.content_type = "", ""
    resource.save()
    if old_file is not None and old_file.name and old_file.name != (resource.file.name if resource.file else None):
        storage, name = old_file.storage, old_file.name
        transaction.on_commit(lambda: storage.delete(name))
    return resource


@transaction.atomic
def resource_publish(*, resource: Resource) -> Resource:
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    resource.publish()
    resource.save(update_fields=["status", "published_at", "updated_at"])
    return resource


@transaction.atomic
def resource_unpublish(*, resource: Resource) -> Resource:
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    resource.unpublish()
    resource.save(update_fields=["status", "updated_at"])
    return resource
