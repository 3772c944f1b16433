import itertools
from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from aidhub.accounts.models import User, Vetting, VolunteerProfile
from aidhub.alerts.models import Alert, AlertText, Report, Subscriber
from aidhub.core import availability
from aidhub.core.models import Area, Category, Language, Membership, Organization
from aidhub.events.models import (
    AppointmentSlot,
    Booking,
    Event,
    Pledge,
    Registration,
    Shift,
    ShiftSignup,
    SupplyItem,
)
from aidhub.lib.crypto import keyed_hash
from aidhub.lib.tokens import new_access_token, new_reference_code
from aidhub.offers.models import Offer
from aidhub.offers.services import offers_keep_keys
from aidhub.resources.models import Resource

PASSWORD = "a-good-long-test-password"


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")
    kind = Area.Kind.NEIGHBOURHOOD


def language(code):
    """Languages come from the data migration; tests pick them by code."""
    return Language.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class VolunteerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Volunteer {n}")
    availability = availability.ALL
    max_active_matches = 2

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create:
            self.languages.set(extracted or [language("en")])

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    volunteer = factory.SubFactory(UserFactory)
    category = Category.FOOD
    title = factory.Sequence(lambda n: f"Offer {n}")
    description = "Hot meals for families."
    availability = availability.ALL
    capacity = 2
    status = Offer.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create:
            self.languages.set(extracted or [language("en")])

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)

    @factory.post_generation
    def keys(self, create, extracted, **kwargs):
        # After languages and areas (post-generations run in order), as the offer services do.
        if create:
            offers_keep_keys(offer_ids=[self.pk])
            self.refresh_from_db(fields=["language_keys", "area_keys"])


class HelpRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "needs.HelpRequest"

    reference_code = factory.Sequence(lambda n: f"T{n:02d}-{n:03d}"[-7:].upper())
    access_token_hash = factory.Sequence(lambda n: f"{n:064d}")
    category = Category.FOOD
    language = factory.LazyFunction(lambda: language("es"))
    area = factory.SubFactory(AreaFactory)
    first_name = "Rosa"
    contact_method = "text"
    contact_value = "+12025550143"
    urgency = "week"
    description = "We need food for three children."
    message_language = "es"


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.Match"

    help_request = factory.SubFactory(HelpRequestFactory, status="matching")
    volunteer = factory.SubFactory(UserFactory)


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber by text message; pass `email=` for one by email."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    channel = Subscriber.Channel.SMS
    language = factory.LazyFunction(lambda: language("en"))
    status = Subscriber.Status.CONFIRMED
    token_hash = factory.LazyFunction(lambda: new_access_token()[1])

    @classmethod
    def _create(cls, model_class, *args, phone=None, email=None, **kwargs):
        subscriber = model_class(**kwargs)
        if email:
            subscriber.channel = Subscriber.Channel.EMAIL
        subscriber.set_address(email or phone or f"+1202555{next(_phone_numbers):04d}")
        subscriber.save()
        return subscriber

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


_phone_numbers = itertools.count(1000)


class AlertFactory(factory.django.DjangoModelFactory):
    """A draft alert with an English text; pass `texts={"es": "…"}` for more, `areas=[…]` for its areas."""

    class Meta:
        model = Alert
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    author = factory.SubFactory(UserFactory)
    main_language = factory.LazyFunction(lambda: language("en"))
    severity = Alert.Severity.ACTION

    @factory.post_generation
    def texts(self, create, extracted, **kwargs):
        if create:
            for code, text in (extracted or {"en": "Checkpoint reported on Main Street. Avoid the area."}).items():
                AlertText.objects.create(alert=self, language=language(code), text=text, written_by=self.author)

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    what = "Police cars at the bus station since 9am."
    area = factory.SubFactory(AreaFactory)
    happened_at = factory.LazyFunction(timezone.now)
    contact = "+1 202 555 0177"


