"""Organizers download finished requests of their areas as CSV: streamed, translated, never personal data."""

import csv
import io

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from aidhub.core.models import AuditEvent
from aidhub.needs import export
from tests.factories import AreaFactory, HelpRequestFactory
from tests.helpers import reauthenticate


def _rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.fixture
def exporter(client_for, organizer):
    """The organizer, signed in, who has just entered their password again (as the export asks)."""
    client = client_for(organizer)
    reauthenticate(client)
    return client


def test_the_password_first_and_a_line_in_the_audit_trail(client_for, organizer, eastside):
    HelpRequestFactory(area=eastside, status="done")
    client = client_for(organizer)
    asked = client.get("/en/organize/requests/export.csv")
    assert asked["Location"].startswith("/en/accounts/reauthenticate/")
    assert not AuditEvent.objects.filter(action="exported").exists()
    reauthenticate(client)
    assert client.get("/en/organize/requests/export.csv").status_code == 200
    exported = AuditEvent.objects.get(action="exported")
    assert exported.actor == organizer
    assert exported.organization == organizer.memberships.get().organization


def test_finished_requests_of_my_areas_without_personal_data(exporter, eastside, lakeview):
    done = HelpRequestFactory(area=eastside, status="done", first_name="Rosa", contact_value="+12025550143")
    closed = HelpRequestFactory(area=eastside, status="closed", close_reason="unreachable")
    waiting = HelpRequestFactory(area=eastside, status="new")
    elsewhere = HelpRequestFactory(area=lakeview, status="done")
    response = exporter.get("/en/organize/requests/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="requests-')
    assert "no-cache" in response["Cache-Control"]
    rows = _rows(response)
    assert rows[0] == [
        "Reference code",
        "Kind of help",
        "Language",
        "Area",
        "Status",
        "Reason",
        "Asked on",
        "Finished on",
    ]
    codes = {row[0] for row in rows[1:]}
    assert codes == {done.reference_code, closed.reference_code}
    assert waiting.reference_code not in codes and elsewhere.reference_code not in codes
    closed_row = next(row for row in rows if row[0] == closed.reference_code)
    assert closed_row[1:6] == ["Food", "Spanish", "Eastside", "Closed", "We could not reach the family"]
    text = "\n".join(",".join(row) for row in rows)
    for personal in ("Rosa", "+12025550143", "5550143", "We need food for three children"):
        assert personal not in text


def test_headers_and_labels_in_the_organizers_language(exporter, eastside):
    HelpRequestFactory(area=eastside, status="done")
    rows = _rows(exporter.get("/es/organize/requests/export.csv"))
    assert rows[0][0] == "Código de referencia"
    assert rows[1][4] == "Ayuda dada"
    rows = _rows(exporter.get("/ar/organize/requests/export.csv"))
    assert rows[0][0] == "الرمز المرجعي"


def test_export_streams_in_chunks_with_the_same_queries_for_5_and_60_rows(exporter, eastside, monkeypatch):
    monkeypatch.setattr(export, "CHUNK_SIZE", 4)
    client = exporter

    def download():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/organize/requests/export.csv")
            assert isinstance(response, StreamingHttpResponse)
            chunks = list(response.streaming_content)
        return chunks, len(queries)

    for _ in range(5):
        HelpRequestFactory(area=eastside, status="done")
    chunks_5, queries_5 = download()
    for _ in range(55):
        HelpRequestFactory(area=eastside, status="closed", close_reason="helped")
    chunks_60, queries_60 = download()
    # A chunk is written every CHUNK_SIZE rows: the file is never built whole in memory.
    assert len(chunks_5) == 2
    assert len(chunks_60) == 60 // 4 + 1
    assert queries_60 == queries_5


def test_a_cell_that_looks_like_a_formula_is_defused(exporter, city):
    HelpRequestFactory(area=AreaFactory(name="=HYPERLINK(1)", parent=city), status="done")
    rows = _rows(exporter.get("/en/organize/requests/export.csv"))
    assert rows[1][3] == "'=HYPERLINK(1)"
