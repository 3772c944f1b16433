import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from aidhub.accounts.models import User, VolunteerProfile
from aidhub.core import availability
from aidhub.core.models import Area, Category, Language, Membership, Organization
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
