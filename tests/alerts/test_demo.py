from io import StringIO

from django.core.management import call_command

from aidhub.alerts.models import Alert, Delivery, Report, Subscriber
from aidhub.devdata.demo.core import DEMO_TOTP_SECRET
from tests.helpers import reauthenticate, sign_in_with_two_factor

MODELS = [Subscriber, Alert, Delivery, Report]


def test_seed_demo_adds_alerts_once(db):
    call_command("seed_demo", stdout=StringIO())
    first = {model.__name__: model.objects.count() for model in MODELS}
    assert Subscriber.objects.confirmed().count() == 4
    assert Alert.objects.filter(status="sent").exists()
    assert Alert.objects.filter(status="draft").exists()
    assert Report.objects.filter(status="new").exists()
    call_command("seed_demo", stdout=StringIO())
    assert {model.__name__: model.objects.count() for model in MODELS} == first


def test_the_demo_verifier_can_verify_the_demo_organizers_draft(client, db, django_capture_on_commit_callbacks):
    call_command("seed_demo", stdout=StringIO())
    draft = Alert.objects.get(status="draft")
    sign_in_with_two_factor(client, "organizer@example.org", "demo-pass-2026", DEMO_TOTP_SECRET)
    client.post(f"/en/organize/alerts/{draft.pk}/submit/", {"accept_fallback": "on"})
    client.post("/en/accounts/logout/")
    sign_in_with_two_factor(client, "verifier@example.org", "demo-pass-2026", DEMO_TOTP_SECRET)
    reauthenticate(client, "demo-pass-2026")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/organize/alerts/{draft.pk}/verify/", {"revision": draft.revision, "accept_fallback": "on"})
    draft.refresh_from_db()
    assert draft.status == "sent"
