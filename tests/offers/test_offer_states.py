from aidhub.offers.models import Offer


def test_pause_hides_and_resume_lists_again(client_for, volunteer, offer, client, django_capture_on_commit_callbacks):
    owner = client_for(volunteer)
    # The cached public list is renewed once the change is committed.
    with django_capture_on_commit_callbacks(execute=True):
        assert owner.post(f"/en/my/offers/{offer.pk}/pause/").status_code == 302
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PAUSED
    owner.logout()
    assert offer.title not in client.get("/en/offers/").text
    owner = client_for(volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        owner.post(f"/en/my/offers/{offer.pk}/resume/")
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    owner.logout()
    assert offer.title in client.get("/en/offers/").text


def test_archive_removes_the_offer_everywhere(client_for, volunteer, offer):
    owner = client_for(volunteer)
    owner.post(f"/en/my/offers/{offer.pk}/archive/")
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ARCHIVED
    assert offer.title not in owner.get("/en/my/").text
    assert owner.get(f"/en/my/offers/{offer.pk}/edit/").status_code == 404
    assert owner.get(f"/en/offers/{offer.pk}/").status_code == 404


def test_a_pending_offer_cannot_be_paused(client_for, volunteer, pending_offer):
    client_for(volunteer).post(f"/en/my/offers/{pending_offer.pk}/pause/")
    pending_offer.refresh_from_db()
    assert pending_offer.status == Offer.Status.PENDING


def test_actions_need_post_and_a_csrf_token(volunteer, offer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(volunteer)
    assert client.get(f"/en/my/offers/{offer.pk}/pause/").status_code == 405
    assert client.post(f"/en/my/offers/{offer.pk}/pause/").status_code == 403
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
