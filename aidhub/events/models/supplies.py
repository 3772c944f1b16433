from typing import Self

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from aidhub.core.translations import TranslatableMixin
from aidhub.events.models.events import Event, ShownOnEventPage
from aidhub.lib.adapters.encrypted_fields import EncryptedCharField


class SupplyItemQuerySet(models.QuerySet["SupplyItem"]):
    def with_counts(self) -> Self:
        return self.annotate(
            pledged=Coalesce(Sum("pledges__quantity"), 0),
            received=Coalesce(Sum("pledges__quantity", filter=Q(pledges__received_at__isnull=False)), 0),
        )


class SupplyItem(ShownOnEventPage, TranslatableMixin, models.Model):
    """Something an event needs, with how many: “blankets, 40”, “hot meals, 30”. Its name can be given in every
    interface language, like the event's title."""

    translatable_fields = ("name",)

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="supplies")
    name = models.CharField(_("what is needed"), max_length=120)
    quantity = models.PositiveIntegerField(_("how many"), validators=[MinValueValidator(1), MaxValueValidator(100000)])

    objects = SupplyItemQuerySet.as_manager()

    pledged: int  # with_counts()
    received: int  # with_counts()

    class Meta:
        ordering = ["id"]
        verbose_name = _("needed item")
        verbose_name_plural = _("needed items")
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="supply_item_unique_name"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="supply_item_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.quantity})"

    @property
    def missing(self) -> int:
        """Needs `with_counts()`."""
        return max(self.quantity - self.pledged, 0)


class Pledge(ShownOnEventPage, models.Model):
    """Someone promising to bring an amount of an item: signed in, or with a first name and an optional contact."""

    item = models.ForeignKey(SupplyItem, verbose_name=_("item"), on_delete=models.CASCADE, related_name="pledges")
    quantity = models.PositiveIntegerField(_("how many you will bring"), validators=[MinValueValidator(1)])
    pledger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="pledges",
    )
    # The encrypted field stores an empty value as NULL.
    first_name = EncryptedCharField(_("first name"), max_length=60, blank=True, null=True)
    contact = EncryptedCharField(_("phone or email (optional)"), max_length=254, blank=True, null=True)
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    created_at = models.DateTimeField(_("pledged"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="pledge_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.item.translated('name')}"

    def page_event_id(self) -> int:
        return self.item.event_id

    @property
    def pledger_name(self) -> str | None:
        return self.pledger.display_name if self.pledger is not None else self.first_name
