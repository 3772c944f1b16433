import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from aidhub.alerts.models import Alert, AlertText, Delivery
from aidhub.messaging import sms
from tests.factories import AlertFactory, AreaFactory, SubscriberFactory, language
from tests.helpers import reauthenticate


def _draft(client, eastside, **texts):
    data = {"severity": "urgent", "areas": [eastside.pk], "text_en": "Checkpoint on Main St. Stay home."}
    return client.post("/en/organize/alerts/new/", data | texts)


def test_author_drafts_submits_cannot_verify_and_a_second_organizer_verifies(
    client_for, organizer, second_organizer, eastside, city, lakeview, django_capture_on_commit_callbacks
):
    spanish_phone = SubscriberFactory(phone="+12025550143", language=language("es"), areas=[eastside])
    arabic_email = SubscriberFactory(email="amal@example.org", language=language("ar"), areas=[city])
    elsewhere = SubscriberFactory(phone="+12025550150", areas=[lakeview])
    unconfirmed = SubscriberFactory(phone="+12025550151", status="pending", areas=[eastside])

    author = client_for(organizer)
    response = _draft(author, eastside, text_es="Retén en la calle Main. Quédese en casa.", text_ar="حاجز في شارع مين.")
    alert = Alert.objects.get()
    assert response["Location"] == f"/en/organize/alerts/{alert.pk}/"
    assert alert.author == organizer
    assert alert.status == Alert.Status.DRAFT
    author.post(f"/en/organize/alerts/{alert.pk}/submit/")
    alert.refresh_from_db()
    assert alert.status == Alert.Status.PENDING

    # The author sees no verify button, and posting anyway sends nothing.
    page = author.get(f"/en/organize/alerts/{alert.pk}/")
    assert "Verify and send now" not in page.text
    assert "A second organizer must verify it" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        refused = author.post(f"/en/organize/alerts/{alert.pk}/verify/", {"revision": alert.revision}, follow=True)
    assert "you cannot verify it" in refused.text
    alert.refresh_from_db()
    assert alert.status == Alert.Status.PENDING
    assert sms.outbox == [] and mail.outbox == []

    author.logout()
    verifier = client_for(second_organizer)
    reauthenticate(verifier)
    assert "Verify and send now" in verifier.get(f"/en/organize/alerts/{alert.pk}/").text
    with django_capture_on_commit_callbacks(execute=True):
        done = verifier.post(f"/en/organize/alerts/{alert.pk}/verify/", {"revision": alert.revision}, follow=True)
    assert "being sent to 2 subscribers" in done.text
    alert.refresh_from_db()
    assert alert.status == Alert.Status.SENT
    assert alert.verified_by == second_organizer

    assert [(m["to"], m["body"]) for m in sms.outbox] == [
        (
            "+12025550143",
            "AidHub (Urgente): Retén en la calle Main. Quédese en casa.\nResponda PARA para dejar de recibir alertas.",
        )
    ]
    assert mail.outbox[0].to == ["amal@example.org"]
    assert "حاجز في شارع مين." in mail.outbox[0].body
    assert "عاجل" in mail.outbox[0].subject
    assert set(Delivery.objects.values_list("subscriber", "status")) == {
        (spanish_phone.pk, "sent"),
        (arabic_email.pk, "sent"),
    }
    assert not Delivery.objects.filter(subscriber__in=[elsewhere, unconfirmed]).exists()


