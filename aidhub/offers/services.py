"""Offers: saved by their volunteer (and reviewed again), paused, resumed, archived, reviewed by organizers.
Every change renews the cached public list."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection, transaction

from aidhub.accounts.capabilities import capabilities_of
from aidhub.accounts.models import User, Vetting
from aidhub.accounts.services import vetting_request, vetting_request_many
from aidhub.core.models import Area, Language
from aidhub.lib import fragments
from aidhub.messaging.services import send_email_to_user
from aidhub.offers.models import Offer, id_keys


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
    offers_keep_keys(offer_ids=[offer.pk])
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
    # Not on the public list either way, but no longer in the review queue (organizers' work counts), and the
    # volunteer's own list of offers (portal) shows why it came back.
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
    offers_keep_keys(offer_ids=[offer.pk for offer in saved])
    vetting_request_many(requests=[(listed.volunteer, listed.category) for listed in offers])
    fragments.bump("offers")
    return saved


# Offers whose keys are written with one read of their languages and areas.
KEYS_BATCH = 1000


def offers_keep_keys(*, offer_ids: Iterable[int]) -> None:
    """Writes each offer's language and area keys (Offer.language_keys) from its languages and areas, read again:
    called by whatever changes them (offer_save, offers_create_listed, the admin, the data generators), and only
    there. Three queries for each thousand offers."""
    ids = list(offer_ids)
    for start in range(0, len(ids), KEYS_BATCH):
        _keep_keys(ids[start : start + KEYS_BATCH])


def _keep_keys(ids: list[int]) -> None:
    languages: dict[int, list[int]] = {pk: [] for pk in ids}
    areas: dict[int, list[int]] = {pk: [] for pk in ids}
    language_rows = Offer.languages.through.objects.filter(offer_id__in=ids).values_list("offer_id", "language_id")
    for offer_id, language_id in language_rows:
        languages[offer_id].append(language_id)
    for offer_id, area_id in Offer.areas.through.objects.filter(offer_id__in=ids).values_list("offer_id", "area_id"):
        areas[offer_id].append(area_id)
    _write_keys([(id_keys(languages[pk]), id_keys(areas[pk]), pk) for pk in ids])


def _write_keys(rows: list[tuple[str, str, int]]) -> None:
    """One UPDATE per offer, sent together (executemany): bulk_update's CASE over a thousand ids costs more."""
    quote = connection.ops.quote_name
    # The table's name quoted (the columns are the fields' names); the values are parameters.
    sql = f"UPDATE {quote(Offer._meta.db_table)} SET language_keys = %s, area_keys = %s WHERE id = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
