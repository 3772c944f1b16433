"""Offer changes that reach beyond the offer itself: saving with its review, and telling the volunteer."""

from django.db import transaction

from aidhub.accounts.capabilities import capabilities_of
from aidhub.accounts.models import User, Vetting
from aidhub.accounts.services import vetting_request
from aidhub.lib import fragments
from aidhub.messaging.services import send_email_to_user
from aidhub.offers.forms import OfferForm
from aidhub.offers.models import Offer


@transaction.atomic
def offer_save(*, form: OfferForm, volunteer: User) -> Offer:
    """Saves a new or edited offer from the volunteer's form and puts it in the review queue."""
    offer = form.save(commit=False)
    offer.volunteer = volunteer
    offer.submit_for_review()
    offer.save()
    form.save_m2m()
    # An edited offer leaves the public list until it is reviewed again.
    fragments.bump("offers")
    # Offering a kind of help that needs vetting asks the organizers to confirm the volunteer; until then the
    # offer is not listed (Offer.objects.listed) nor suggested, whatever its review says.
    offer.needs_confirmation = False
    if capabilities_of(volunteer).needs_confirmation(offer.category):
        vetting = vetting_request(volunteer=volunteer, category=offer.category)
        offer.needs_confirmation = vetting is not None and vetting.status == Vetting.Status.REQUESTED
    return offer


@transaction.atomic
def offer_approve(*, offer: Offer, reviewer: User) -> Offer:
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    offer.approve(reviewer)
    offer.save()
    fragments.bump("offers")
    _tell_volunteer(offer, "offers/approved")
    return offer


@transaction.atomic
def offer_send_back(*, offer: Offer, reviewer: User, reason: str, note: str = "") -> Offer:
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    offer.send_back(reviewer, reason, note)
    offer.save()
    _tell_volunteer(offer, "offers/sent_back")
    return offer


def _tell_volunteer(offer: Offer, template: str) -> None:
    send_email_to_user(user=offer.volunteer, template=template, context={"offer": offer})
