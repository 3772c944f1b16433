"""A demo call-out with a yes waiting for the organizer (for `manage.py seed_demo`; local use only)."""

from datetime import timedelta

from django.utils import timezone

from aidhub.callouts.models import Callout, CalloutRecipient
from aidhub.core.selectors import organization_serving
from aidhub.lib.tokens import new_access_token
from aidhub.offers.models import Offer

TEXT = "Hot meals for a family of five, Eastside, tonight 6-8 pm"


def seed(areas, organizers, volunteers, **_context):
    if Callout.objects.filter(text=TEXT).exists():
        return
    organizer = organizers["organizer@example.org"]
    area = areas["eastside"]
    organization = organization_serving(area, organizer)
    if organization is None:
        return
    sent = timezone.now() - timedelta(hours=1)
    callout = Callout.objects.create(
        organization=organization, text=TEXT, category="food", area=area, created_by=organizer, created_at=sent
    )
    maria = volunteers["maria"]
    CalloutRecipient.objects.create(
        callout=callout,
        volunteer=maria,
        offer=Offer.objects.filter(volunteer=maria, category="food").first(),
        access_token_hash=new_access_token()[1],
        created_at=sent,
        answer=CalloutRecipient.Answer.YES,
        answered_via=CalloutRecipient.Via.LINK,
        answered_at=sent + timedelta(minutes=10),
    )
