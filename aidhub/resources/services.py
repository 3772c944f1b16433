"""A resource's life: saved by an organizer of its organization, published, taken back to draft."""

from django.core.files import File
from django.db import transaction

from aidhub.accounts.models import User
from aidhub.core.models import Language, Organization
from aidhub.resources.models import Resource


@transaction.atomic
def resource_save(
    *,
    actor: User,
    resource: Resource | None = None,
    organization: Organization,
    kind: str,
    topic: str,
    language: Language,
    title: str,
    description: str,
    original_language: str,
    body: str,
    file: File[bytes] | None,
    url: str,
    content_type: str,
) -> Resource:
    """Saves a new resource (a draft) or the organizer's changes to `resource`. `file` is a checked upload
    (aidhub.resources.files, whose `content_type` comes with it), the file already stored, or None. Only what its
    kind shows is kept: a file replaced or no longer used is deleted from storage once the change is committed."""
    resource = (
        Resource(created_by=actor) if resource is None else Resource.objects.select_for_update().get(pk=resource.pk)
    )
    old_file = resource.file if resource.pk else None
    resource.organization, resource.kind, resource.topic, resource.language = organization, kind, topic, language
    resource.title, resource.description, resource.original_language = title, description, original_language
    resource.body, resource.url = body, url
    if file is not None:
        resource.file = file
    if resource.kind != Resource.Kind.TEXT:
        resource.body = ""
    if resource.kind != Resource.Kind.LINK:
        resource.url = ""
    if resource.kind == Resource.Kind.FILE:
        resource.content_type = content_type
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
