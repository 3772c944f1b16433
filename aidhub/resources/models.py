"""The resources library: know-your-rights and other materials, each in one language (any language people speak)."""

import uuid
from typing import Self
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_stubs_ext import StrPromise

from aidhub.core.models import Language, Organization
from aidhub.core.selectors import organized_organizations
from aidhub.core.translations import TranslatableMixin

# What an uploaded file may be, by what its bytes say (never by its name or the browser's word): the file
# extension it is stored and served with.
FILE_TYPES = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
}


def resource_file_path(resource: "Resource", _filename: str) -> str:
    """A random name with the extension of the checked type: the uploader's file name may say who made it."""
    return f"resources/{uuid.uuid4().hex}{FILE_TYPES.get(resource.content_type, '')}"


class Topic(models.TextChoices):
    RIGHTS = "rights", _("Your rights")
    LEGAL = "legal", _("Immigration legal help")
    HEALTH = "health", _("Health")
    HOUSING = "housing", _("Housing")
    SCHOOL = "school", _("School")
    WORK = "work", _("Work")
    FOOD = "food", _("Food")
    SAFETY = "safety", _("Safety and emergencies")
    OTHER = "other", pgettext_lazy("resource topic", "Other")


class ResourceQuerySet(models.QuerySet["Resource"]):
    def published(self) -> Self:
        return self.filter(status=Resource.Status.PUBLISHED, organization__is_active=True)

    def organized_by(self, user: AbstractBaseUser | AnonymousUser) -> Self:
        """Resources of the active organizations this user organizes for."""
        return self.filter(organization__in=organized_organizations(user))

    def for_listing(self) -> Self:
        return self.select_related("language", "organization")

    def readers_language_first(self, interface_code: str) -> Self:
        """Materials in the reader's language first (zh-hans reads zh, pt-br reads pt), then the newest."""
        spoken = interface_code.split("-")[0]
        first = Case(When(language__code=spoken, then=Value(0)), default=Value(1), output_field=IntegerField())
        return self.annotate(in_other_language=first).order_by("in_other_language", "-published_at", "-id")


class Resource(TranslatableMixin, models.Model):
    """A text to read, a file (PDF or picture) or a link to another website, in one language."""

    translatable_fields = ("title", "description")

    class Kind(models.TextChoices):
        TEXT = "text", _("Text to read on this site")
        FILE = "file", _("File (PDF or picture)")
        LINK = "link", _("Link to another website")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="resources"
    )
    kind = models.CharField(_("kind of resource"), max_length=10, choices=Kind, default=Kind.TEXT)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic)
    language = models.ForeignKey(
        Language,
        verbose_name=_("language of the material"),
        on_delete=models.PROTECT,
        related_name="resources",
        help_text=_("The language the text, file or website itself is in."),
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("short description"), max_length=1000, blank=True)
    body = models.TextField(
        _("text"), max_length=20000, blank=True, help_text=_("Plain text. Leave an empty line between paragraphs.")
    )
    file = models.FileField(_("file"), upload_to=resource_file_path, blank=True)
    content_type = models.CharField(_("type of file"), max_length=40, blank=True, editable=False)
    url = models.URLField(
        _("web address"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [
            models.Index(fields=["status", "topic"], name="resource_status_topic"),
            models.Index(fields=["organization", "-created_at"], name="resource_organization_created"),
        ]
        constraints = [
            # Each kind carries what it shows: a text, a checked file, or an address.
            models.CheckConstraint(
                condition=(
                    (Q(kind="text") & ~Q(body=""))
                    | (Q(kind="file") & ~Q(file="") & Q(content_type__in=list(FILE_TYPES)))
                    | (Q(kind="link") & ~Q(url=""))
                ),
                name="resource_kind_has_content",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False), name="resource_published_has_date"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def kind_badge(self) -> tuple[str, StrPromise]:
        """(icon, short label) of what a reader gets: a text, a PDF, a picture or another website."""
        if self.kind == self.Kind.TEXT:
            return "journal-text", _("Text")
        if self.kind == self.Kind.LINK:
            return "box-arrow-up-right", _("Website")
        return ("file-earmark-image", _("Picture")) if self.is_image else ("file-earmark-pdf", _("PDF"))

    @property
    def link_host(self) -> str:
        """The website a link leads to, shown before people leave this site."""
        return urlsplit(self.url).hostname or ""

    @property
    def download_name(self) -> str:
        """The file's name when saved: from the title and the checked extension, nothing the uploader's file said."""
        return f"{slugify(self.title)[:60] or 'resource'}-{self.pk}{FILE_TYPES.get(self.content_type, '')}"

    def publish(self) -> None:
        self.status = self.Status.PUBLISHED
        self.published_at = self.published_at or timezone.now()

    def unpublish(self) -> None:
        self.status = self.Status.DRAFT