def test_a_subscriber_without_a_translation_gets_the_main_text_with_instructions_in_their_language(
    organization, organizer, second_organizer, eastside, django_capture_on_commit_callbacks
):
    from aidhub.alerts.services.alerts import alert_verify

    SubscriberFactory(phone="+12025550143", language=language("es"), areas=[eastside])
    SubscriberFactory(phone="+12025550144", language=language("mam"), areas=[eastside])
    alert = AlertFactory(organization=organization, author=organizer, areas=[eastside], status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        alert_verify(alert=alert, verifier=second_organizer, revision=alert.revision, fallback_accepted=True)
    bodies = {m["to"]: m["body"] for m in sms.outbox}
    assert bodies["+12025550143"].startswith("AidHub (Hay que actuar): Checkpoint reported on Main Street.")
    assert bodies["+12025550144"].startswith("AidHub (Action needed): Checkpoint reported on Main Street.")


def test_an_alert_for_a_city_reaches_its_neighbourhoods_and_not_the_other_way_round(
    organization, organizer, second_organizer, city, eastside, django_capture_on_commit_callbacks
):
    from aidhub.alerts.services.alerts import alert_verify

    westside = AreaFactory(name="Westside", parent=city)
    in_eastside = SubscriberFactory(areas=[eastside])
    in_westside = SubscriberFactory(areas=[westside])
    citywide = AlertFactory(organization=organization, author=organizer, areas=[city], status="pending")
    alert_verify(alert=citywide, verifier=second_organizer, revision=citywide.revision, fallback_accepted=True)
    assert set(citywide.deliveries.values_list("subscriber", flat=True)) == {in_eastside.pk, in_westside.pk}
    local = AlertFactory(organization=organization, author=organizer, areas=[westside], status="pending")
    alert_verify(alert=local, verifier=second_organizer, revision=local.revision, fallback_accepted=True)
    assert list(local.deliveries.values_list("subscriber", flat=True)) == [in_westside.pk]


def test_the_database_refuses_an_author_who_verifies_their_own_alert(draft_alert, organizer):
    with pytest.raises(IntegrityError), transaction.atomic():
        Alert.objects.filter(pk=draft_alert.pk).update(status="sent", verified_by=organizer, verified_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Alert.objects.filter(pk=draft_alert.pk).update(status="sent")


def test_the_service_refuses_the_author_too(pending_alert, second_organizer):
    from aidhub.alerts.models import AlertStateError
    from aidhub.alerts.services.alerts import alert_verify

    with pytest.raises(AlertStateError):
        alert_verify(
            alert=pending_alert, verifier=second_organizer, revision=pending_alert.revision, fallback_accepted=True
        )
    pending_alert.refresh_from_db()
    assert pending_alert.status == Alert.Status.PENDING


def test_the_admin_cannot_verify_or_add_alerts(client_for, admin_user, pending_alert, second_organizer, organizer):
    client = client_for(admin_user)
    url = f"/admin/alerts/alert/{pending_alert.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="verified_by"' not in page.text
    assert 'name="status"' not in page.text
    response = client.post(
        url,
        {
            "severity": "urgent",
            "areas": [area.pk for area in pending_alert.areas.all()],
            "status": "sent",
            "verified_by": second_organizer.pk,
            "verified_at_0": "2026-11-21",
            "verified_at_1": "10:00:00",
            "author": organizer.pk,
            "texts-TOTAL_FORMS": "0",
            "texts-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code in (200, 302)
    pending_alert.refresh_from_db()
    assert pending_alert.status == Alert.Status.PENDING
    assert pending_alert.verified_by is None
    assert pending_alert.author == second_organizer
    assert client.get("/admin/alerts/alert/add/").status_code == 403


def test_a_verifier_confirms_the_version_they_read(
    client_for, organizer, second_organizer, pending_alert, django_capture_on_commit_callbacks
):
    old_revision = pending_alert.revision
    client_for(second_organizer).post(
        f"/en/organize/alerts/{pending_alert.pk}/edit/",
        {"severity": "urgent", "areas": [a.pk for a in pending_alert.areas.all()], "text_en": "Changed: all clear."},
    )
    pending_alert.refresh_from_db()
    assert pending_alert.revision == old_revision + 1
    client = client_for(organizer)
    reauthenticate(client)
    response = client.post(f"/en/organize/alerts/{pending_alert.pk}/verify/", {"revision": old_revision}, follow=True)
    assert "changed after you opened it" in response.text
    pending_alert.refresh_from_db()
    assert pending_alert.status == Alert.Status.PENDING


def test_other_organizers_translate_but_do_not_change_what_the_alert_says(
    client_for, second_organizer, draft_alert, eastside, lakeview
):
    client = client_for(second_organizer)
    client.post(
        f"/en/organize/alerts/{draft_alert.pk}/edit/",
        {"severity": "information", "areas": [lakeview.pk], "text_en": "Something else", "text_es": "Retén en Main."},
    )
    draft_alert.refresh_from_db()
    assert draft_alert.severity == "action"
    assert list(draft_alert.areas.all()) == [eastside]
    texts = dict(draft_alert.texts.values_list("language__code", "text"))
    assert texts == {"en": "Checkpoint reported on Main Street. Avoid the area.", "es": "Retén en Main."}
    assert AlertText.objects.get(language__code="es").written_by == second_organizer


def test_the_main_language_text_is_required(client_for, organizer, eastside):
    response = _draft(client_for(organizer), eastside, text_en="", text_es="Solo en español")
    assert response.status_code == 200
    assert "Write the alert in the organization&#x27;s main language" in response.text
    assert "Solo en español" in response.text
    assert not Alert.objects.exists()


def test_texts_longer_than_the_limit_are_refused_with_a_translated_error(client_for, organizer, eastside):
    response = client_for(organizer).post(
        "/es/organize/alerts/new/", {"severity": "urgent", "areas": [eastside.pk], "text_en": "x" * 481}
    )
    assert response.status_code == 200
    assert "Asegúrese de que este valor tenga menos de 480 caracteres" in response.text
    assert not Alert.objects.exists()


def test_extra_posted_fields_change_nothing(client_for, organizer, second_organizer, eastside):
    _draft(
        client_for(organizer),
        eastside,
        status="sent",
        verified_by=second_organizer.pk,
        author=second_organizer.pk,
        revision=99,
    )
    alert = Alert.objects.get()
    assert (alert.status, alert.verified_by, alert.author, alert.revision) == ("draft", None, organizer, 1)


def test_areas_outside_the_organizers_scope_are_refused(client_for, organizer, lakeview):
    response = client_for(organizer).post(
        "/en/organize/alerts/new/", {"severity": "urgent", "areas": [lakeview.pk], "text_en": "Hello"}
    )
    assert response.status_code == 200
    assert not Alert.objects.exists()


def test_a_sent_alert_cannot_be_edited(client_for, organizer, sent_alert):
    response = client_for(organizer).post(f"/en/organize/alerts/{sent_alert.pk}/edit/", {"text_en": "new"})
    assert response.status_code == 302
    assert sent_alert.texts.get(language__code="en").text == "Know-your-rights night moved to the library."
