"""Demo matches at each step (for `manage.py seed_demo`; local use only)."""

from datetime import timedelta

from django.utils import timezone

from aidhub.matching.models import Match
from aidhub.offers.models import Offer


def seed(help_requests, volunteers, organizers, **_context):
    organizer = organizers["organizer@example.org"]
    # Carmen's groceries are proposed to María, who has not answered yet.
    _match(help_requests["demo-request-0006"], volunteers["maria"], organizer, Match.Status.PROPOSED, hours=20)
    # Huda's interpreting was accepted by Ahmed.
    _match(help_requests["demo-request-0007"], volunteers["ahmed"], organizer, Match.Status.ACCEPTED, hours=50)


def _match(help_request, volunteer, organizer, status, hours):
    if Match.objects.filter(help_request=help_request).exists():
        return
    offer = Offer.objects.filter(volunteer=volunteer, category=help_request.category).first()
    proposed_at = timezone.now() - timedelta(hours=hours)
    Match.objects.create(
        help_request=help_request,
        volunteer=volunteer,
        offer=offer,
        proposed_by=organizer,
        status=status,
        proposed_at=proposed_at,
        answered_at=proposed_at + timedelta(hours=2) if status != Match.Status.PROPOSED else None,
    )
