"""Who a call-out reaches, and what its texts cost, before it is sent (the organizer's "Count") and when it is.

The segment is built on offers' QuerySets: published offers of the kind of help that reach the area, whose
volunteer may serve that kind (aidhub.accounts.capabilities.may_serve_q, the one vetting rule), speaking the
language and free at the times asked for. Volunteers who said "no call-outs" and those who already got the
weekly number are left out, and counted so that the organizer knows why."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Min, QuerySet

from aidhub.accounts.capabilities import confirmed_q, may_serve_q
from aidhub.callouts.models import Callout, CalloutRecipient, CalloutSettings
from aidhub.core.models import Area, Language, Organization
from aidhub.core.selectors import Person, organized_organizations, organizer_areas
from aidhub.messaging.segments import count_segments
from aidhub.messaging.services import render_sms
from aidhub.offers.models import Offer

SMS_TEMPLATE = "callouts/callout"


@dataclass(frozen=True)
class SegmentChoice:
    """What the organizer picked: the kind of help, where, who speaks what, when, and confirmed only or not."""

    category: str
    area: Area
    language: Language | None = None
    availability: int = 0
    confirmed_only: bool = False


@dataclass
class Segment:
    """The volunteers a call-out reaches ({user id: offer id}), with those left out and the cost of the texts."""

    offers: dict[int, int] = field(default_factory=dict)
    opted_out: int = 0
    over_weekly_limit: int = 0
    # {user id: phone} for the reached volunteers who gave a number for call-outs.
    phones: dict[int, str] = field(default_factory=dict)
    languages: dict[int, str] = field(default_factory=dict)
    sms_segments: int = 0

    @property
    def count(self) -> int:
        return len(self.offers)

    @property
    def texted(self) -> int:
        return len(self.phones)


def callouts_for_organizer(user: Person) -> QuerySet[Callout]:
    """The call-outs this organizer may see: those of the organizations they organize for."""
    return Callout.objects.of_organizations(organized_organizations(user))


def areas_for_callouts(user: Person) -> QuerySet[Area]:
    """The areas an organizer may send a call-out to: the areas they curate."""
    return organizer_areas(user).order_by("name")


def organization_for_area(user: Person, area: Area) -> Organization | None:
    """The organization of this organizer's that serves the area: the call-out is filed under it."""
    return organized_organizations(user).serving(area).order_by("pk").first()


def matching_offers(choice: SegmentChoice) -> QuerySet[Offer]:
    offers = (
        Offer.objects.published()
        .filter(category=choice.category)
        .filter(may_serve_q(volunteer="volunteer", category=choice.category))
        .in_area(choice.area)
    )
    if choice.language is not None:
        offers = offers.speaking(choice.language)
    if choice.availability:
        offers = offers.available_during(choice.availability)
    if choice.confirmed_only:
        offers = offers.filter(confirmed_q(volunteer="volunteer", category=choice.category))
    return offers


def segment_for(choice: SegmentChoice, *, now: datetime, text: str = "") -> Segment:
    """The volunteers this choice reaches now, one offer each (their first), and what texting `text` costs:
    the call-out's text message rendered in each volunteer's language, its segments added up. A fixed number of
    queries, however many volunteers."""
    offers = Offer.objects.filter(pk__in=matching_offers(choice).values("pk"))
    first_offer = dict(
        offers.values("volunteer_id").annotate(offer_id=Min("pk")).values_list("volunteer_id", "offer_id")
    )
    user_ids = list(first_offer)
    opted_out = set(
        CalloutSettings.objects.filter(user_id__in=user_ids, accepts_callouts=False).values_list("user_id", flat=True)
    )
    week_ago = now - timedelta(days=7)
    limit = settings.CALLOUTS_PER_VOLUNTEER_PER_WEEK
    busy = set(
        CalloutRecipient.objects.since(week_ago)
        .filter(volunteer_id__in=user_ids)
        .values("volunteer_id")
        .annotate(count=Count("id"))
        .filter(count__gte=limit)
        .values_list("volunteer_id", flat=True)
    )
    segment = Segment(opted_out=len(opted_out), over_weekly_limit=len(busy - opted_out))
    segment.offers = {uid: offer for uid, offer in first_offer.items() if uid not in opted_out and uid not in busy}
    reached = list(segment.offers)
    segment.languages = dict(get_user_model().objects.filter(pk__in=reached).values_list("pk", "language"))
    texting = CalloutSettings.objects.filter(user_id__in=reached, texts_stopped_at__isnull=True)
    for row in texting.exclude(phone_hash=""):
        if row.phone:
            segment.phones[row.user_id] = row.phone
    segment.sms_segments = sms_cost(text, [segment.languages[uid] for uid in segment.phones])
    return segment


def sms_cost(text: str, languages: list[str]) -> int:
    """Segments for one text per volunteer, each in their language (the words around the organizer's text)."""
    if not text:
        return 0
    cost = 0
    for language, count in Counter(languages).items():
        body = render_sms(template=SMS_TEMPLATE, language=language, context=sms_context(text))
        cost += count_segments(body).segments * count
    return cost


def sms_context(text: str) -> dict[str, Any]:
    return {"text": text}


def recipients_for_page(callout: Callout) -> QuerySet[CalloutRecipient]:
    """The call-out's answers first (yes, then no, as they came), then those who did not answer; one query."""
    return (
        callout.recipients.select_related("volunteer__volunteer_profile", "match")
        .exclude(answer="")
        .order_by("-answer", "answered_at", "id")
    )


def open_callouts_for_volunteer(user: Person) -> QuerySet[CalloutRecipient]:
    """The open call-outs sent to this volunteer (newest first), which they may answer signed in."""
    if not user.is_authenticated:
        return CalloutRecipient.objects.none()
    return (
        CalloutRecipient.objects.filter(volunteer_id=user.pk, callout__status=Callout.Status.OPEN, match__isnull=True)
        .select_related("callout__area")
        .order_by("-created_at", "-id")
    )
