from datetime import datetime, timedelta
from typing import Any, Self

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_stubs_ext import StrPromise

from aidhub.core.translations import TranslatableMixin
from aidhub.lib import fragments


class Category(models.TextChoices):
    """What kind of help is offered or asked for. Fixed in code so that every label is translated."""

    FOOD = "food", _("Food")
    CHILDCARE = "childcare", _("Childcare")
    INTERPRETING = "interpreting", _("Interpreting")
    LEGAL = "legal", _("Legal help")
    RIDES = "rides", _("Rides")
    EMOTIONAL = "emotional", _("Emotional support")
    TUTORING_ART = "tutoring_art", _("Tutoring & art")
    SUPPLIES = "supplies", _("Supplies")
    HOUSING = "housing", _("Housing")
    OTHER = "other", pgettext_lazy("category", "Other")

    @property
    def icon(self) -> str:
        return CATEGORY_ICONS[self.value]

    @property
    def in_sentence(self) -> StrPromise:
        """The kind of help as it reads inside a sentence ("confirmed for legal help")."""
        return CATEGORY_IN_SENTENCE[self.value]


# Bootstrap Icons names (vendored under static/vendor/bootstrap-icons/); always shown next to the label.
CATEGORY_ICONS: dict[str, str] = {
    Category.FOOD: "basket2",
    Category.CHILDCARE: "person-arms-up",
    Category.INTERPRETING: "translate",
    Category.LEGAL: "bank",
    Category.RIDES: "car-front",
    Category.EMOTIONAL: "heart-pulse",
    Category.TUTORING_ART: "palette",
    Category.SUPPLIES: "box-seam",
    Category.HOUSING: "house-heart",
    Category.OTHER: "three-dots",
}

# Inside a sentence most languages write these in lower case, and some inflect them.
CATEGORY_IN_SENTENCE: dict[str, StrPromise] = {
    Category.FOOD: pgettext_lazy("kind of help, inside a sentence", "food"),
    Category.CHILDCARE: pgettext_lazy("kind of help, inside a sentence", "childcare"),
    Category.INTERPRETING: pgettext_lazy("kind of help, inside a sentence", "interpreting"),
    Category.LEGAL: pgettext_lazy("kind of help, inside a sentence", "legal help"),
    Category.RIDES: pgettext_lazy("kind of help, inside a sentence", "rides"),
    Category.EMOTIONAL: pgettext_lazy("kind of help, inside a sentence", "emotional support"),
    Category.TUTORING_ART: pgettext_lazy("kind of help, inside a sentence", "tutoring and art"),
    Category.SUPPLIES: pgettext_lazy("kind of help, inside a sentence", "supplies"),
    Category.HOUSING: pgettext_lazy("kind of help, inside a sentence", "housing"),
    Category.OTHER: pgettext_lazy("kind of help, inside a sentence", "other help"),
}

# Kinds of help where a volunteer is alone with a family, its children or its case: only volunteers an organizer
# confirmed may offer them, be suggested or asked, take their shifts and see their bookings. A network changes
# the list in the admin (Network settings); docs/capabilities.md says why these.
DEFAULT_VETTED_CATEGORIES = [
    Category.LEGAL,
    Category.CHILDCARE,
    Category.INTERPRETING,
    Category.EMOTIONAL,
    Category.RIDES,
]


class AreaQuerySet(models.QuerySet["Area"]):
    def active(self) -> Self:
        return self.filter(is_active=True)

    def with_descendants(self) -> "AreaQuerySet":
        """These areas and every area inside them (areas nest at most three levels: region, city, neighbourhood)."""
        return Area.objects.filter(Q(pk__in=self) | Q(parent__in=self) | Q(parent__parent__in=self))

    def overlapping(self, area: "Area") -> Self:
        """The area itself, the areas it lies in and the areas inside it: all places that overlap it."""
        return self.filter(
            Q(pk=area.pk) | Q(children=area) | Q(children__children=area) | Q(parent=area) | Q(parent__parent=area)
        ).distinct()


