"""What each row does (new, updated, unchanged, error), what the file must look like, and the template file."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from aidhub.accounts.models import User, Vetting
from aidhub.imports.files import COLUMN_NAMES, MAX_BYTES
from aidhub.imports.models import ImportBatch
from aidhub.offers.models import Offer
from tests.imports.conftest import HEADER, csv_file


def _import(client, content, capture, name="volunteers.csv"):
    response = client.post("/en/organize/import/", {"file": csv_file(content, name)})
    assert response.status_code == 302, response.text[:3000]
    preview = client.get(response["Location"])
    with capture(execute=True):
        client.post(response["Location"] + "import/")
    return preview


def test_a_second_file_adds_the_new_offer_to_an_invited_volunteer_without_inviting_again(
    client_for, organizer, eastside, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    _import(client, HEADER + "Lena@Example.org,Lena,es,,eastside,,,,,\n", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    mail.outbox.clear()
    lena = User.objects.get(email="lena@example.org")
    assert not lena.offers.exists()
    preview = _import(
        client,
        HEADER + "LENA@example.org,Lena,es,es,eastside,legal,Forms,I help with forms.,any,2\n",
        django_capture_on_commit_callbacks,
    )
    assert "Invited before: the offer is added, without a second invitation." in preview.text
    (offer,) = lena.offers.all()
    assert offer.status == Offer.Status.PENDING and offer.capacity == 2
    # Legal help needs an organizer's confirmation: the volunteer enters the queue, as offering it does.
    assert Vetting.objects.get(volunteer=lena, category="legal").status == Vetting.Status.REQUESTED
    assert not mail.outbox


def test_an_area_of_another_organization_is_unknown_to_this_organizer(
    client_for, organizer, eastside, lakeview, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    preview = _import(client, HEADER + "sam@example.org,Sam,en,en,lakeview,,,,,\n", django_capture_on_commit_callbacks)
    assert "None of your organizations&#x27; areas has the code lakeview." in preview.text
    assert not User.objects.filter(email="sam@example.org").exists()


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (",Ana,en,,eastside,,,,,", "email", "An email address is needed."),
        ("ana@example.org,Ana,xx,,eastside,,,,,", "language", "is not a language of the site"),
        ("ana@example.org,Ana,en,qq,eastside,,,,,", "languages", "Unknown language codes: qq."),
        ("ana@example.org,Ana,en,,,,,,,", "areas", "At least one area is needed."),
        ("ana@example.org,Ana,en,,eastside,,Soup,,,", "category", "A kind of help is needed"),
        ("ana@example.org,Ana,en,,eastside,food,,Soup,,", "title", "An offer needs a title."),
        ("ana@example.org,Ana,en,,eastside,food,Soup,,,", "description", "An offer needs a description."),
        ("ana@example.org,Ana,en,,eastside,food,Soup,Soup,moonday-night,", "availability", "Write any, or day-part"),
        ("ana@example.org,Ana,en,,eastside,food,Soup,Soup,,two", "capacity", "A whole number from 1 to 50."),
    ],
)
def test_each_column_says_what_is_wrong(client_for, organizer, eastside, row, column, message):
    client = client_for(organizer)
    response = client.post("/en/organize/import/", {"file": csv_file(HEADER + row + "\n")})
    page = client.get(response["Location"]).text
    assert f'<code dir="ltr">{column}</code>: ' in page and message in page
    assert "1 row with errors" in page


def test_the_preview_speaks_the_organizers_language(client_for, organizer, eastside):
    client = client_for(organizer)
    response = client.post("/es/organize/import/", {"file": csv_file(HEADER + ",Ana,en,,eastside,,,,,\n")})
    page = client.get(response["Location"].replace("/en/", "/es/")).text
    from django.utils import translation

    with translation.override("es"):
        assert translation.gettext("An email address is needed.") in page
    assert "An email address is needed." not in page


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"email,areas\nana@example.org,eastside\n", "volunteers.txt", "Upload a CSV or XLSX file."),
        (b"email,name\nana@example.org,Ana\n", "volunteers.csv", "The file has no column areas."),
        (
            b"email,areas,shoe size\nana@example.org,eastside,42\n",
            "volunteers.csv",
            "These columns are not known: shoe size.",
        ),
        (b"email,areas\n", "volunteers.csv", "The file has a header but no rows."),
        ("email,areas\nání@example.org,eastside\n".encode("latin-1"), "volunteers.csv", "The file is not in UTF-8."),
        (b"not a spreadsheet", "volunteers.xlsx", "The file could not be read as XLSX."),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_with_a_reason_and_nothing_kept(
    client_for, organizer, eastside, content, name, message
):
    client = client_for(organizer)
    response = client.post("/en/organize/import/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.text.replace("&#x27;", "'")
    assert not ImportBatch.objects.exists()


def test_a_file_over_the_limit_is_refused(client_for, organizer):
    client = client_for(organizer)
    big = HEADER.encode() + b"x" * (MAX_BYTES + 1)
    response = client.post("/en/organize/import/", {"file": SimpleUploadedFile("big.csv", big)})
    assert "The file is larger than 2 MB." in response.text
    assert not ImportBatch.objects.exists()


def test_semicolon_csv_and_xlsx_files_are_read(client_for, organizer, eastside, django_capture_on_commit_callbacks):
    client = client_for(organizer)
    semicolons = (
        HEADER.replace(",", ";") + "ana@example.org;Ana;es;es,en;eastside;food;Sopa;Sopa casera.;sat-morning;2\n"
    )
    _import(client, semicolons, django_capture_on_commit_callbacks)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMN_NAMES)
    sheet.append(["bo@example.org", "Bo", "vi", "vi", "eastside", "rides", "Rides", "I drive.", "any", 3])
    output = io.BytesIO()
    workbook.save(output)
    response = client.post("/en/organize/import/", {"file": SimpleUploadedFile("volunteers.xlsx", output.getvalue())})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"] + "import/")
    ana, bo = User.objects.get(email="ana@example.org"), User.objects.get(email="bo@example.org")
    assert ana.language == "es" and {language.code for language in ana.offers.get().languages.all()} == {"es", "en"}
    assert bo.language == "vi" and bo.offers.get().capacity == 3
    assert len(mail.outbox) == 2


def test_the_template_files_have_the_columns_and_an_example(client_for, organizer):
    client = client_for(organizer)
    response = client.get("/en/organize/import/template.csv")
    assert response["Content-Disposition"] == 'attachment; filename="volunteers-template.csv"'
    header, example = response.content.decode().splitlines()
    assert header.split(",") == COLUMN_NAMES and example.startswith("ana@example.org,")
    response = client.get("/en/organize/import/template.xlsx")
    sheets = load_workbook(io.BytesIO(response.content)).worksheets
    assert [cell.value for cell in sheets[0][1]] == COLUMN_NAMES
    assert sheets[1]["A1"].value == "email"
    assert client.get("/en/organize/import/template.pdf").status_code == 404


def test_the_template_file_imports_as_it_is(client_for, organizer, eastside, django_capture_on_commit_callbacks):
    client = client_for(organizer)
    template = client.get("/en/organize/import/template.csv").content.decode()
    preview = _import(client, template, django_capture_on_commit_callbacks)
    assert "1 new volunteer" in preview.text
    assert User.objects.filter(email="ana@example.org").exists()


def test_the_upload_page_lists_the_columns(client_for, organizer):
    page = client_for(organizer).get("/en/organize/import/").text
    for name in COLUMN_NAMES:
        assert f'<code dir="ltr">{name}</code>' in page
