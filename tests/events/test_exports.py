import csv
import io

from aidhub.core.models import AuditEvent
from tests.factories import ShiftSignupFactory, VolunteerProfileFactory, make_booking, make_registration
from tests.helpers import reauthenticate


def test_csv_of_shifts_holds_volunteer_names_and_roles_only(client_for, organizer, shift, slot):
    make_booking(slot, first_name="Amal", contact="+12025550147")
    make_registration(shift.event, first_name="Rosa", contact="rosa@example.net", contact_kind="email")
    tricky = VolunteerProfileFactory(display_name='=HYPERLINK("http://evil")').user
    ShiftSignupFactory(shift=shift, volunteer=tricky)
    client = client_for(organizer)
    asked = client.get(f"/en/organize/events/{shift.event_id}/shifts.csv")
    assert asked["Location"].startswith("/en/accounts/reauthenticate/")  # the password first
    reauthenticate(client)
    response = client.get(f"/en/organize/events/{shift.event_id}/shifts.csv")
    assert AuditEvent.objects.filter(actor=organizer, action="exported", target_id=shift.event_id).count() == 1
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"] == f'attachment; filename="event-{shift.event_id}-shifts.csv"'
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == ["Role", "Language", "Starts", "Ends", "Volunteer"]
    assert sorted(row[4] for row in rows[1:]) == ['\'=HYPERLINK("http://evil")', "María"]
    assert {row[0] for row in rows[1:]} == {"Welcome desk"}
    for private in ("Amal", "4477", "Rosa", "rosa@example.net", "maria@example.org"):
        assert private not in content


def test_csv_headers_follow_the_page_language(client_for, organizer, shift):
    client = client_for(organizer)
    reauthenticate(client)
    content = b"".join(client.get(f"/es/organize/events/{shift.event_id}/shifts.csv").streaming_content)
    assert content.decode().splitlines()[0] == "Rol,Idioma,Comienza,Termina,Voluntario"


def test_attendance_list_prints_codes_not_family_names(client_for, organizer, shift, slot):
    booking, _token = make_booking(slot, first_name="Amal", contact="+12025550147")
    response = client_for(organizer).get(f"/en/organize/events/{shift.event_id}/attendance/")
    assert "María" in response.text
    assert booking.reference_code in response.text
    assert "Amal" not in response.text
    assert "4477" not in response.text
    assert "d-print-none" in response.text
