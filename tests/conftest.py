import pytest
from django.core import mail
from django.core.cache import cache

from aidhub.messaging import sms
from tests.factories import (
    AreaFactory,
    HelpRequestFactory,
    MatchFactory,
    MembershipFactory,
    OfferFactory,
    OrganizationFactory,
    UserFactory,
    VolunteerProfileFactory,
    language,
)


@pytest.fixture(autouse=True)
def _empty_outboxes():
    mail.outbox = []
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no cached fragments or rate-limit counters from another test."""
    cache.clear()


@pytest.fixture
def city(db):
    return AreaFactory(name="Riverside", slug="riverside", kind="city")


@pytest.fixture
def eastside(city):
    return AreaFactory(name="Eastside", slug="eastside", parent=city)


@pytest.fixture
def lakeview(db):
    return AreaFactory(name="Lakeview", slug="lakeview", kind="city")


@pytest.fixture
def organization(city):
    return OrganizationFactory(name="Eastside Mutual Aid", areas=[city])


@pytest.fixture
def organizer(organization):
    user = UserFactory(email="organizer@example.org")
    MembershipFactory(organization=organization, user=user)
    return user


@pytest.fixture
def other_organizer(lakeview):
    """An organizer of another area (Lakeview), who must not see Riverside's work."""
    user = UserFactory(email="lakeview.organizer@example.org")
    MembershipFactory(organization=OrganizationFactory(areas=[lakeview]), user=user)
    return user


@pytest.fixture
def volunteer(eastside):
    profile = VolunteerProfileFactory(
        user__email="maria@example.org", display_name="María", languages=[language("es")], areas=[eastside]
    )
    return profile.user


@pytest.fixture
def other_volunteer(db):
    return VolunteerProfileFactory(user__email="tom@example.org", display_name="Tom").user


@pytest.fixture
def admin_user(db):
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def offer(volunteer, eastside):
    return OfferFactory(volunteer=volunteer, areas=[eastside], languages=[language("es")], title="Comidas calientes")


@pytest.fixture
def pending_offer(volunteer, eastside):
    return OfferFactory(
        volunteer=volunteer,
        areas=[eastside],
        languages=[language("es")],
        status="pending",
        published_at=None,
        title="Rides to court",
        category="rides",
    )


@pytest.fixture
def volunteer_profile(volunteer):
    return volunteer.volunteer_profile


@pytest.fixture
def help_request(eastside):
    """A family's request in Eastside (inside the organizer's Riverside), waiting for a volunteer."""
    return HelpRequestFactory(area=eastside, status="reviewed")


@pytest.fixture
def proposed_match(help_request, volunteer, offer, organizer):
    help_request.status = "matching"
    help_request.save()
    return MatchFactory(help_request=help_request, volunteer=volunteer, offer=offer, proposed_by=organizer)


@pytest.fixture
def done_match(proposed_match):
    proposed_match.status = "done"
    proposed_match.save()
    proposed_match.help_request.status = "done"
    proposed_match.help_request.save()
    return proposed_match


@pytest.fixture
def client_for(client):
    """Signs a user in on the test client: `client_for(user).get(...)`."""

    def sign_in(user):
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


def pytest_configure(config):
    from django.conf import settings

    # Real password hashing costs ~0.3 s per user; tests create hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
