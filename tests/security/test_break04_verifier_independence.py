"""Break 4 of issue 14: the two-person rule held only against the alert's author. Whoever wrote or changed any text
of an alert, in any language and by any path (the organizer's edit page, a correction, the admin), may not verify
it; an alert that was verified is sent at once and can no longer be changed by anyone."""

import pytest
from django.core import mail

from aidhub.alerts.models import Alert, AlertStateError
from aidhub.alerts.services.alerts import alert_verify
from aidhub.messaging import sms
from tests.conftest import with_two_factor
from tests.factories import AlertFactory, MembershipFactory, SubscriberFactory, language
from tests.helpers import reauthenticate

MAIN_TEXT = "Checkpoint reported on Main Street. Avoid the area."


@pytest.fixture
def subscriber(eastside):
    return SubscriberFactory(phone="+12025550143", language=language("es"), areas=[eastside])


def _edit(client, alert, **texts):
    """Posts the organizer's edit page as a person would: the page's current values, with some texts changed."""
    data = {
        "severity": alert.severity,
        "areas": [area.pk for area in alert.areas.all()],
        **{f"text_{code}": text.text for code, text in alert.texts_by_code().items()},
    }
    return client.post(f"/en/organize/alerts/{alert.pk}/edit/", data | texts)


def _verify(client, alert, capture):
    alert.refresh_from_db()
    with capture(execute=True):
        return client.post(
            f"/en/organize/alerts/{alert.pk}/verify/",
            {"revision": alert.revision, "accept_fallback": "on"},
            follow=True,
        )


