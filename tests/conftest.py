from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone, translation

from aidhub.alerts.services.subscribers import unsubscribe_token
from aidhub.catalogs import live as catalogs_live
from aidhub.core.translations import translation_languages
from aidhub.events.models import CalendarFeed
from aidhub.lib.adapters.allauth import activate_totp, new_totp_secret
from aidhub.lib.tokens import hash_access_token, new_access_token
from aidhub.messaging import sms
from tests.factories import (
    AlertFactory,
    AreaFactory,
    EventFactory,
    HelpRequestFactory,
    MatchFactory,
    MembershipFactory,
    OfferFactory,
    OrganizationFactory,
    PledgeFactory,
    ReportFactory,
    ResourceFactory,
    ShiftFactory,
    ShiftSignupFactory,
    SlotFactory,
    SubscriberFactory,
    SupplyItemFactory,
    UserFactory,
    VolunteerProfileFactory,
    language,
    make_booking,
    make_registration,
    vet,
)
from tests.helpers import jpeg_bytes, pdf_bytes, sign_in


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_createdb, django_db_modify_db_settings
):
    """pytest-django's own set-up of the test databases (setup_databases), but an in-memory SQLite one comes from
    the snapshot of its migrations when there is one (tests/testdb.py); `--create-db` migrates afresh."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    from tests.testdb import cache_folder, from_snapshot

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock(), from_snapshot(None if django_db_createdb else cache_folder(request.config)):
        databases = setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
        )
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=request.config.option.verbose)


@pytest.fixture(autouse=True)
def _default_language():
    """Rendering for a person in their language may leave the worker's thread in that language: each test starts
    in the default one, whichever test ran before it on the same worker (pytest-xdist changes the order)."""
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_outboxes():
    mail.outbox = []
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def _fresh_cache_and_media(settings, tmp_path):
    """Rate limits, used challenges and cached fragments live in the cache; uploaded photos in MEDIA_ROOT:
    both fresh per test. No test starts with a translation corrected in the browser (aidhub.catalogs.live): the
    version says so, as a running site's cache would, and a correction of an earlier test is forgotten."""
    cache.clear()
    catalogs_live.start_without_corrections()
    settings.MEDIA_ROOT = tmp_path / "media"


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


def with_two_factor(user):
    """Organizers and administrators must have two-factor sign-in set up before their pages open."""
    activate_totp(user, new_totp_secret())
    return user


@pytest.fixture
def organizer(organization):
    user = UserFactory(email="organizer@example.org")
    MembershipFactory(organization=organization, user=user)
    return with_two_factor(user)


@pytest.fixture
def other_organizer(lakeview):
    """An organizer of another area (Lakeview), who must not see Riverside's work."""
    user = UserFactory(email="lakeview.organizer@example.org")
    MembershipFactory(organization=OrganizationFactory(areas=[lakeview]), user=user)
    return with_two_factor(user)


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
    return with_two_factor(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))


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
def left_out_group(help_request, eastside):
    """The suggestions of `help_request` left out a volunteer at capacity: the page of that group."""
    profile = VolunteerProfileFactory(display_name="Busy Ben", max_active_matches=1, languages=[language("es")])
    OfferFactory(volunteer=profile.user, category=help_request.category, areas=[eastside], languages=[language("es")])
    MatchFactory(volunteer=profile.user, status="accepted")
    return {"pk": help_request.pk, "reason": "full"}


@pytest.fixture
def proposed_match(help_request, volunteer, offer, organizer):
    help_request.status = "matching"
    help_request.save()
    return MatchFactory(help_request=help_request, volunteer=volunteer, offer=offer, proposed_by=organizer)


@pytest.fixture
def accepted_volunteer(eastside):
    """A volunteer who accepted to help a family of the organizer's area (see accepted_match)."""
    return VolunteerProfileFactory(
        user__email="sara@example.org", display_name="Sara", languages=[language("es")], areas=[eastside]
    ).user


@pytest.fixture
def accepted_match(accepted_volunteer, eastside, organizer):
    help_request = HelpRequestFactory(area=eastside, status="matched", first_name="Lupe")
    return MatchFactory(
        help_request=help_request, volunteer=accepted_volunteer, status="accepted", proposed_by=organizer
    )


@pytest.fixture
def family_link(eastside):
    """The query string of a family's private status link: {"k": token}."""
    from aidhub.needs.services import status_token_for_submission

    token = status_token_for_submission("matrix-family-submission-id")
    HelpRequestFactory(area=eastside, status="reviewed", access_token_hash=hash_access_token(token))
    return {"k": token}


@pytest.fixture
def done_match(proposed_match):
    proposed_match.status = "done"
    proposed_match.save()
    proposed_match.help_request.status = "done"
    proposed_match.help_request.save()
    return proposed_match


