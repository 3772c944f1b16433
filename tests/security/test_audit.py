from django.db import connection
from django.test.utils import CaptureQueriesContext

from aidhub.core.models import AuditEvent, audit


def test_organizers_see_their_own_organizations_trail_only(client_for, organizer, other_organizer, help_request):
    client_for(organizer).get(f"/en/organize/requests/{help_request.pk}/contact/")
    mine = client_for(organizer).get("/en/organize/audit/")
    assert "A family&#x27;s details were shown" in mine.text
    assert f"needs.helprequest #{help_request.pk}" in mine.text
    theirs = client_for(other_organizer).get("/en/organize/audit/")
    assert f"#{help_request.pk}" not in theirs.text


def test_the_application_cannot_edit_audit_rows(client_for, admin_user, organizer, help_request):
    event = audit(actor=organizer, action=AuditEvent.Action.CONTACT_SHOWN, target=help_request)
    client = client_for(admin_user)
    assert client.get(f"/admin/core/auditevent/{event.pk}/change/").status_code == 200  # view only
    client.post(f"/admin/core/auditevent/{event.pk}/change/", {"action": "exported"})
    assert client.post(f"/admin/core/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.action == "contact_shown"


def test_audit_trail_queries_stay_flat(client_for, organizer, organization, help_request):
    client = client_for(organizer)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/organize/audit/").status_code == 200
        return len(captured)

    for _ in range(3):
        audit(actor=organizer, action="contact_shown", target=help_request, organization=organization)
    queries()
    with_3 = queries()
    for _ in range(20):
        audit(actor=organizer, action="exported", organization=organization)
    assert queries() == with_3
