from django.core import mail
from django_tasks_db.models import DBTaskResult

from aidhub.messaging import sms
from aidhub.messaging.crypto import seal, unseal
from aidhub.messaging.services import send_email_to_user, send_sms
from tests.factories import OfferFactory


def test_email_is_rendered_in_the_recipients_language_not_the_senders(volunteer, django_capture_on_commit_callbacks):
    volunteer.language = "ar"
    offer = OfferFactory(volunteer=volunteer, title="Rides")
    with django_capture_on_commit_callbacks(execute=True):
        send_email_to_user(user=volunteer, template="offers/approved", context={"offer": offer})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "تم نشر عرضك"
    assert "https://aidhub.test/ar/my/" in mail.outbox[0].body


def test_nothing_is_sent_when_the_transaction_rolls_back(volunteer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_email_to_user(user=volunteer, template="offers/approved", context={"offer": OfferFactory()})
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_text_message_goes_through_the_configured_backend(db, settings, django_capture_on_commit_callbacks):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], settings.BASE_DIR / "tests" / "templates"]}]
    with django_capture_on_commit_callbacks(execute=True):
        send_sms(to="+15550100", language="es", template="test_message", context={"code": "K7P-4QX"})
    assert sms.outbox[0]["to"] == "+15550100"
    assert "K7P-4QX" in sms.outbox[0]["body"]


def test_queued_payload_holds_no_plaintext(volunteer, settings, django_capture_on_commit_callbacks):
    """With the database task backend, the queued row must not show the address or the message."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        send_email_to_user(user=volunteer, template="offers/approved", context={"offer": OfferFactory()})
    row = DBTaskResult.objects.get()
    raw = str(row.args_kwargs)
    assert "maria@example.org" not in raw
    assert "published" not in raw.lower()
    assert mail.outbox == []  # queued, waiting for the worker


def test_seal_round_trip():
    assert unseal(seal({"to": "x@example.org"})) == {"to": "x@example.org"}
