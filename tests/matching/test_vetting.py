"""Organizers confirm volunteers for kinds of help that need vetting: on a volunteer's page, or by answering the
queue of volunteers who asked. Every decision is audited; organizers of other areas see none of it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from aidhub.accounts.models import Vetting
from aidhub.accounts.services import vetting_request
from aidhub.core.models import AuditEvent
from tests.factories import OfferFactory, VolunteerProfileFactory, language


def _confirmed(volunteer):
    return set(Vetting.objects.confirmed().filter(volunteer=volunteer).values_list("category", flat=True))


def test_organizer_marks_a_volunteer_vetted_and_takes_it_back(client_for, organizer, volunteer):
    profile = volunteer.volunteer_profile
    client = client_for(organizer)
    assert profile.display_name in client.get("/en/organize/volunteers/").text
    client.post(f"/en/organize/volunteers/{profile.pk}/", {"categories": ["childcare", "rides"]})
    assert _confirmed(volunteer) == {"childcare", "rides"}
    client.post(f"/en/organize/volunteers/{profile.pk}/", {"categories": ["rides"]})
    assert _confirmed(volunteer) == {"rides"}
    assert Vetting.objects.get(category="childcare").status == Vetting.Status.DECLINED
    actions = list(AuditEvent.objects.order_by("id").values_list("action", "actor", "target_type"))
    assert actions == [
        ("vetting_confirmed", organizer.pk, "accounts.vetting"),
        ("vetting_confirmed", organizer.pk, "accounts.vetting"),
        ("vetting_declined", organizer.pk, "accounts.vetting"),
    ]
    assert all(event.organization is not None for event in AuditEvent.objects.all())


def test_volunteers_outside_my_areas_are_not_listed(client_for, other_organizer, volunteer):
    profile = volunteer.volunteer_profile
    client = client_for(other_organizer)
    assert profile.display_name not in client.get("/en/organize/volunteers/").text
    assert client.post(f"/en/organize/volunteers/{profile.pk}/", {"categories": ["rides"]}).status_code == 404
    assert not Vetting.objects.exists()


def test_a_volunteer_asking_appears_in_the_queue_and_the_dashboard_counts_it(client_for, organizer, volunteer):
    vetting_request(volunteer=volunteer, category="legal")
    client = client_for(organizer)
    assert "1 waiting" in client.get("/en/organize/").text
    queue = client.get("/en/organize/volunteers/confirmations/")
    assert "María" in queue.text
    assert "Legal help" in queue.text


def test_confirming_from_the_queue_is_audited_and_lets_the_volunteer_serve(client_for, organizer, volunteer):
    vetting = vetting_request(volunteer=volunteer, category="legal")
    response = client_for(organizer).post(
        f"/en/organize/volunteers/confirmations/{vetting.pk}/", {"decision": "confirm"}, follow=True
    )
    assert "María is confirmed for legal help." in response.text
    vetting.refresh_from_db()
    assert (vetting.status, vetting.decided_by) == (Vetting.Status.VETTED, organizer)
    assert AuditEvent.objects.get().action == AuditEvent.Action.VETTING_CONFIRMED
    assert (
        "Nobody is waiting to be confirmed." in client_for(organizer).get("/en/organize/volunteers/confirmations/").text
    )


def test_declining_from_the_queue_is_audited(client_for, organizer, volunteer):
    vetting = vetting_request(volunteer=volunteer, category="childcare")
    response = client_for(organizer).post(
        f"/en/organize/volunteers/confirmations/{vetting.pk}/", {"decision": "decline"}, follow=True
    )
    assert "María is not confirmed for childcare." in response.text
    vetting.refresh_from_db()
    assert vetting.status == Vetting.Status.DECLINED
    assert AuditEvent.objects.get().action == AuditEvent.Action.VETTING_DECLINED


def test_a_decision_is_taken_once(client_for, organizer, second_organizer, volunteer):
    vetting = vetting_request(volunteer=volunteer, category="legal")
    client_for(organizer).post(f"/en/organize/volunteers/confirmations/{vetting.pk}/", {"decision": "confirm"})
    response = client_for(second_organizer).post(
        f"/en/organize/volunteers/confirmations/{vetting.pk}/", {"decision": "decline"}, follow=True
    )
    assert response.status_code == 404
    vetting.refresh_from_db()
    assert vetting.status == Vetting.Status.VETTED


def test_an_empty_decision_changes_nothing(client_for, organizer, volunteer):
    vetting = vetting_request(volunteer=volunteer, category="legal")
    response = client_for(organizer).post(f"/en/organize/volunteers/confirmations/{vetting.pk}/", {}, follow=True)
    assert "Choose whether to confirm this volunteer." in response.text
    vetting.refresh_from_db()
    assert vetting.status == Vetting.Status.REQUESTED


def test_organizers_of_other_areas_neither_see_nor_decide(client_for, other_organizer, volunteer):
    vetting = vetting_request(volunteer=volunteer, category="legal")
    client = client_for(other_organizer)
    assert "María" not in client.get("/en/organize/volunteers/confirmations/").text
    response = client.post(f"/en/organize/volunteers/confirmations/{vetting.pk}/", {"decision": "confirm"})
    assert response.status_code == 404
    vetting.refresh_from_db()
    assert vetting.status == Vetting.Status.REQUESTED


def test_a_request_for_a_kind_that_needs_no_vetting_is_not_queued(volunteer):
    assert vetting_request(volunteer=volunteer, category="food") is None
    assert not Vetting.objects.exists()


def test_the_queue_runs_the_same_number_of_queries_with_3_and_30_requests(client_for, organizer, eastside):
    client = client_for(organizer)

    def asking(count):
        for _ in range(count):
            user = VolunteerProfileFactory(areas=[eastside]).user
            OfferFactory(volunteer=user, category="legal", areas=[eastside], languages=[language("es")])
            vetting_request(volunteer=user, category="legal")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/organize/volunteers/confirmations/").status_code == 200
        return len(captured)

    asking(3)
    queries()
    with_3 = queries()
    asking(27)
    assert queries() == with_3
