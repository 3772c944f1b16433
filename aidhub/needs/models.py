from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Self

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aidhub.core.availability import WeeklyAvailabilityField
from aidhub.core.models import Area, Category, Language, Organization
from aidhub.core.selectors import organizer_area_ids
from aidhub.core.translations import default_language, interface_languages
from aidhub.lib.adapters.encrypted_fields import EncryptedCharField, EncryptedTextField
from aidhub.lib.choices import ChoiceLabelsMixin
from aidhub.lib.tokens import new_reference_code


class HelpRequestQuerySet(models.QuerySet["HelpRequest"]):
    def past_retention(self, days: int, now: datetime | None = None) -> Self:
        """Finished requests whose personal data has been kept long enough."""
        cutoff = (now or timezone.now()) - timedelta(days=days)
        return self.filter(
            status__in=HelpRequest.FINISHED, status_changed_at__lt=cutoff, personal_data_purged_at__isnull=True
        )

    def visible_to_organizer(self, user: AbstractBaseUser | AnonymousUser) -> Self:
        """Requests in the areas this organizer's organizations serve; nobody else's."""
        return self.in_areas(organizer_area_ids(user))

    def in_areas(self, area_ids: Iterable[int]) -> Self:
        return self.filter(area_id__in=area_ids)

    def unmet(self) -> Self:
        return self.filter(status__in=HelpRequest.UNMET)

    def without_personal_data(self) -> Self:
        """For lists that show no name, contact or description: they are neither read nor decrypted."""
        return self.defer(*HelpRequest.PERSONAL_FIELDS)

    def by_priority(self) -> Self:
        """Most urgent first, then the ones waiting longest."""
        return self.order_by("urgency_rank", "created_at", "id")


