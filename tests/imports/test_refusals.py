"""Who must not see or import an upload: anyone but the organizer who made it, in the session they made it in."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from aidhub.accounts.models import User
from aidhub.imports.models import ImportBatch
from tests.factories import MembershipFactory, UserFactory
from tests.helpers import sign_in
from tests.imports.conftest import HEADER, csv_file

ROW = "lena@example.org,Lena,en,en,eastside,food,Soup,I bring soup.,any,1\n"


def _preview_url(client):
    response = client.post("/en/organize/import/", {"file": csv_file(HEADER + ROW)})
    assert response.status_code == 302
    return response["Location"]


@pytest.fixture
def upload(client_for, organizer, eastside):
    """An organizer's upload waiting for its import, and the client (session) that made it."""
    client = client_for(organizer)
    return client, _preview_url(client)


def _nothing_imported():
    assert not User.objects.filter(email="lena@example.org").exists()
    assert not mail.outbox


def test_anonymous_visitors_are_sent_to_sign_in(upload):
    _client, url = upload
    for response in (Client().get(url), Client().post(url + "import/"), Client().get("/en/organize/import/")):
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    _nothing_imported()


def test_volunteers_are_refused(upload, volunteer):
    _client, url = upload
    client = sign_in(Client(), volunteer)
    assert client.get("/en/organize/import/").status_code == 403
    assert client.post("/en/organize/import/", {"file": csv_file(HEADER + ROW)}).status_code == 403
    assert client.get(url).status_code == 403
    assert client.post(url + "import/").status_code == 403
    _nothing_imported()


def test_an_organizer_of_another_organization_cannot_see_or_import_it(upload, other_organizer):
    _client, url = upload
    client = sign_in(Client(), other_organizer)
    assert client.get(url).status_code == 404
    assert client.post(url + "import/").status_code == 404
    _nothing_imported()


def test_another_organizer_of_the_same_organization_cannot_either(upload, organization):
    _client, url = upload
    colleague = UserFactory(email="colleague@example.org")
    MembershipFactory(organization=organization, user=colleague)
    from tests.conftest import with_two_factor

    client = sign_in(Client(), with_two_factor(colleague))
    assert client.get(url).status_code == 404
    assert client.post(url + "import/").status_code == 404
    _nothing_imported()


def test_the_same_organizer_in_another_session_cannot_either(upload, organizer):
    """The upload is bound to the session: a stolen link or another device gets nothing."""
    _client, url = upload
    other_device = sign_in(Client(), organizer)
    assert other_device.get(url).status_code == 404
    assert other_device.post(url + "import/").status_code == 404
    _nothing_imported()


def test_a_session_without_the_second_factor_is_asked_for_it(upload, organizer):
    _client, url = upload
    client = Client()
    client.force_login(organizer)  # the password only: no second factor in this session
    for response in (client.get("/en/organize/import/"), client.get(url), client.post(url + "import/")):
        assert response.status_code == 302
        assert "/organize/" not in response["Location"]
    _nothing_imported()


def test_a_deactivated_organizer_is_signed_out(upload, organizer):
    client, url = upload
    User.objects.filter(pk=organizer.pk).update(is_active=False)
    response = client.post(url + "import/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    _nothing_imported()


def test_an_expired_or_imported_upload_answers_404(upload, django_capture_on_commit_callbacks):
    client, url = upload
    ImportBatch.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(url).status_code == 404
    assert client.post(url + "import/").status_code == 404
    _nothing_imported()
    url = _preview_url(client)
    assert not ImportBatch.objects.filter(expires_at__lte=timezone.now()).exists(), "a new upload deletes the old"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url + "import/").status_code == 302
    assert client.post(url + "import/").status_code == 404
    assert len(mail.outbox) == 1


def test_the_daily_purge_deletes_uploads_past_their_hour(upload):
    from aidhub.portal.retention import purge_on_schedule

    assert purge_on_schedule()["spreadsheet uploads"] == 0
    assert purge_on_schedule(timezone.now() + timedelta(hours=2))["spreadsheet uploads"] == 1
    assert not ImportBatch.objects.exists()


def test_the_rows_are_encrypted_at_rest_and_never_in_the_address(upload):
    from django.db import connection

    _client, url = upload
    assert "lena" not in url
    with connection.cursor() as cursor:
        cursor.execute("SELECT rows FROM imports_importbatch")
        (stored,) = cursor.fetchone()
    assert "lena@example.org" not in stored
