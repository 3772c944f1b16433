"""Offers: saved by their volunteer (and reviewed again), paused, resumed, archived, reviewed by organizers.
Every change renews the cached public list."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction

from aidhub.accounts.capabilities import capabilities_of
from aidhub.accounts.models import User, Vetting
from aidhub.accounts.services import vetting_request, vetting_request_many
from aidhub.core.models import Area, Language
from aidhub.lib import fragments
from aidhub.messaging.services import send_email_to_user
from aidhub.offers.models import Offer


@transaction.atomic
def offer_save(
    *,
    actor: User,
    offer: Offer | None = None,
    category: str,
    title: str,
    description: str,
    languages: Iterable[Language],
    areas: Iterable[Area],
    availability: int,
    capacity: int,
) -> tuple[Offer, bool]:
    """Saves the volunteer's new offer, or their changes to `offer`, and puts it in the review queue. Returns
    (offer, needs confirmation): True while the volunteer waits to be confirmed for its kind of help."""
    offer = Offer(volunteer=actor) if offer is None else _locked(actor, offer)
    offer.category, offer.title, offer.description = category, title, description
    offer.availability, offer.capacity = availability, capacity
    offer.submit_for_review()
    offer.save()
    offer.languages.set(languages)
    offer.areas.set(areas)
    # An edited offer leaves the public list until it is reviewed again.
    fragments.bump("offers")
    # Offering a kind of help that needs vetting asks the organizers to confirm the volunteer; until then the
    # offer is not listed (Offer.objects.listed) nor suggested, whatever its review says.
    needs_confirmation = False
    if capabilities_of(actor).needs_confirmation(offer.category):
        vetting = vetting_request(volunteer=actor, category=offer.category)
        needs_confirmation = vetting is not None and vetting.status == Vetting.Status.REQUESTED
    return offer, needs_confirmation


@transaction.atomic
def offer_pause(*, actor: User, offer: Offer) -> Offer:
    """The volunteer hides their published offer until they resume it. OfferStateError when it is not published."""
    offer = _locked(actor, offer)
    offer.pause()
    offer.save(update_fields=["status", "updated_at"])
    fragments.bump("offers")
    return offer


@transaction.atomic
def offer_resume(*, actor: User, offer: Offer) -> Offer:
    """The volunteer lists their paused offer again. OfferStateError when it is not paused."""
    offer = _locked(actor, offer)
    offer.resume()
    offer.save(update_fields=["status", "updated_at"])
    fragments.bump("offers")
    return offer


@transaction.atomic
def offer_archive(*, actor: User, offer: Offer) -> Offer:
    """The volunteer no longer offers this: it leaves every list for good."""
    offer = _locked(actor, offer)
    offer.archive()
    offer.save(update_fields=["status", "updated_at"])
    fragments.bump("offers")
    return offer


def _locked(actor: User, offer: Offer) -> Offer:
    """The volunteer's own offer, locked while it changes (an organizer may be reviewing it at this moment)."""
    locked: Offer = Offer.objects.select_for_update().get(pk=offer.pk, volunteer=actor)
    return locked


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
    # Not on the public list either way, but no longer in the review queue (organizers' work counts).
    fragments.bump("offers")
    _tell_volunteer(offer, "offers/sent_back")
    return offer


def _tell_volunteer(offer: Offer, template: str) -> None:
    send_email_to_user(user=offer.volunteer, template=template, context={"offer": offer})


@dataclass(frozen=True)
class ListedOffer:
    """An offer as an organizer's list gives it (an import), for one volunteer."""

    volunteer: User
    category: str
    title: str
    description: str
    languages: Sequence[Language]
    areas: Sequence[Area]
    availability: int
    capacity: int


@transaction.atomic
def offers_create_listed(*, offers: Sequence[ListedOffer]) -> list[Offer]:
    """Offers an organizer listed for volunteers, saved in bulk (a fixed number of queries however many) as
    offer_save leaves a new offer: waiting for an organizer's review, never published here; a kind of help that
    needs vetting also asks the organizers to confirm the volunteer."""
    saved = []
    for listed in offers:
        offer = Offer(
            volunteer=listed.volunteer,
            category=listed.category,
            title=listed.title,
            description=listed.description,
            availability=listed.availability,
            capacity=listed.capacity,
        )
        offer.submit_for_review()
        saved.append(offer)
    Offer.objects.bulk_create(saved)
    languages = Offer.languages.through
    languages.objects.bulk_create(
        [
            languages(offer_id=offer.pk, language_id=language.pk)
            for offer, listed in zip(saved, offers, strict=True)
            for language in set(listed.languages)
        ]
    )
    areas = Offer.areas.through
    areas.objects.bulk_create(
        [
            areas(offer_id=offer.pk, area_id=area.pk)
            for offer, listed in zip(saved, offers, strict=True)
            for area in set(listed.areas)
        ]
    )
    vetting_request_many(requests=[(listed.volunteer, listed.category) for listed in offers])
    fragments.bump("offers")
    return saved
