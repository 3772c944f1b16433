import itertools

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from aidhub.accounts.models import User, VolunteerProfile
from aidhub.alerts.models import Alert, AlertText, Report, Subscriber
from aidhub.core import availability
from aidhub.core.models import Area, Category, Language, Membership, Organization
from aidhub.core.tokens import new_access_token
from aidhub.offers.models import Offer

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
