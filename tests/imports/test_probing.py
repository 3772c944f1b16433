"""An import never tells an organizer whether an address has an account (attacker's pass: no probing of addresses).

Only what their own organization imported is recognized. Anyone else who has an account (signed up on their own,
or imported by another organization) reads as a new volunteer in the preview, the result and the audit counts;
their account is left as it is and they are told, once per organization, in their own language."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from aidhub.accounts.models import User
from aidhub.core.models import AuditEvent
from aidhub.imports.models import ImportedVolunteer, ImportNotice
from tests.conftest import with_two_factor
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, VolunteerProfileFactory
from tests.helpers import sign_in
from tests.imports.conftest import HEADER, csv_file

ROW = "{email},Sam,en,en,eastside,food,Soup,Hot soup on Sundays.,any,1\n"


@pytest.fixture(autouse=True)
def _eastside(eastside):
    """The area every row names (served by both organizations, through the city)."""


@pytest.fixture
def northside_organizer(city):
    """An organizer of another organization (Northside Help) serving the same city: "organization A"."""
    user = UserFactory(email="north.organizer@example.org")
    MembershipFactory(organization=OrganizationFactory(name="Northside Help", areas=[city]), user=user)
    return with_two_factor(user)


@pytest.fixture
def ana(northside_organizer, django_capture_on_commit_callbacks):
    """Imported by Northside Help (no offer), in Vietnamese; she has not signed in."""
    client = sign_in(Client(), northside_organizer)
    _import(client, HEADER + "ana@example.org,Ana,vi,,eastside,,,,,\n", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    return User.objects.get(email="ana@example.org")


@pytest.fixture
def maria(volunteer):
    """Signed up on her own; her pages and emails are in Spanish."""
    volunteer.language = "es"
    volunteer.save(update_fields=["language"])
    return volunteer


def _preview(client, content):
    response = client.post("/en/organize/import/", {"file": csv_file(content)})
    assert response.status_code == 302, response.text[:3000]
    return response["Location"], client.get(response["Location"]).text


def _confirm(client, url, capture):
    with capture(execute=True):
        page = client.post(url + "import/", follow=True).text
    return re.search(r"Imported\..*?review\.", page).group(0)


def _import(client, content, capture):
    url, _page = _preview(client, content)
    return _confirm(client, url, capture)


def _rows(page):
    """Each row as the organizer sees it, without its line, address and name: the outcome and the notes."""
    outcomes = re.findall(r'data-label="Outcome">(.*?)</td>', page, re.S)
    notes = re.findall(r'data-label="Errors and notes"(.*?)</td>', page, re.S)
    return [(outcome, " ".join(note.split())) for outcome, note in zip(outcomes, notes, strict=True)]


def _totals(page):
    return re.search(r'<ul class="list-unstyled d-flex flex-wrap gap-2 import-totals">.*?</ul>', page, re.S).group(0)


def _file(*emails):
    return HEADER + "".join(ROW.format(email=email) for email in emails)


def test_existing_accounts_read_exactly_as_new_addresses_in_the_preview_the_result_and_the_audit(
    client_for, organizer, maria, ana, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    people_before, maria_offers = User.objects.count(), maria.offers.count()

    mixed_url, mixed = _preview(client, _file("MARIA@example.org", "ana@example.org", "new.one@example.org"))
    fresh_url, fresh = _preview(client, _file("new.two@example.org", "new.three@example.org", "new.four@example.org"))
    assert len(set(_rows(mixed))) == 1 and _rows(mixed) == _rows(fresh)
    assert _totals(mixed) == _totals(fresh) and "3 new volunteers" in mixed and "0 unchanged" in mixed
    assert "Import 3 rows and send the invitations" in mixed and "account" not in " ".join(map(str, _rows(mixed)))

    mixed_result = _confirm(client, mixed_url, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3
    told = {message.to[0]: message for message in mail.outbox}
    fresh_result = _confirm(client, fresh_url, django_capture_on_commit_callbacks)
    assert mixed_result == fresh_result
    assert mixed_result.startswith("Imported. New volunteers: 3 (each invited by email); updated: 0; unchanged: 0;")
    details = list(
        AuditEvent.objects.filter(action=AuditEvent.Action.VOLUNTEERS_IMPORTED, actor=organizer).values_list(
            "details", flat=True
        )
    )
    assert details == [{"new": 3, "updated": 0, "unchanged": 0, "error": 0, "invited": 3}] * 2

    # No account, offer or profile change for the two who had accounts: only the brand-new addresses were made.
    assert User.objects.count() == people_before + 4
    maria.refresh_from_db()
    assert maria.offers.count() == maria_offers and maria.volunteer_profile.display_name == "María"
    assert not ana.offers.exists()
    assert ImportedVolunteer.objects.get(user=ana).batch.organization.name == "Northside Help"
    assert not ImportedVolunteer.objects.filter(user=maria).exists()

    # Each is told in their own language (the account's, not the row's "en"), with the organization and the offer.
    for person, language in ((maria, "es"), (ana, "vi")):
        with translation.override(language):
            subject = translation.gettext("An organizer listed you as a volunteer")
            ignore = translation.gettext("If not, ignore this email.")
        assert subject != "An organizer listed you as a volunteer"
        message = told[person.email]
        assert message.subject.endswith(subject) and ignore in message.body
        assert "Eastside Mutual Aid" in message.body and "Soup" in message.body
        assert f"/{language}/my/offers/new/" in message.body
    assert told["new.one@example.org"].subject.endswith("Confirm your volunteer account")
    assert ImportNotice.objects.filter(organization__name="Eastside Mutual Aid").count() == 2


def test_the_same_file_again_shows_imported_before_and_sends_nothing(
    client_for, organizer, maria, ana, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    content = _file("maria@example.org", "ana@example.org", "new.one@example.org")
    _import(client, content, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    url, page = _preview(client, content)
    rows = _rows(page)
    assert len(set(rows)) == 1 and "Imported before: nothing to change." in rows[0][1]
    assert "0 new volunteers" in page and "3 unchanged" in page
    result = _confirm(client, url, django_capture_on_commit_callbacks)
    assert result.startswith("Imported. New volunteers: 0 (each invited by email); updated: 0; unchanged: 3;")
    assert not mail.outbox
    assert ImportNotice.objects.count() == 2 and not ana.offers.exists()


def test_another_organizations_imported_volunteer_is_not_given_this_organizations_offer(
    client_for, organizer, northside_organizer, ana, django_capture_on_commit_callbacks
):
    _import(client_for(organizer), _file("ana@example.org"), django_capture_on_commit_callbacks)
    assert not ana.offers.exists()
    # Her own organization still adds it: she has not signed in yet.
    north = sign_in(Client(), northside_organizer)
    url, page = _preview(north, _file("ana@example.org"))
    assert "Invited before: the offer is added, without a second invitation." in page
    _confirm(north, url, django_capture_on_commit_callbacks)
    assert ana.offers.get().title == "Soup"


def test_someone_this_organization_imported_who_has_signed_in_since_is_told_not_changed(
    client_for, organizer, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    _import(client, HEADER + "lena@example.org,Lena,es,,eastside,,,,,\n", django_capture_on_commit_callbacks)
    lena = User.objects.get(email="lena@example.org")
    lena.set_password("a-good-long-test-password")
    lena.save()
    mail.outbox.clear()
    url, page = _preview(client, _file("lena@example.org"))
    assert _rows(page) == _rows(_preview(client, _file("new.one@example.org"))[1])
    _confirm(client, url, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.to == ["lena@example.org"] and "/es/my/offers/new/" in message.body
    assert not lena.offers.exists()


def test_a_deactivated_account_reads_as_new_and_gets_no_email(
    client_for, organizer, maria, django_capture_on_commit_callbacks
):
    maria.is_active = False
    maria.save(update_fields=["is_active"])
    client = client_for(organizer)
    url, page = _preview(client, _file("maria@example.org"))
    assert _rows(page) == _rows(_preview(client, _file("new.one@example.org"))[1])
    _confirm(client, url, django_capture_on_commit_callbacks)
    assert not mail.outbox and ImportNotice.objects.filter(user=maria).count() == 1
    assert "Imported before: nothing to change." in _rows(_preview(client, _file("maria@example.org"))[1])[0][1]


def test_volunteers_an_import_invited_stay_off_the_volunteer_list_until_they_accept(client_for, organizer, eastside):
    """Otherwise an organizer could import an address under a made-up name and look for that name in the list:
    there if the address was new, absent if it already had an account."""
    invited = UserFactory(email="invited@example.org")
    invited.set_unusable_password()  # as the import leaves it until the person chooses a password
    invited.save()
    VolunteerProfileFactory(user=invited, display_name="Zebulon Madeup", areas=[eastside])
    client = client_for(organizer)
    assert "Zebulon Madeup" not in client.get(reverse("matching:volunteer_list")).content.decode()
    invited.set_password("a-good-long-test-password")
    invited.save()
    assert "Zebulon Madeup" in client.get(reverse("matching:volunteer_list")).content.decode()
