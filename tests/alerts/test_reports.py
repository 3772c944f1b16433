from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image

from aidhub.alerts.models import Alert, CheckIn, Report
from tests.factories import ReportFactory
from tests.helpers import antibot_fields, jpeg_bytes


def _report(client, area, code="en", **extra):
    data = {"what": "Unmarked vans at the bus station.", "area": area.pk, "happened_at": "2026-01-05T09:30"}
    return client.post(f"/{code}/alerts/report/", data | antibot_fields() | extra)


def test_anyone_can_report_and_it_is_never_public(client, eastside):
    response = _report(client, eastside, contact="+1 202 555 0177")
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.status == Report.Status.NEW
    assert report.contact == "+1 202 555 0177"
    assert "Unmarked vans" not in client.get("/en/alerts/").text
    assert "Unmarked vans" not in client.get("/en/alerts/feed/").text


def test_the_form_and_the_vetting_page_say_to_describe_events_and_places_never_people(
    client_for, organizer, community_report
):
    client = client_for(organizer)
    assert "Describe events and places, never people." in client.get("/en/alerts/report/").text
    assert (
        "Reports describe events and places, never people."
        in client.get(f"/en/organize/reports/{community_report.pk}/").text
    )
    assert "Reports describe events and places" in client.get("/en/organize/reports/").text


def test_gps_and_every_other_metadata_is_stripped_from_photos(client, eastside):
    original = jpeg_bytes(gps=True, size=(3000, 2000))
    assert Image.open(BytesIO(original)).getexif().get_ifd(0x8825)  # the test photo does carry GPS
    upload = SimpleUploadedFile("IMG_2041 at 12 Elm St.jpg", original, content_type="image/jpeg")
    assert _report(client, eastside, photo=upload).status_code == 302
    report = Report.objects.get()
    assert "Elm" not in report.photo.name
    stored = report.photo.read()
    image = Image.open(BytesIO(stored))
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info and "xmp" not in image.info and "comment" not in image.info
    assert b"Exif" not in stored and b"PhoneMaker" not in stored and b"Elm Street" not in stored
    assert max(image.size) == 1600


def test_a_file_that_is_not_a_photo_gets_a_translated_error_and_nothing_is_saved(client, eastside):
    upload = SimpleUploadedFile("notes.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = _report(client, eastside, code="es", photo=upload)
    assert response.status_code == 200
    assert "Este archivo no es una foto que podamos leer." in response.text
    assert "Unmarked vans at the bus station." in response.text
    assert not Report.objects.exists()


def test_a_photo_too_large_is_refused(client, eastside, settings):
    settings.REPORT_PHOTO_MAX_BYTES = 1000
    upload = SimpleUploadedFile("big.jpg", jpeg_bytes(size=(400, 400)), content_type="image/jpeg")
    response = _report(client, eastside, code="ar", photo=upload)
    assert "هذه الصورة كبيرة جدًا" in response.text
    assert not Report.objects.exists()


def test_reports_are_encrypted_in_the_raw_row(client, eastside):
    _report(client, eastside, what="Canary-vans-at-station", contact="canary-contact@example.org")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM alerts_report")
        raw = repr(cursor.fetchall())
    assert "Canary-vans" not in raw and "canary-contact" not in raw


def test_without_the_anti_bot_check_nothing_is_saved(client, eastside):
    response = client.post("/en/alerts/report/", {"what": "x", "area": eastside.pk, "happened_at": "2026-01-05T09:30"})
    assert response.status_code == 200
    assert "We could not check that a person is sending this form." in response.text
    assert not Report.objects.exists()


def test_reports_are_rate_limited_per_client(client, eastside, settings):
    settings.ANTIBOT_RATES = {**settings.ANTIBOT_RATES, "alerts.report": (2, 2, 3600)}
    assert _report(client, eastside).status_code == 302
    assert _report(client, eastside).status_code == 302
    refused = _report(client, eastside, code="es")
    assert refused.status_code == 429
    assert "Demasiados intentos desde su conexión" in refused.text
    assert Report.objects.count() == 2


def test_organizers_of_the_area_vet_and_others_do_not_see(
    client_for, organizer, other_organizer, community_report, django_capture_on_commit_callbacks
):
    other = client_for(other_organizer)
    assert f"#{community_report.pk}<" not in other.get("/en/organize/reports/").text
    assert other.get(f"/en/organize/reports/{community_report.pk}/photo/").status_code == 404
    other.logout()
    client = client_for(organizer)
    assert f"#{community_report.pk}<" in client.get("/en/organize/reports/").text
    photo = client.get(f"/en/organize/reports/{community_report.pk}/photo/")
    assert photo["Content-Type"] == "image/jpeg"
    assert "no-store" in photo["Cache-Control"]
    client.post(f"/en/organize/reports/{community_report.pk}/", {"status": "verifying"})
    community_report.refresh_from_db()
    assert community_report.status == Report.Status.VERIFYING
    assert community_report.handled_by == organizer


def test_marking_a_duplicate_needs_the_original(client_for, organizer, community_report, eastside):
    original = ReportFactory(area=eastside)
    client = client_for(organizer)
    response = client.post(f"/en/organize/reports/{community_report.pk}/", {"status": "duplicate"})
    assert "Choose the report this one repeats." in response.text
    client.post(f"/en/organize/reports/{community_report.pk}/", {"status": "duplicate", "duplicate_of": original.pk})
    community_report.refresh_from_db()
    assert (community_report.status, community_report.duplicate_of) == ("duplicate", original)


def test_a_check_in_is_recorded_when_the_reporter_left_a_contact(client_for, organizer, community_report):
    client = client_for(organizer)
    page = client.get(f"/en/organize/reports/{community_report.pk}/")
    assert "Ask: are you OK? Do you need anything?" in page.text
    client.post(
        f"/en/organize/reports/{community_report.pk}/check-in/",
        {"outcome": "needs_help", "note": "Needs a ride to the clinic; Rosa follows up."},
    )
    check_in = CheckIn.objects.get()
    assert (check_in.report, check_in.organizer, check_in.outcome) == (community_report, organizer, "needs_help")
    assert "Needs a ride to the clinic" in client.get(f"/en/organize/reports/{community_report.pk}/").text


def test_no_check_in_without_a_contact(client_for, organizer, eastside):
    report = ReportFactory(area=eastside, contact=None)
    client_for(organizer).post(f"/en/organize/reports/{report.pk}/check-in/", {"outcome": "ok"})
    assert not CheckIn.objects.exists()


def test_a_confirmed_report_becomes_a_draft_alert_for_its_area(client_for, organizer, community_report, eastside):
    client = client_for(organizer)
    client.post(f"/en/organize/reports/{community_report.pk}/alert/")
    assert not Alert.objects.exists()  # a new report is not confirmed yet
    client.post(f"/en/organize/reports/{community_report.pk}/", {"status": "confirmed"})
    response = client.post(f"/en/organize/reports/{community_report.pk}/alert/")
    alert = Alert.objects.get()
    assert response["Location"] == f"/en/organize/alerts/{alert.pk}/edit/"
    assert (alert.status, alert.author, alert.source_report) == ("draft", organizer, community_report)
    assert list(alert.areas.all()) == [eastside]
    # The report's words are not copied: the organizer writes the alert fresh.
    assert not alert.texts.exists()