class HelpRequest(ChoiceLabelsMixin, models.Model):
    """A family's request for help. Never public: its organizers and, after accepting, one volunteer see it."""

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("request status", "New")
        REVIEWED = "reviewed", pgettext_lazy("request status", "Reviewed")
        MATCHING = "matching", pgettext_lazy("request status", "Asking a volunteer")
        MATCHED = "matched", pgettext_lazy("request status", "Volunteer found")
        DONE = "done", pgettext_lazy("request status", "Help given")
        NEEDS_INFO = "needs_info", pgettext_lazy("request status", "Needs more information")
        ANSWERED = "answered", pgettext_lazy("request status", "Answered by the family")
        WITHDRAWN = "withdrawn", pgettext_lazy("request status", "Withdrawn")
        CLOSED = "closed", pgettext_lazy("request status", "Closed")

    class ContactMethod(models.TextChoices):
        CALL = "call", _("Phone call")
        TEXT = "text", _("Text message")
        WHATSAPP = "whatsapp", _("WhatsApp")
        EMAIL = "email", _("Email")
        PARTNER = "partner", _("Through a partner organization")

    class Urgency(models.TextChoices):
        TODAY = "today", _("Urgent: today or tomorrow")
        WEEK = "week", _("This week")
        FLEXIBLE = "flexible", _("It can wait")

    class CloseReason(models.TextChoices):
        HELPED = "helped", _("The family got help")
        ELSEWHERE = "elsewhere", _("Helped by someone else")
        UNREACHABLE = "unreachable", _("We could not reach the family")
        DUPLICATE = "duplicate", _("Same as another request")
        OUT_OF_SCOPE = "out_of_scope", _("Not something the network can help with")
        OTHER = "other", pgettext_lazy("close reason", "Other")

    class Source(models.TextChoices):
        WEB = "web", _("Web form")
        HOTLINE = "hotline", _("Hotline call (entered by an organizer)")
        TEXT = "text", _("Text message")
        # The call-back line (aidhub.phone): the caller pressed "call me back"; the number is the caller's own.
        PHONE = "phone", _("Phone call")

    UNMET = [Status.NEW, Status.REVIEWED, Status.MATCHING, Status.NEEDS_INFO, Status.ANSWERED]
    # Encrypted at rest; lists that do not show them leave them in the database (without_personal_data).
    PERSONAL_FIELDS = ["first_name", "contact_value", "description"]
    OPEN = [*UNMET, Status.MATCHED]
    FINISHED = [Status.DONE, Status.WITHDRAWN, Status.CLOSED]
    SMS_METHODS = {ContactMethod.CALL, ContactMethod.TEXT, ContactMethod.WHATSAPP}

    reference_code = models.CharField(_("reference code"), max_length=7, unique=True, editable=False)
    access_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Hash of the form's one-time submission id: the same form posted twice makes one request.
    submission_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    category = models.CharField(_("what you need"), max_length=20, choices=Category)
    language = models.ForeignKey(
        Language, verbose_name=_("language you speak"), on_delete=models.PROTECT, related_name="+"
    )
    area = models.ForeignKey(Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="help_requests")
    # Personal data, encrypted at rest.
    first_name = EncryptedCharField(_("first name or nickname"), max_length=60, null=True)
    contact_method = models.CharField(_("how to reach you"), max_length=10, choices=ContactMethod)
    # Encrypted fields store an empty value as NULL.
    contact_value = EncryptedCharField(_("phone number or email"), max_length=200, blank=True, null=True)
    description = EncryptedTextField(_("anything else we should know"), max_length=1000, blank=True, null=True)
    partner_organization = models.ForeignKey(
        Organization,
        verbose_name=_("partner organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    best_times = WeeklyAvailabilityField(_("best times to reach you"), blank=True)
    urgency = models.CharField(_("how urgent"), max_length=10, choices=Urgency, default=Urgency.WEEK)
    # Sort key for the queue, computed by the database.
    urgency_rank = models.GeneratedField(
        expression=models.Case(
            models.When(urgency="today", then=0),
            models.When(urgency="week", then=1),
            default=2,
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )
    # The interface language the family used: messages to it are written in this language.
    message_language = models.CharField(max_length=10, choices=interface_languages, default=default_language)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.NEW)
    close_reason = models.CharField(_("reason"), max_length=15, choices=CloseReason, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source, default=Source.WEB)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    follow_up_of = models.ForeignKey(
        "self",
        verbose_name=_("follow-up of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    personal_data_purged_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("request for help", "request")
        verbose_name_plural = pgettext_lazy("request for help", "requests")
        indexes = [
            models.Index(fields=["status", "urgency_rank", "created_at"], name="request_queue"),
            models.Index(fields=["area", "status"], name="request_area_status"),
            models.Index(fields=["status", "status_changed_at"], name="request_status_changed"),
            # The organizer queue and dashboard: unmet requests of a few areas, most urgent and oldest first.
            models.Index(
                fields=["area", "urgency_rank", "created_at", "id"],
                condition=Q(status__in=["new", "reviewed", "matching", "needs_info", "answered"]),
                name="request_unmet_by_area",
            ),
            # The queue in its order, read until a page of the organizer's areas is full: no sort of them all.
            models.Index(
                fields=["urgency_rank", "created_at", "id"],
                condition=Q(status__in=["new", "reviewed", "matching", "needs_info", "answered"]),
                name="request_unmet_queue",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(close_reason=""), name="request_closed_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(contact_method="partner")
                | Q(contact_value__isnull=False)
                | Q(personal_data_purged_at__isnull=False),
                name="request_has_contact",
            ),
        ]

    def __str__(self) -> str:
        return self.reference_code

    def create_with_code(self) -> Self:
        """Saves a new request under a fresh reference code, retrying on the rare collision."""
        for _attempt in range(5):
            self.reference_code = new_reference_code()
            try:
                with transaction.atomic():
                    self.save()
                return self
            except IntegrityError:
                if HelpRequest.objects.filter(reference_code=self.reference_code).exists():
                    continue
                raise
        raise IntegrityError("Could not find a free reference code.")

    # What the family may do.
    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def can_change_details(self) -> bool:
        """What is needed and where can change until a volunteer has accepted; contact details longer."""
        return self.status in self.UNMET

    @property
    def can_change_contact(self) -> bool:
        return self.is_open

    @property
    def can_withdraw(self) -> bool:
        return self.is_open

    # What organizers may do.
    @property
    def can_propose(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.REVIEWED, self.Status.NEEDS_INFO, self.Status.ANSWERED)

    @property
    def can_mark_reviewed(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.NEEDS_INFO, self.Status.ANSWERED)

    @property
    def can_ask_for_info(self) -> bool:
        """The organizers may ask the family a question while the request is open (a thread of several rounds)."""
        return self.is_open

    @property
    def can_reply(self) -> bool:
        """The family may answer once it was asked something, while the request is open."""
        return self.is_open and any(m.author == RequestMessage.Author.NETWORK for m in self.thread)

    @property
    def thread(self) -> list["RequestMessage"]:
        """The questions and answers about this request, oldest first (read once per page)."""
        cached: list[RequestMessage] | None = getattr(self, "_thread", None)
        if cached is None:
            cached = list(self.messages.order_by("created_at", "id"))
            self._thread = cached
        return cached

    @property
    def can_close(self) -> bool:
        return self.is_open or self.status == self.Status.DONE

    @property
    def sends_sms(self) -> bool:
        return self.contact_method in self.SMS_METHODS

    @property
    def contact_email(self) -> str | None:
        return self.contact_value if self.contact_method == self.ContactMethod.EMAIL else ""

    @property
    def contact_phone(self) -> str | None:
        return self.contact_value if self.sends_sms else ""

    @property
    def contact_shared_with_volunteer(self) -> bool:
        """Whether the volunteer who accepts sees the family's number: a family that filled in the form (or told an
        organizer) agreed to it; a caller of the call-back line did not, so a volunteer writes through the network's
        number instead (`may_be_texted_by`)."""
        return self.source != self.Source.PHONE

    def may_be_texted_by(self, user: AbstractBaseUser | AnonymousUser) -> bool:
        """Who may text the family through the network's number from the request's page: an organizer of its area
        (aidhub.core.selectors), or the volunteer of an accepted match (matching's rule `Match.shows_contact`,
        reached through the `matches` relation so that needs never imports matching); while the request is open and
        has a number that takes texts. Pages and `aidhub.needs.services.request_text_send` ask this, nothing else."""
        if not (self.is_open and self.contact_phone and user.is_authenticated and user.is_active):
            return False
        if self.area_id in organizer_area_ids(user):
            return True
        return any(match.shows_contact for match in self.matches.for_volunteer(user))

    def set_status(self, status: str) -> None:
        self.status = status
        self.status_changed_at = timezone.now()

    def withdraw(self) -> None:
        self.set_status(self.Status.WITHDRAWN)

    def close(self, reason: str) -> None:
        self.close_reason = reason
        self.set_status(self.Status.CLOSED)

    def follow_up(self) -> "HelpRequest":
        """A new request for the same family and need, after a check-in found they need more help."""
        return HelpRequest(
            category=self.category,
            language=self.language,
            area=self.area,
            first_name=self.first_name,
            contact_method=self.contact_method,
            contact_value=self.contact_value,
            partner_organization=self.partner_organization,
            best_times=self.best_times,
            urgency=self.urgency,
            message_language=self.message_language,
            source=self.source,
            follow_up_of=self,
        )


class RequestMessage(models.Model):
    """One message of the thread between the organizers and the family about a request: a question the organizers
    asked (sent to the family in its language with its private link) or the family's answer. The text is personal
    data, encrypted like the request's description."""

    class Author(models.TextChoices):
        NETWORK = "network", _("The network")
        FAMILY = "family", _("The family")

    class Channel(models.TextChoices):
        # A question with a private link, answered on the family's status page.
        LINK = "link", _("Private link")
        # A text through the network's number (organizer or matched volunteer), and the family's text replies.
        SMS = "sms", _("Text message")

    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="messages")
    author = models.CharField(max_length=10, choices=Author)
    channel = models.CharField(max_length=5, choices=Channel, default=Channel.LINK)
    # Texts only: the keyed hash of the family's number (aidhub.lib.crypto.keyed_hash), by which a reply from that
    # number finds its request. Never the number itself.
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True)
    text = EncryptedTextField(_("message"), max_length=1000, null=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("message about a request")
        verbose_name_plural = _("messages about requests")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.help_request} · {self.author}"


class RequestLink(models.Model):
    """Private links of a request besides the one made with it. A message that carries a link (a question, a
    check-in) gets one of its own: `token_hash` is the token's hash, as HelpRequest.access_token_hash. When a
    family asks for a new link, every old one is replaced: `token_hash` becomes a keyed hash of that hash
    (aidhub.lib.crypto.keyed_hash) and `replaced_at` is set, so that an old link can say it was replaced while
    no table holds anything that opens the request."""

    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    replaced_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.help_request} link"
