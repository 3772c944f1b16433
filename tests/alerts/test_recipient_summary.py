"""Alerts say who gets what (issue 17, item 5): the recipient summary, the explicit choice to send a fallback
language, the audit log of both, and the verifier told when an alert is submitted."""

from django.core import mail

from aidhub.alerts.models import Alert
from aidhub.core.models import AuditEvent
from aidhub.messaging import sms
from tests.factories import AreaFactory, SubscriberFactory, language
from tests.helpers import count_queries, get_with_queries, reauthenticate


def _subscribers(eastside, city):
    SubscriberFactory(language=language("ar"), areas=[eastside])
    SubscriberFactory(email="amal@example.org", language=language("ar"), areas=[city])
    SubscriberFactory(language=language("vi"), areas=[eastside])
    SubscriberFactory(language=language("en"), areas=[eastside])
    SubscriberFactory(language=language("ar"), status="pending", areas=[eastside])  # not confirmed: not counted


def _english_only_draft(client, eastside):
    data = {"severity": "urgent", "areas": [eastside.pk], "text_en": "Checkpoint on Main St. Stay home."}
    client.post("/en/organize/alerts/new/", data)
    return Alert.objects.get()


def test_an_english_only_alert_says_who_will_receive_english_and_sending_it_is_a_choice(
    client_for, organizer, second_organizer, eastside, city, django_capture_on_commit_callbacks
):
    _subscribers(eastside, city)
    second_organizer.language = "es"
    second_organizer.save(update_fields=["language"])
    author = client_for(organizer)
    alert = _english_only_draft(author, eastside)

    page = author.get(f"/en/organize/alerts/{alert.pk}/").text
    assert "4 confirmed subscribers: 3 by text message, 1 by email." in page
    assert "3 will receive English, because their languages have no translation" in page
    assert "العربية</bdi> (Arabic): 2" in page and "Tiếng Việt</bdi> (Vietnamese): 1" in page
    assert "Eastside: 3" in page and "Riverside: 1" in page
    assert "Send the English text to 3 subscribers whose languages have no translation" in page

    # Submitting without the choice is refused, and nobody is told.
    with django_capture_on_commit_callbacks(execute=True):
        refused = author.post(f"/en/organize/alerts/{alert.pk}/submit/", follow=True)
    assert "tick the box to send the main language" in refused.text
    alert.refresh_from_db()
    assert alert.status == Alert.Status.DRAFT
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        author.post(f"/en/organize/alerts/{alert.pk}/submit/", {"accept_fallback": "on"})
    alert.refresh_from_db()
    assert alert.status == Alert.Status.PENDING
    # The verifier (not the author) is told, in their own language, without the alert's text.
    assert [message.to for message in mail.outbox] == [["second.organizer@example.org"]]
    assert "verificación" in mail.outbox[0].subject
    assert f"/es/organize/alerts/{alert.pk}/" in mail.outbox[0].body
    assert "Checkpoint" not in mail.outbox[0].body
    submitted = AuditEvent.objects.get(action=AuditEvent.Action.ALERT_SUBMITTED)
    assert submitted.actor == organizer
    assert submitted.details == {
        "fallback_accepted": True,
        "recipients": {
            "total": 4,
            "main_language": "en",
            "by_language": {
                "ar": {"sms": 1, "email": 1, "receives": "en"},
                "vi": {"sms": 1, "email": 0, "receives": "en"},
                "en": {"sms": 1, "email": 0, "receives": "en"},
            },
            "fallback": {"ar": 2, "vi": 1},
        },
    }

    author.logout()
    mail.outbox.clear()
    verifier = client_for(second_organizer)
    reauthenticate(verifier)
    page = verifier.get(f"/es/organize/alerts/{alert.pk}/").text
    assert "3 recibirán English" in page
    with django_capture_on_commit_callbacks(execute=True):
        refused = verifier.post(f"/es/organize/alerts/{alert.pk}/verify/", {"revision": alert.revision}, follow=True)
    alert.refresh_from_db()
    assert alert.status == Alert.Status.PENDING
    assert sms.outbox == [] and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        verifier.post(f"/es/organize/alerts/{alert.pk}/verify/", {"revision": alert.revision, "accept_fallback": "on"})
    alert.refresh_from_db()
    assert alert.status == Alert.Status.SENT
    assert len(sms.outbox) == 3 and len(mail.outbox) == 1
    verified = AuditEvent.objects.get(action=AuditEvent.Action.ALERT_VERIFIED)
    assert verified.actor == second_organizer
    assert verified.details["fallback_accepted"] is True
    assert verified.details["recipients"]["fallback"] == {"ar": 2, "vi": 1}


def test_with_every_translation_no_choice_is_asked(
    client_for, organizer, second_organizer, eastside, city, django_capture_on_commit_callbacks
):
    _subscribers(eastside, city)
    author = client_for(organizer)
    data = {
        "severity": "urgent",
        "areas": [eastside.pk],
        "text_en": "Checkpoint on Main St.",
        "text_ar": "حاجز في شارع مين.",
        "text_vi": "Trạm kiểm soát trên đường Main.",
    }
    author.post("/en/organize/alerts/new/", data)
    alert = Alert.objects.get()
    page = author.get(f"/en/organize/alerts/{alert.pk}/").text
    assert "will receive English" not in page and "accept_fallback" not in page
    with django_capture_on_commit_callbacks(execute=True):
        author.post(f"/en/organize/alerts/{alert.pk}/submit/")
    alert.refresh_from_db()
    assert alert.status == Alert.Status.PENDING
    assert AuditEvent.objects.get(action=AuditEvent.Action.ALERT_SUBMITTED).details["fallback_accepted"] is False


def test_the_summary_counts_in_the_database(client_for, organizer, eastside, city):
    client = client_for(organizer)
    alert = _english_only_draft(client, eastside)
    _subscribers(eastside, city)
    count_queries(client, f"/en/organize/alerts/{alert.pk}/")
    few = count_queries(client, f"/en/organize/alerts/{alert.pk}/")
    for code in ("es", "fr", "ht", "zh", "so", "vi", "ar"):
        for area in (eastside, city, AreaFactory(parent=city)):
            SubscriberFactory(language=language(code), areas=[area, eastside])
            SubscriberFactory(email=f"{code}.{area.pk}@example.org", language=language(code), areas=[area])
    # The new areas widen the organizer's scope: the menu's work counts are counted again once for it, on a first
    # page (aidhub.portal.selectors).
    client.get(f"/en/organize/alerts/{alert.pk}/")
    response, many = get_with_queries(client, f"/en/organize/alerts/{alert.pk}/")
    assert many == few
    assert "39 confirmed subscribers" in response.text
