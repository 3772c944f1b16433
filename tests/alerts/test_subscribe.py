import re

from django.core import mail
from django.db import connection

from aidhub.alerts.models import Subscriber
from aidhub.messaging import sms
from tests.factories import SubscriberFactory, language
from tests.helpers import antibot_fields


def _subscribe(client, code, **fields):
    data = {"channel": "sms", "language": language(code).pk, **antibot_fields(), **fields}
    return client.post(f"/{code}/alerts/subscribe/", data)


def test_subscribe_by_phone_in_spanish_and_confirm_with_the_code(client, eastside, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _subscribe(client, "es", phone="(202) 555-0143", areas=[eastside.pk])
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.phone == "+12025550143"
    assert subscriber.status == Subscriber.Status.PENDING
    assert sms.outbox[0]["to"] == "+12025550143"
    assert "su código es" in sms.outbox[0]["body"]
    code = re.search(r"\b(\d{6})\b", sms.outbox[0]["body"]).group(1)
    page = client.get(response["Location"])
    assert "+1 ••• ••• 43" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(response["Location"], {"code": code}, follow=True)
    assert "Usted está suscrito" in confirmed.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert "Responda PARA" in sms.outbox[-1]["body"]


def test_subscribe_by_email_in_arabic_and_confirm_through_the_link(client, city, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _subscribe(client, "ar", channel="email", email="Amal@Example.org", areas=[city.pk])
    assert response.status_code == 302
    email = mail.outbox[0]
    assert email.to == ["amal@example.org"]
    assert "تأكيد" in email.subject
    link = re.search(r"https://aidhub\.test(/ar/alerts/subscribe/\S+)", email.body).group(1)
    # Opening the link (as a mail scanner would) changes nothing; pressing the button confirms.
    page = client.get(link)
    assert page.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    code = re.search(r"code=(\S+)", link).group(1)
    assert f'value="{code}"' in page.text
    client.post(link.split("?")[0], {"code": code})
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_phone_and_email_are_encrypted_in_the_raw_row(client, eastside, city):
    _subscribe(client, "en", phone="+1 202 555 0143", areas=[eastside.pk])
    _subscribe(client, "en", channel="email", email="canary.person@example.org", areas=[city.pk])
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM alerts_subscriber")
        raw = repr(cursor.fetchall())
    assert Subscriber.objects.count() == 2
    for plaintext in ("2025550143", "555 0143", "canary.person", "example.org"):
        assert plaintext not in raw


def test_a_wrong_phone_number_gets_a_translated_error_and_nothing_is_saved(client, eastside):
    response = _subscribe(client, "es", phone="12345", areas=[eastside.pk])
    assert response.status_code == 200
    assert "Esto no parece un número de teléfono" in response.text
    assert 'value="12345"' in response.text
    assert not Subscriber.objects.exists()


def test_the_chosen_channel_needs_its_address(client, eastside):
    response = _subscribe(client, "en", channel="email", phone="+12025550143", areas=[eastside.pk])
    assert "Enter the email address that should get the alerts." in response.text
    assert not Subscriber.objects.exists()


def test_a_confirmed_subscription_is_not_changed_from_the_public_form(
    client, eastside, lakeview, django_capture_on_commit_callbacks
):
    """Anyone may type anyone's number: the owner gets a note, the subscription stays as it was."""
    subscriber = SubscriberFactory(phone="+12025550143", areas=[eastside], language=language("es"))
    with django_capture_on_commit_callbacks(execute=True):
        response = _subscribe(client, "en", phone="202-555-0143", areas=[lakeview.pk])
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert list(subscriber.areas.all()) == [eastside]
    assert "ya recibe alertas" in sms.outbox[0]["body"]
    assert Subscriber.objects.count() == 1


def test_the_code_can_be_tried_a_few_times_only(client, eastside, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _subscribe(client, "en", phone="+12025550143", areas=[eastside.pk])
    code = re.search(r"\b(\d{6})\b", sms.outbox[0]["body"]).group(1)
    for _ in range(settings.ALERTS_CONFIRM_MAX_TRIES):
        wrong = client.post(response["Location"], {"code": "000000" if code != "000000" else "111111"})
        assert "This code is not right or has expired." in wrong.text
    client.post(response["Location"], {"code": code})
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_codes_to_one_number_are_limited_per_day(client, eastside, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(settings.ALERTS_CONFIRM_MAX_SENDS + 2):
            _subscribe(client, "en", phone="+12025550143", areas=[eastside.pk])
    assert len(sms.outbox) == settings.ALERTS_CONFIRM_MAX_SENDS


def test_extra_posted_fields_change_nothing(client, eastside):
    _subscribe(client, "en", phone="+12025550143", areas=[eastside.pk], status="confirmed", confirmed_at="2026-01-01")
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_unknown_confirmation_link_answers_404(client, db):
    assert client.get("/en/alerts/subscribe/not-a-real-token/").status_code == 404