def _assert_not_sent(alert):
    alert.refresh_from_db()
    assert alert.status == Alert.Status.PENDING
    assert alert.verified_by is None
    assert not alert.deliveries.exists()
    assert sms.outbox == [] and mail.outbox == []


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param({"text_es": "Retén en la calle Main."}, id="adds a translation"),
        pytest.param({"text_ar": "حاجز في شارع مين."}, id="adds a translation in another script"),
    ],
)
def test_an_organizer_who_translated_a_pending_alert_cannot_verify_it(
    client_for, organizer, pending_alert, subscriber, texts, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    _edit(client, pending_alert, **texts)
    reauthenticate(client)
    page = client.get(f"/en/organize/alerts/{pending_alert.pk}/")
    assert "Verify and send now" not in page.text
    assert "You changed a text of this alert" in page.text
    refused = _verify(client, pending_alert, django_capture_on_commit_callbacks)
    assert "you cannot verify it" in refused.text
    _assert_not_sent(pending_alert)


def test_changing_or_removing_someone_elses_translation_also_counts(
    client_for, organizer, second_organizer, organization, eastside, subscriber, django_capture_on_commit_callbacks
):
    alert = AlertFactory(
        organization=organization,
        author=second_organizer,
        areas=[eastside],
        texts={"en": MAIN_TEXT, "es": "Retén en la calle Main.", "ar": "حاجز في شارع مين."},
    )
    second = client_for(second_organizer)
    second.post(f"/en/organize/alerts/{alert.pk}/submit/", {"accept_fallback": "on"})
    third_organizer = with_two_factor(MembershipFactory(organization=organization).user)
    # One organizer fixes the Spanish, another takes out the Arabic: neither may verify.
    _edit(client_for(organizer), alert, text_es="Retén en la calle Main. Quédese en casa.")
    _edit(client_for(third_organizer), alert, text_ar="")
    assert set(alert.texts_by_code()) == {"en", "es"}
    for person in (organizer, third_organizer):
        client = client_for(person)
        reauthenticate(client)
        refused = _verify(client, alert, django_capture_on_commit_callbacks)
        assert "you cannot verify it" in refused.text
        _assert_not_sent(alert)


def test_the_service_refuses_an_editor_whoever_calls_it(organizer, pending_alert, client_for):
    _edit(client_for(organizer), pending_alert, text_es="Retén en la calle Main.")
    pending_alert.refresh_from_db()
    assert not pending_alert.may_be_verified_by(organizer)
    with pytest.raises(AlertStateError):
        alert_verify(alert=pending_alert, verifier=organizer, revision=pending_alert.revision)
    _assert_not_sent(pending_alert)


def test_opening_and_saving_the_edit_page_unchanged_does_not_count_as_an_edit(
    client_for, organizer, pending_alert, subscriber, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    _edit(client, pending_alert)
    reauthenticate(client)
    done = _verify(client, pending_alert, django_capture_on_commit_callbacks)
    assert "being sent to 1 subscribers" in done.text
    pending_alert.refresh_from_db()
    assert pending_alert.verified_by == organizer


def test_whoever_changes_a_correction_cannot_verify_it(
    client_for, organizer, second_organizer, sent_alert, django_capture_on_commit_callbacks
):
    """The author of the sent alert starts a correction; the organizer who verified the first one adds to its
    Spanish text. Neither may verify the correction: a third organizer must."""
    author = client_for(organizer)
    author.post(f"/en/organize/alerts/{sent_alert.pk}/correct/")
    correction = Alert.objects.get(corrects=sent_alert)
    _edit(author, correction, text_en="Correction: the night is at the library, 6 pm.")
    author.post(f"/en/organize/alerts/{correction.pk}/submit/", {"accept_fallback": "on"})
    verifier = client_for(second_organizer)
    _edit(verifier, correction, text_es="Corrección: la charla es en la biblioteca, a las 6 pm.")
    reauthenticate(verifier)
    refused = _verify(verifier, correction, django_capture_on_commit_callbacks)
    assert "you cannot verify it" in refused.text
    correction.refresh_from_db()
    assert correction.status == Alert.Status.PENDING


def test_an_administrator_who_changes_a_text_in_the_admin_cannot_verify_it(
    client_for, admin_user, organization, pending_alert, second_organizer, django_capture_on_commit_callbacks
):
    # The administrator also organizes for this organization.
    MembershipFactory(organization=organization, user=admin_user)
    client = client_for(admin_user)
    english = pending_alert.texts.get(language__code="en")
    response = client.post(
        f"/admin/alerts/alert/{pending_alert.pk}/change/",
        {
            "severity": pending_alert.severity,
            "areas": [area.pk for area in pending_alert.areas.all()],
            "texts-TOTAL_FORMS": "1",
            "texts-INITIAL_FORMS": "1",
            "texts-MIN_NUM_FORMS": "0",
            "texts-MAX_NUM_FORMS": "1000",
            "texts-0-id": english.pk,
            "texts-0-alert": pending_alert.pk,
            "texts-0-language": english.language_id,
            "texts-0-text": "Checkpoint reported on Main Street and Elm Street. Avoid the area.",
        },
    )
    assert response.status_code == 302
    english.refresh_from_db()
    assert "Elm Street" in english.text
    reauthenticate(client)
    refused = _verify(client, pending_alert, django_capture_on_commit_callbacks)
    assert "you cannot verify it" in refused.text
    _assert_not_sent(pending_alert)
    # The admin's page says who may no longer verify it: the author, then the administrator.
    page = client.get(f"/admin/alerts/alert/{pending_alert.pk}/change/")
    assert "second.organizer@example.org, admin@example.org" in page.text


def test_an_edit_after_verification_is_refused_on_every_path(
    client_for, organizer, second_organizer, admin_user, pending_alert, subscriber, django_capture_on_commit_callbacks
):
    """Verifying sends the alert at once, so there is no "verified but not sent" state to fall back from: after
    verification its texts are frozen everywhere, and a change is a correction, verified again."""
    verifier = client_for(organizer)
    reauthenticate(verifier)
    _verify(verifier, pending_alert, django_capture_on_commit_callbacks)
    pending_alert.refresh_from_db()
    assert pending_alert.status == Alert.Status.SENT
    verifier.logout()

    author = client_for(second_organizer)
    response = _edit(author, pending_alert, text_en="Changed after it was verified.", text_es="Cambiado.")
    assert response.status_code == 302
    english = pending_alert.texts.get(language__code="en")
    admin = client_for(admin_user)
    admin.post(
        f"/admin/alerts/alert/{pending_alert.pk}/change/",
        {
            "severity": "urgent",
            "areas": [area.pk for area in pending_alert.areas.all()],
            "texts-TOTAL_FORMS": "1",
            "texts-INITIAL_FORMS": "1",
            "texts-MIN_NUM_FORMS": "0",
            "texts-MAX_NUM_FORMS": "1000",
            "texts-0-id": english.pk,
            "texts-0-alert": pending_alert.pk,
            "texts-0-language": english.language_id,
            "texts-0-text": "Changed in the admin after it was verified.",
        },
    )
    pending_alert.refresh_from_db()
    assert pending_alert.status == Alert.Status.SENT
    assert pending_alert.verified_by == organizer
    assert pending_alert.severity == "action"
    assert pending_alert.texts_by_code()["en"].text == MAIN_TEXT
    assert set(pending_alert.texts_by_code()) == {"en"}
    assert not pending_alert.editors.filter(pk=admin_user.pk).exists()