class Area(models.Model):
    """A coarse place curated by administrators (a town or a neighbourhood), never a street address."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        CITY = "city", _("City or town")
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.NEIGHBOURHOOD)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="area_unique_name_in_parent"),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="area_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name


class LanguageQuerySet(models.QuerySet["Language"]):
    def active(self) -> Self:
        return self.filter(is_active=True)


class Language(models.Model):
    """A language people speak. Many more than the interface languages: Mam, K'iche', Somali, Dari…"""

    code = models.CharField(
        _("ISO 639 code"),
        max_length=12,
        unique=True,
        help_text=_("ISO 639-1 where it exists (es), otherwise ISO 639-3 (mam)."),
    )
    name_en = models.CharField(_("English name"), max_length=100)
    native_name = models.CharField(_("name in the language itself"), max_length=100)
    is_rtl = models.BooleanField(_("written right to left"), default=False)
    is_active = models.BooleanField(_("active"), default=True)

    objects = LanguageQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        if self.native_name and self.native_name != self.name_en:
            return f"{self.native_name} ({self.name_en})"
        return self.name_en

    @property
    def direction(self) -> str:
        return "rtl" if self.is_rtl else "ltr"

    @property
    def localised_name(self) -> str:
        """The language's name in the language being rendered (Django's names of languages, e.g. "créole haïtien"
        in French), or its own name where Django has none."""
        try:
            info = translation.get_language_info(self.code)
        except KeyError:
            return str(self)
        name = str(info["name_translated"])
        # Django's catalog of this interface language may not name it: its own name then, with the English one.
        if name == info["name"] and not (translation.get_language() or "en").startswith("en"):
            return str(self)
        return name


class OrganizationQuerySet(models.QuerySet["Organization"]):
    def active(self) -> Self:
        return self.filter(is_active=True)

    def serving(self, area: Area) -> Self:
        """Organizations that serve this area, directly or through the city or region it lies in."""
        return self.filter(Q(areas=area) | Q(areas__children=area) | Q(areas__children__children=area)).distinct()


class Organization(TranslatableMixin, models.Model):
    """A partner organization. Its members are the organizers of the areas it serves."""

    translatable_fields = ("description",)

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)
    areas = models.ManyToManyField(Area, verbose_name=_("areas served"), related_name="organizations", blank=True)
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages spoken"), related_name="organizations", blank=True
    )
    main_language = models.ForeignKey(
        Language,
        verbose_name=_("main language"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Alerts are always written in this language; people who read another get it when no translation exists."
        ),
    )
    website = models.URLField(_("website"), blank=True)
    public_email = models.EmailField(_("public email"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organizations", blank=True
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name

    def alert_language(self) -> Language:
        """The language every alert of this organization is written in first."""
        return self.main_language or Language.objects.get(code=settings.LANGUAGE_CODE)


class Membership(models.Model):
    """Makes a user an organizer for an organization."""

    class Role(models.TextChoices):
        ORGANIZER = "organizer", pgettext_lazy("role", "Organizer")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.ORGANIZER)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="membership_unique_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization}"


# The help form, the organizer's pages and every suggestion read the network settings: the row is kept in the
# shared cache and dropped from it when it changes.
NETWORK_SETTINGS_CACHE_KEY = "aidhub:network-settings"
NETWORK_SETTINGS_CACHE_SECONDS = 600


class NetworkSettings(models.Model):
    """Settings an administrator changes in the admin, without a deploy. There is one row (pk=1)."""

    vetted_categories = models.JSONField(
        _("kinds of help that need a vetted volunteer"),
        default=list,
        blank=True,
        help_text=_(
            "Only volunteers an organizer confirmed (after training or a check) may offer these, be asked, "
            "take their shifts and see their appointments."
        ),
    )
    proposal_timeout_hours = models.PositiveSmallIntegerField(
        _("hours before an unanswered proposal is flagged"), default=48
    )
    request_retention_days = models.PositiveSmallIntegerField(
        _("days a closed request keeps its personal data"), default=30
    )
    booking_retention_days = models.PositiveSmallIntegerField(
        _("days after an event that bookings, registrations and pledges keep names and contacts"), default=30
    )
    report_retention_days = models.PositiveSmallIntegerField(_("days a community report is kept"), default=60)
    unconfirmed_subscriber_days = models.PositiveSmallIntegerField(
        _("days an unconfirmed or ended subscription is kept"), default=7
    )

    class Meta:
        verbose_name = _("network settings")
        verbose_name_plural = _("network settings")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="network_settings_single_row")]

    def __str__(self) -> str:
        return str(_("Network settings"))

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        # Dropped now, for this transaction's own reads, and again once committed, in case another process
        # cached the old row in between. (The row is never deleted: the admin does not allow it.)
        cache.delete(NETWORK_SETTINGS_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(NETWORK_SETTINGS_CACHE_KEY))
        # The public list of offers leaves out offers of kinds that need vetting from volunteers not confirmed;
        # pages kept for visitors show its figures (the help form, how long a request is kept).
        fragments.bump("offers", "network")

    @classmethod
    def load(cls) -> "NetworkSettings":
        settings_row: NetworkSettings | None = cache.get(NETWORK_SETTINGS_CACHE_KEY)
        if settings_row is None:
            settings_row, _created = cls.objects.get_or_create(
                pk=1, defaults={"vetted_categories": list(DEFAULT_VETTED_CATEGORIES)}
            )
            cache.set(NETWORK_SETTINGS_CACHE_KEY, settings_row, NETWORK_SETTINGS_CACHE_SECONDS)
        return settings_row


class AuditEvent(models.Model):
    """Who did what sensitive thing, and when. Never the values: ids and an action name only.
    Nothing in the application edits or deletes these rows, except the retention purge of old ones."""

    class Action(models.TextChoices):
        CONTACT_SHOWN = "contact_shown", _("A family's details were shown")
        EXPORTED = "exported", _("Data was exported")
        MATCH_PROPOSED = "match_proposed", _("A volunteer was asked to help")
        INTERPRETER_ADDED = "interpreter_added", _("An interpreter joined a match")
        ALERT_SUBMITTED = "alert_submitted", _("An alert was submitted for verification")
        ALERT_VERIFIED = "alert_verified", _("An alert was verified")
        ALERT_SENT = "alert_sent", _("An alert was sent")
        ALERT_RETRACTED = "alert_retracted", _("An alert was retracted")
        DATA_PURGED = "data_purged", _("Personal data was deleted")
        VETTING_CONFIRMED = "vetting_confirmed", _("A volunteer was confirmed for a kind of help")
        VETTING_DECLINED = "vetting_declined", _("A volunteer was not confirmed, or no longer, for a kind of help")
        ACCOUNT_DEACTIVATED = "account_deactivated", _("An account was deactivated")
        QUESTION_ASKED = "question_asked", _("A family was asked a question")
        FAMILY_REPLIED = "family_replied", _("A family answered a question")
        LINK_REPLACED = "link_replaced", _("A family's private link was replaced")
        CHECK_IN_ANSWERED = "check_in_answered", _("A family answered a check-in")
        TEXT_SENT = "text_sent", _("A family was sent a text from its request")
        VOICE_PROMPT_CHANGED = "voice_prompt_changed", _("A recording of the phone line was changed")
        VOLUNTEERS_IMPORTED = "volunteers_imported", _("Volunteers were imported from a spreadsheet")
        CALLOUT_SENT = "callout_sent", _("A call-out was sent to volunteers")
        CALLOUT_CLOSED = "callout_closed", _("A call-out was closed")
        API_TOKEN_CREATED = "api_token_created", _("A personal API token was made")
        API_TOKEN_REVOKED = "api_token_revoked", _("A personal API token was revoked")
        CATALOG_CHANGED = "catalog_changed", _("A translation was corrected")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("what"), max_length=20, choices=Action)
    target_type = models.CharField(_("kind of record"), max_length=50, blank=True)
    target_id = models.BigIntegerField(_("record id"), null=True, blank=True)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Counts and choices only (an alert's recipients per language and channel, the fallback a person accepted, an
    # API token's scope, first characters and the label its owner gave it; a corrected translation's entry, old and
    # new text, which are the interface's words): never a person's name, an address, a family's text or a secret.
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        indexes = [models.Index(fields=["organization", "-created_at"], name="audit_organization_created")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}#{self.target_id}"

    @property
    def recipients_total(self) -> int | None:
        """For an alert submitted or verified: how many it was to reach (details["recipients"])."""
        recipients = self.details.get("recipients") if isinstance(self.details, dict) else None
        return recipients.get("total") if isinstance(recipients, dict) else None

    @property
    def fallback_total(self) -> int:
        """How many of them were to receive another language than theirs, for want of a translation."""
        recipients = self.details.get("recipients") if isinstance(self.details, dict) else None
        fallback = recipients.get("fallback", {}) if isinstance(recipients, dict) else {}
        return sum(fallback.values()) if isinstance(fallback, dict) else 0


def audit(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    target: models.Model | None = None,
    organization: Organization | None = None,
    details: dict[str, Any] | None = None,
) -> "AuditEvent":
    """Records one audit event. `target` is the model instance acted on (only its type and id are kept); `details`
    holds counts and choices, never personal data."""
    return AuditEvent.objects.create(
        actor_id=actor.pk if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=target.pk if target is not None else None,
        organization=organization,
        details=details or {},
    )


AUDIT_RETENTION_DAYS = 180


def purge_old_audit_events(now: datetime | None = None) -> int:
    """Audit rows are kept 180 days, then deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=AUDIT_RETENTION_DAYS)
    return AuditEvent.objects.filter(created_at__lt=cutoff).delete()[0]