class EventFactory(factory.django.DjangoModelFactory):
    """A published legal aid night in three days, 18:00 to 21:00 (UTC, whatever the site's time zone)."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    kind = Event.Kind.LEGAL_AID
    title = factory.Sequence(lambda n: f"Event {n}")
    description = "Free advice with lawyers and interpreters."
    starts_at = factory.LazyFunction(lambda: _days_ahead(3, 18))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=3))
    area = factory.SubFactory(AreaFactory)
    venue = Event.Venue.PUBLIC
    address = "Community Center, 210 Alder Street"
    status = Event.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)


def _days_ahead(days, hour):
    day = timezone.now() + timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shift

    event = factory.SubFactory(EventFactory)
    # A role anyone may take; pass role="lawyer" (and vet the volunteer) for a shift that needs vetting.
    role = Shift.Role.WELCOME
    language = None
    starts_at = factory.LazyAttribute(lambda shift: shift.event.starts_at)
    ends_at = factory.LazyAttribute(lambda shift: shift.event.ends_at)
    places = 2


class ShiftSignupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShiftSignup

    shift = factory.SubFactory(ShiftFactory)
    volunteer = factory.SubFactory(UserFactory)


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppointmentSlot

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyAttribute(lambda slot: slot.event.starts_at)
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + timedelta(minutes=20))
    places = 2


def _private_contact(first_name="Amal", contact="+12025550147", contact_kind="phone", code="ar"):
    """What a family or attendee gives, as the services store it; returns the fields and the private token."""
    token, token_hash = new_access_token()
    fields = {
        "first_name": first_name,
        "contact_kind": contact_kind,
        "contact": contact,
        "contact_hash": keyed_hash(contact),
        "language": language(code),
        "message_language": code if code in ("en", "es", "ar") else "en",
        "reference_code": new_reference_code(),
        "token_hash": token_hash,
    }
    return fields, token


def make_booking(slot, **contact):
    """A booking and its private token."""
    fields, token = _private_contact(**contact)
    return Booking.objects.create(event=slot.event, slot=slot, **fields), token


def make_registration(event, status="confirmed", **contact):
    fields, token = _private_contact(**contact)
    return Registration.objects.create(event=event, status=status, **fields), token


class SupplyItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupplyItem

    event = factory.SubFactory(EventFactory, kind=Event.Kind.SUPPLY_DRIVE)
    name = factory.Sequence(lambda n: f"Item {n}")
    quantity = 40


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    item = factory.SubFactory(SupplyItemFactory)
    quantity = 5
    first_name = "Rosa"


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published text page in Spanish; pass kind="file" with file=… and content_type=…, or kind="link" with url=…."""

    class Meta:
        model = Resource

    organization = factory.SubFactory(OrganizationFactory)
    kind = Resource.Kind.TEXT
    topic = "rights"
    language = factory.LazyFunction(lambda: language("es"))
    title = factory.Sequence(lambda n: f"Conozca sus derechos {n}")
    description = "Qué hacer si alguien toca a su puerta."
    body = factory.LazyAttribute(
        lambda resource: "Usted tiene derecho a guardar silencio." if resource.kind == "text" else ""
    )
    original_language = "es"
    status = Resource.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


def organizer_with_authenticator(organization, email, secret):
    """An organizer of `organization` whose authenticator app holds `secret` (browser tests type its codes)."""
    from aidhub.lib.adapters.allauth import activate_totp

    user = UserFactory(email=email)
    MembershipFactory(organization=organization, user=user)
    activate_totp(user, secret)
    return user


def vet(user, *categories, by=None):
    """An organizer confirmed this volunteer for these kinds of help (after training or a check)."""
    for category in categories:
        Vetting.objects.update_or_create(
            volunteer=user,
            category=category,
            defaults={"status": Vetting.Status.VETTED, "decided_by": by, "decided_at": timezone.now()},
        )
