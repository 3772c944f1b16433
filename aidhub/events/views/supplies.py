"""Supply lists: anyone pledges what is still missing; organizers keep the list and tick pledges off on arrival."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from aidhub.core.decorators import organizer_required
from aidhub.events.forms import PledgeForm, SupplyItemForm
from aidhub.events.services import Refusal
from aidhub.events.services.supplies import (
    pledge_create,
    pledge_toggle_received,
    supply_item_add,
    supply_item_delete,
)
from aidhub.events.views.access import (
    get_event_for_organizer,
    get_item_for_organizer,
    get_pledge_for_organizer,
    get_public_event,
)


@sensitive_post_parameters("first_name", "contact")
@never_cache
def pledge(request, pk):
    event = get_public_event(pk)
    form = PledgeForm(request.POST or None, event=event, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = pledge_create(
                item=data["item"],
                quantity=data["quantity"],
                pledger=request.user if request.user.is_authenticated else None,
                first_name=data.get("first_name", "").strip(),
                contact=data.get("contact", "").strip(),
            )
        except Refusal as refusal:
            form.add_error(None, refusal.message)
        else:
            # A thank-you page rather than a redirect: it shows the drop-off address once, even to people
            # without an account, and nothing about the pledge goes into a URL.
            return render(request, "events/pledge_thanks.html", {"event": event, "pledge": created})
    status = 429 if form.rate_limited else 200
    return render(request, "events/pledge_form.html", {"event": event, "form": form}, status=status)


@organizer_required
def item_create(request, pk):
    event = get_event_for_organizer(request, pk)
    form = SupplyItemForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        supply_item_add(actor=request.user, event=event, **form.cleaned_data)
        messages.success(request, _("The item is on the list."))
        return redirect("events:manage", event.pk)
    return render(request, "events/organize/item_form.html", {"event": event, "form": form})


@require_POST
@organizer_required
def item_delete(request, pk):
    item = get_item_for_organizer(request, pk)
    try:
        supply_item_delete(actor=request.user, item=item)
    except Refusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The item is removed from the list."))
    return redirect("events:manage", item.event_id)


@require_POST
@organizer_required
def pledge_received(request, pk):
    item_pledge = get_pledge_for_organizer(request, pk)
    pledge_toggle_received(pledge=item_pledge)
    return redirect("events:manage", item_pledge.item.event_id)
