"""Supply lists: what an event needs (kept by its organizers) and pledges to bring it, never more than is still
missing."""

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from aidhub.accounts.models import User
from aidhub.events.models import Event, Pledge, SupplyItem
from aidhub.events.services import CLOSED, Refusal


@transaction.atomic
def supply_item_add(*, actor: User, event: Event, name: str, quantity: int) -> SupplyItem:
    """Puts an item on the event's list of what is needed."""
    return SupplyItem.objects.create(event=event, name=name, quantity=quantity)


@transaction.atomic
def supply_item_delete(*, actor: User, item: SupplyItem) -> None:
    """Takes an item nobody pledged off the list; Refusal when people did."""
    item = SupplyItem.objects.select_for_update().get(pk=item.pk)
    if item.pledges.exists():
        raise Refusal(_("People have pledged this item, so it stays on the list."))
    item.delete()


@transaction.atomic
def pledge_create(
    *, item: SupplyItem, quantity: int, pledger: User | None = None, first_name: str = "", contact: str = ""
) -> Pledge:
    """Records a pledge. The item's row is locked while the missing amount is worked out."""
    item = SupplyItem.objects.select_for_update(of=("self",)).select_related("event").get(pk=item.pk)
    if not item.event.is_open:
        raise Refusal(CLOSED)
    pledged = item.pledges.aggregate(total=Sum("quantity"))["total"] or 0
    missing = item.quantity - pledged
    if missing <= 0:
        raise Refusal(_("Thank you, but this is already covered. Maybe another item is still missing?"))
    if quantity > missing:
        raise Refusal(
            ngettext("Only %(missing)s more is needed.", "Only %(missing)s more are needed.", missing)
            % {"missing": missing}
        )
    return Pledge.objects.create(
        item=item,
        quantity=quantity,
        pledger=pledger,
        first_name="" if pledger else first_name,
        contact="" if pledger else contact,
    )


@transaction.atomic
def pledge_toggle_received(*, pledge: Pledge) -> Pledge:
    """The organizer ticks a pledge off when it arrives (or unticks a mistake)."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    pledge.received_at = None if pledge.received_at else timezone.now()
    pledge.save(update_fields=["received_at"])
    return pledge