@pytest.fixture
def second_organizer(organization):
    """Another organizer of the same organization: the one who verifies alerts."""
    user = UserFactory(email="second.organizer@example.org")
    MembershipFactory(organization=organization, user=user)
    return with_two_factor(user)


@pytest.fixture
def draft_alert(organizer, organization, eastside):
    return AlertFactory(organization=organization, author=organizer, areas=[eastside])


@pytest.fixture
def pending_alert(second_organizer, organization, eastside):
    """Written by the second organizer, so that "organizer" may verify it."""
    return AlertFactory(
        organization=organization,
        author=second_organizer,
        areas=[eastside],
        status="pending",
        submitted_at=timezone.now(),
    )


@pytest.fixture
def sent_alert(organizer, second_organizer, organization, eastside):
    return AlertFactory(
        organization=organization,
        author=organizer,
        areas=[eastside],
        status="sent",
        verified_by=second_organizer,
        verified_at=timezone.now(),
        texts={"en": "Know-your-rights night moved to the library.", "es": "La charla se cambió a la biblioteca."},
    )


@pytest.fixture
def community_report(eastside):
    return ReportFactory(area=eastside, photo=ContentFile(jpeg_bytes(), name="photo.jpg"))


@pytest.fixture
def subscription_link(eastside):
    """The private confirmation page of a subscription waiting for its code."""
    token, token_hash = new_access_token()
    SubscriberFactory(status="pending", token_hash=token_hash, areas=[eastside])
    return {"token": token}


@pytest.fixture
def unsubscribe_link(eastside):
    return {"token": unsubscribe_token(SubscriberFactory(areas=[eastside]))}


@pytest.fixture
def event(organization, eastside):
    """A published legal aid night of the organizer's organization, in three days, with 10 places to register."""
    return EventFactory(
        organization=organization,
        area=eastside,
        title="Legal aid night",
        capacity=10,
        languages=[language("en"), language("es"), language("ar")],
    )


@pytest.fixture
def event_translation(event):
    """Keyword arguments of the URL that saves the event's translation into another interface language."""
    return {"pk": event.pk, "language": translation_languages(event)[0]}


@pytest.fixture
def shift(event, volunteer):
    """A welcome-desk shift (a role that needs no vetting) with two places; the volunteer holds one."""
    shift = ShiftFactory(event=event)
    ShiftSignupFactory(shift=shift, volunteer=volunteer)
    return shift


@pytest.fixture
def legal_night_served(event, volunteer, accepted_volunteer):
    """`event` with a lawyers' shift serving appointment slots (one booked). `accepted_volunteer` (Sara) is
    confirmed for legal help and holds a place; `volunteer` (María) holds one from before vetting was required,
    and is not confirmed: it grants her nothing."""
    lawyers = ShiftFactory(event=event, role="lawyer", places=3)
    vet(accepted_volunteer, "legal")
    ShiftSignupFactory(shift=lawyers, volunteer=accepted_volunteer)
    ShiftSignupFactory(shift=lawyers, volunteer=volunteer)
    make_booking(SlotFactory(event=event, shift=lawyers), first_name="Amal")
    return event


@pytest.fixture
def lawyer_shift(legal_night_served):
    return legal_night_served.shifts.get(role="lawyer")


@pytest.fixture
def confirmation_request(volunteer):
    """María asked to be confirmed for legal help; the organizers of her area see it in their queue."""
    from aidhub.accounts.services import vetting_request

    return vetting_request(volunteer=volunteer, category="legal")


@pytest.fixture
def slot(event, shift):
    """An appointment slot served by the volunteers of `shift`, with room for two families."""
    return SlotFactory(event=event, shift=shift)


@pytest.fixture
def served_event(slot):
    """The event of `slot`, which the volunteer serves through their shift."""
    return slot.event


@pytest.fixture
def booking_link(slot):
    """Keyword arguments of a family's private booking link."""
    _booking, token = make_booking(slot)
    return {"token": token}


@pytest.fixture
def registration_link(event):
    _registration, token = make_registration(event, first_name="Rosa", contact="rosa@example.net", contact_kind="email")
    return {"token": token}


@pytest.fixture
def supply_item(event):
    return SupplyItemFactory(event=event, name="Blankets", quantity=40)


@pytest.fixture
def pledge(supply_item):
    return PledgeFactory(item=supply_item, quantity=5, first_name="Rosa")


@pytest.fixture
def feed_link(volunteer):
    """Keyword arguments of the volunteer's private calendar feed."""
    token, token_hash = new_access_token()
    CalendarFeed.objects.create(user=volunteer, token_hash=token_hash)
    return {"token": token}


@pytest.fixture
def resource(organization):
    """A published Spanish know-your-rights text of the organizer's organization."""
    return ResourceFactory(organization=organization, title="Conozca sus derechos")


