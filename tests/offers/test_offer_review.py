from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aidhub.offers.models import Offer
from tests.factories import OfferFactory, VolunteerProfileFactory, language, vet


def test_organizer_approves_and_the_offer_appears_in_the_spanish_list(client_for, organizer, pending_offer, client):
    vet(pending_offer.volunteer, "rides")  # rides need vetting: the offer is listed once approved too
    organizer_client = client_for(organizer)
    queue = organizer_client.get("/en/organize/offers/")
    assert pending_offer.title in queue.text
    response = organizer_client.post(f"/en/organize/offers/{pending_offer.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    pending_offer.refresh_from_db()
    assert pending_offer.status == Offer.Status.PUBLISHED
    assert pending_offer.reviewed_by == organizer
    organizer_client.logout()
    listing = client.get("/es/offers/", {"category": "rides", "language": language("es").pk})
    assert pending_offer.title in listing.text
    assert 'lang="es"' in listing.text


def test_volunteer_is_told_in_their_own_language(
    client_for, organizer, pending_offer, django_capture_on_commit_callbacks
):
    pending_offer.volunteer.language = "es"
    pending_offer.volunteer.save()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(f"/en/organize/offers/{pending_offer.pk}/", {"decision": "approve"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["maria@example.org"]
    assert mail.outbox[0].subject == "Su oferta está publicada"
    assert "/es/my/" in mail.outbox[0].body


def test_send_back_needs_a_reason_and_the_volunteer_reads_it_in_their_language(
    client_for, organizer, pending_offer, django_capture_on_commit_callbacks
):
    pending_offer.volunteer.language = "ar"
    pending_offer.volunteer.save()
    organizer_client = client_for(organizer)
    response = organizer_client.post(f"/en/organize/offers/{pending_offer.pk}/", {"decision": "send_back"})
    assert response.status_code == 200
    assert "Choose a reason so the volunteer knows what to change." in response.text
    pending_offer.refresh_from_db()
    assert pending_offer.status == Offer.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(
            f"/en/organize/offers/{pending_offer.pk}/",
            {"decision": "send_back", "reason": "personal_data", "note": "Remove the phone number."},
        )
    assert response.status_code == 302
    pending_offer.refresh_from_db()
    assert pending_offer.status == Offer.Status.RETURNED
    organizer_client.logout()
    dashboard = client_for(pending_offer.volunteer).get("/ar/my/")
    assert "يرجى إزالة أرقام الهواتف" in dashboard.text
    assert "Remove the phone number." in dashboard.text
    assert "يرجى إزالة أرقام الهواتف" in mail.outbox[0].body


def test_reason_other_needs_a_note(client_for, organizer, pending_offer):
    response = client_for(organizer).post(
        f"/es/organize/offers/{pending_offer.pk}/", {"decision": "send_back", "reason": "other"}
    )
    assert response.status_code == 200
    pending_offer.refresh_from_db()
    assert pending_offer.status == Offer.Status.PENDING


def test_organizer_of_another_area_neither_sees_nor_reviews(client_for, other_organizer, pending_offer):
    client = client_for(other_organizer)
    assert pending_offer.title not in client.get("/en/organize/offers/").text
    response = client.post(f"/en/organize/offers/{pending_offer.pk}/", {"decision": "approve"})
    assert response.status_code == 404
    pending_offer.refresh_from_db()
    assert pending_offer.status == Offer.Status.PENDING


def test_a_second_decision_on_the_same_offer_changes_nothing(
    client_for, organizer, pending_offer, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/organize/offers/{pending_offer.pk}/", {"decision": "approve"})
        response = client.post(
            f"/en/organize/offers/{pending_offer.pk}/", {"decision": "send_back", "reason": "more_detail"}, follow=True
        )
    assert "Someone has already reviewed this offer" in response.text
    pending_offer.refresh_from_db()
    assert pending_offer.status == Offer.Status.PUBLISHED
    assert len(mail.outbox) == 1


def _queue_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/organize/offers/").status_code == 200
    return len(queries)


def test_review_queue_runs_the_same_number_of_queries_with_5_and_100_offers(client_for, organizer, eastside, city):
    client = client_for(organizer)

    def add(count):
        for _ in range(count):
            profile = VolunteerProfileFactory()
            OfferFactory(volunteer=profile.user, status="pending", published_at=None, areas=[eastside, city])

    add(5)
    _queue_queries(client)  # the first visit of a session records the organizer's stricter session rules
    with_5 = _queue_queries(client)
    add(95)
    assert _queue_queries(client) == with_5
