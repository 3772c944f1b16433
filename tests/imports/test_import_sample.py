"""The acceptance path: the sample file of 500 volunteers is checked (errors shown, nothing saved), imported
(accounts, draft offers, invitations in each volunteer's language, an audit entry), and importing it again
changes nothing and sends nothing."""

import re
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from aidhub.accounts.models import User
from aidhub.core.models import AuditEvent
from aidhub.imports.models import ImportBatch, ImportedVolunteer
from aidhub.offers.models import Offer
from tests.imports.conftest import HEADER, SAMPLE, csv_file

BROKEN_LINES = [7, 58, 123, 211, 344, 402, 467]


def _upload(client, content, name="volunteers.csv"):
    response = client.post("/en/organize/import/", {"file": csv_file(content, name)})
    assert response.status_code == 302, response.content[:2000]
    return response["Location"]


def test_the_sample_file_is_previewed_imported_and_the_second_time_changes_nothing(
    client_for, organizer, riverside_areas, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    people_before = User.objects.count()

    # Preview: every row's outcome, the deliberate errors first, each with its column; nothing saved or sent.
    preview_url = _upload(client, SAMPLE.read_text(encoding="utf-8"))
    with CaptureQueriesContext(connection) as preview_queries:
        response = client.get(preview_url)
    assert response.status_code == 200
    page = response.text
    assert "493 new volunteers" in page and "7 rows with errors" in page
    assert "This is not a valid email address." in page
    assert "Unknown kind of help." in page
    assert "None of your organizations&#x27; areas has the code springfield." in page
    assert "This address is already on line 10 of the file." in page
    assert "A whole number from 1 to 50." in page
    lines = [int(line) for line in re.findall(r'<td role="cell" data-label="Line">(\d+)</td>', page)]
    assert lines[:7] == BROKEN_LINES
    assert User.objects.count() == people_before and not mail.outbox and not Offer.objects.exists()

    # Import.
    batch_id = int(preview_url.rstrip("/").split("/")[-1])
    with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as import_queries:
        response = client.post(f"/en/organize/import/{batch_id}/import/", follow=True)
    assert "Imported. New volunteers: 493" in response.text
    assert User.objects.count() == people_before + 493
    assert ImportedVolunteer.objects.count() == 493
    offers = Offer.objects.filter(volunteer__imported__isnull=False)
    assert offers.count() == User.objects.filter(imported__isnull=False, offers__isnull=False).count() > 400
    assert set(offers.values_list("status", flat=True)) == {Offer.Status.PENDING}
    assert not Offer.objects.listed().exists()
    assert len(mail.outbox) == 493
    assert not any(user.has_usable_password() for user in User.objects.filter(imported__isnull=False))
    event = AuditEvent.objects.get(action=AuditEvent.Action.VOLUNTEERS_IMPORTED)
    assert event.actor == organizer
    assert event.details == {"new": 493, "updated": 0, "unchanged": 0, "error": 7, "invited": 493}
    batch = ImportBatch.objects.get(pk=batch_id)
    assert not batch.rows and batch.imported_at is not None
    # Each invitation speaks the volunteer's language.
    by_address = {message.to[0]: message for message in mail.outbox}
    spanish = User.objects.filter(imported__isnull=False, language="es").first()
    arabic = User.objects.filter(imported__isnull=False, language="ar").first()
    for person in (spanish, arabic):
        with translation.override(person.language):
            subject = translation.gettext("Confirm your volunteer account")
        assert subject != "Confirm your volunteer account"
        assert by_address[person.email].subject.endswith(subject)
    assert "/es/accounts/password/reset/key/" in by_address[spanish.email].body
    assert "/ar/accounts/password/reset/key/" in by_address[arabic.email].body
    print(
        f"\nqueries: preview {len(preview_queries)} for 500 rows; import {len(import_queries)} for 493 new "
        f"({len(import_queries) / 493:.1f} a volunteer)"
    )
    # Bulk writes: a fixed number of queries, plus what allauth's link key reads per invitation (two).
    assert len(import_queries) <= 60 + 2 * 493

    # The same file again: nothing new, nothing sent.
    mail.outbox.clear()
    preview_url = _upload(client, SAMPLE.read_text(encoding="utf-8"))
    response = client.get(preview_url)
    assert "0 new volunteers" in response.text and "493 unchanged" in response.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(preview_url + "import/")
    assert User.objects.count() == people_before + 493
    assert not mail.outbox


def test_the_preview_reads_a_fixed_number_of_queries_however_many_rows(client_for, organizer, riverside_areas):
    client = client_for(organizer)
    sample = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    client.get("/en/organize/")  # a first page keeps the menu's work counts in the cache (aidhub.portal.selectors)
    counts = []
    for rows in (5, 400):
        url = _upload(client, "".join(sample[: rows + 1]))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_an_invited_volunteer_chooses_a_password_from_the_email(
    client, client_for, organizer, eastside, django_capture_on_commit_callbacks
):
    organizer_client = client_for(organizer)
    url = _upload(organizer_client, HEADER + "nadia@example.org,Nadia,fa,fa;en,eastside,food,Meals,I cook.,any,1\n")
    with django_capture_on_commit_callbacks(execute=True):
        organizer_client.post(url + "import/")
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/fa/accounts/password/reset/key/\S+/", message.body).group(0)
    organizer_client.logout()
    response = client.get(urlsplit(link).path)
    # allauth moves the key into the session: the address bar (and a Referer) no longer holds it.
    assert response.status_code == 302 and response["Location"].endswith("-set-password/")
    password = "a-long-new-password-19"
    response = client.post(response["Location"], {"password1": password, "password2": password})
    assert response.status_code == 302
    nadia = User.objects.get(email="nadia@example.org")
    assert nadia.has_usable_password() and nadia.language == "fa"
    assert nadia.volunteer_profile.display_name == "Nadia"
    # The link came to her mailbox: her address counts as confirmed, and she signs in with no second email.
    assert EmailAddress.objects.get(user=nadia).verified
    mail.outbox.clear()
    response = Client().post("/fa/accounts/login/", {"login": "nadia@example.org", "password": password})
    assert response.status_code == 302 and "confirm-email" not in response["Location"]
    assert not mail.outbox


def test_nothing_is_reviewed_or_published_before_the_volunteer_accepts_the_invitation(
    client_for, organizer, eastside, django_capture_on_commit_callbacks
):
    organizer_client = client_for(organizer)
    url = _upload(organizer_client, HEADER + "omar@example.org,Omar,ar,ar,eastside,food,Soup,I cook soup.,any,1\n")
    with django_capture_on_commit_callbacks(execute=True):
        organizer_client.post(url + "import/")
    offer = Offer.objects.get(volunteer__email="omar@example.org")
    # Not in the review queue, and approving it by its address changes nothing.
    assert "I cook soup." not in organizer_client.get("/en/organize/offers/").text
    organizer_client.post(f"/en/organize/offers/{offer.pk}/", {"decision": "approve"})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PENDING and not Offer.objects.listed().exists()

    # The volunteer chooses a password from the invitation: the offer enters the queue, and the review publishes it.
    (message,) = mail.outbox
    link = urlsplit(re.search(r"https?://\S+/accounts/password/reset/key/\S+/", message.body).group(0)).path
    volunteer = Client()
    form = volunteer.get(link)["Location"]
    volunteer.post(form, {"password1": "a-long-new-password-19", "password2": "a-long-new-password-19"})
    assert "Soup" in organizer_client.get("/en/organize/offers/").text
    with django_capture_on_commit_callbacks(execute=True):
        organizer_client.post(f"/en/organize/offers/{offer.pk}/", {"decision": "approve"})
    assert list(Offer.objects.listed()) == [offer]