@pytest.fixture
def file_resource(organization):
    """A published PDF of the organizer's organization."""
    return ResourceFactory(
        organization=organization,
        kind="file",
        file=ContentFile(pdf_bytes(), name="rights.pdf"),
        content_type="application/pdf",
        title="Tarjeta de derechos",
    )


@pytest.fixture
def resource_translation(resource):
    """Keyword arguments of the URL that saves the resource's translation into another interface language."""
    return {"pk": resource.pk, "language": translation_languages(resource)[0]}


@pytest.fixture
def import_batch(organizer):
    """An upload of the organizer's, waiting for its import in a session of theirs (not the test client's)."""
    from aidhub.imports.services import import_upload

    row = {"email": "lena@example.org", "areas": "eastside", "line": "2"}
    return import_upload(actor=organizer, session_key="a-session-of-the-organizer", rows=[row])


@pytest.fixture
def client_for(client, db):
    """Signs a user in on the test client, with both factors when they have two: `client_for(user).get(...)`."""

    def signed_in(user):
        return client if user is None else sign_in(client, user)

    return signed_in


def pytest_configure(config):
    from django.conf import settings

    # Real password hashing costs ~0.3 s per user; tests create hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Every request looks at the version of the translation corrections, as before the once-a-second look: with
    # it, whether a request reads the version (a query once the cache was emptied) would depend on the time since
    # the last one, and query counts on timing. tests/catalogs/test_live.py tests the once-a-second look itself.
    from aidhub.catalogs import live

    live.CHECK_SECONDS = 0.0


def pytest_sessionfinish(session):
    """The process that ends the run (xdist's controller, or the only process) drops the migrated PostgreSQL
    database its workers shared (tests/scratch.py)."""
    if not hasattr(session.config, "workerinput") and hasattr(session.config, "_tmp_path_factory"):
        from tests.scratch import drop_postgres_template

        drop_postgres_template(session.config._tmp_path_factory.getbasetemp())


def pytest_collection_modifyitems(config, items):
    """Browser tests last: they switch static files to the production storage for the rest of the session, and
    the quick tests report first. Among them the long ones first: handed out last, a two-minute test would keep
    one worker busy while the other has nothing left to do."""

    def order(item):
        in_browser = "/tests/e2e/" in str(item.path)
        long = item.get_closest_marker("long")
        return (in_browser, -long.args[0] if in_browser and long else 0)

    items.sort(key=order)


# ---- the REST API (tests/access/api.py, tests/api) ----


@pytest.fixture
def organizer_api_token(organizer):
    """A live token of the organizer (the row; its secret is not needed to revoke it)."""
    from aidhub.api.models import ApiToken
    from tests.helpers import api_token_for

    api_token_for(organizer)
    return ApiToken.objects.get(user=organizer)


@pytest.fixture
def intake_body(eastside):
    return {
        "category": "food",
        "language": language("es").pk,
        "area": eastside.pk,
        "first_name": "Rosa",
        "contact_method": "text",
        "contact_value": "+12025550143",
        "urgency": "week",
        "description": "Food for three children.",
    }


@pytest.fixture
def propose_body(help_request, offer):
    return {"request": help_request.pk, "offer": offer.pk}


@pytest.fixture
def event_body(organization, eastside):
    starts = timezone.now().replace(microsecond=0) + timedelta(days=5)
    return {
        "organization": organization.pk,
        "kind": "workshop",
        "title": "Know your rights",
        "description": "A workshop.",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
        "area": eastside.pk,
        "venue": "public",
        "address": "Library, 1 Main Street",
    }


@pytest.fixture
def shift_body(event):
    return {"role": "welcome", "starts_at": event.starts_at.isoformat(), "ends_at": event.ends_at.isoformat()}


@pytest.fixture
def alert_body(organization, eastside):
    return {
        "organization": organization.pk,
        "severity": "action",
        "areas": [eastside.pk],
        "texts": {"en": "Avoid Main Street."},
    }


@pytest.fixture
def callout(organization, organizer, volunteer, eastside):
    """A call-out of the organizer's organization, sent to `volunteer`, who answered yes (access matrix)."""
    from aidhub.callouts.models import Callout, CalloutRecipient

    offer = OfferFactory(volunteer=volunteer, areas=[eastside], category="food")
    sent = Callout.objects.create(
        organization=organization, text="Hot meals tonight", category="food", area=eastside, created_by=organizer
    )
    CalloutRecipient.objects.create(
        callout=sent,
        volunteer=volunteer,
        offer=offer,
        access_token_hash=new_access_token()[1],
        answer="yes",
        answered_via="link",
        answered_at=timezone.now(),
    )
    return sent


@pytest.fixture
def callout_answer(callout):
    """The URL arguments of making a match from the yes of `callout`."""
    return {"pk": callout.pk, "recipient_pk": callout.recipients.get().pk}


@pytest.fixture
def callout_recipient(callout):
    """`volunteer`'s row of `callout`: the call-out sent to them."""
    return callout.recipients.get()
