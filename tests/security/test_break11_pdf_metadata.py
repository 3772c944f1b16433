"""Break 11 of issue 14: uploaded PDFs kept their metadata (author, producer, dates: often the name of the person
who wrote a know-your-rights card, or of the computer it was made on), and any file starting with "%PDF-" was
accepted. Now each PDF is parsed and written anew without metadata; one that cannot be read is refused."""

from io import BytesIO

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aidhub.resources.models import Resource
from tests.resources.test_organize import resource_data

AUTHOR = "Maria Canaryauthor"


def _pdf(*, encryption=None):
    """A real two-page PDF that tells who wrote it and on what, the ways PDF files do."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 280))
    pdf.add_blank_page(page_size=(200, 280))
    pdf.docinfo["/Author"] = AUTHOR
    pdf.docinfo["/Creator"] = "Canarywriter 7 on MARIA-LAPTOP"
    pdf.docinfo["/Producer"] = "Canaryproducer 1.0"
    pdf.docinfo["/Title"] = "Know your rights"
    pdf.docinfo["/CreationDate"] = "D:20261120093000-08'00'"
    pdf.docinfo["/ModDate"] = "D:20261121101500-08'00'"
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["dc:creator"] = [AUTHOR]
        xmp["xmp:CreatorTool"] = "Canarywriter 7"
    # A page can carry its own metadata stream and private data of the program that made it.
    pdf.pages[0].Metadata = pdf.make_stream(f"<x:xmpmeta><dc:creator>{AUTHOR}</dc:creator></x:xmpmeta>".encode())
    pdf.pages[0].PieceInfo = pikepdf.Dictionary(Canarywriter=pikepdf.Dictionary(Private=pikepdf.String(AUTHOR)))
    output = BytesIO()
    pdf.save(output, encryption=encryption or False)
    return output.getvalue()


def _upload(client, organization, content, language="en"):
    upload = SimpleUploadedFile("card.pdf", content, content_type="application/pdf")
    return client.post(
        f"/{language}/organize/resources/new/", resource_data(organization, kind="file", body="", file=upload)
    )


def test_the_test_pdf_carries_its_author():
    content = _pdf()
    assert AUTHOR.encode() in content
    with pikepdf.open(BytesIO(content)) as pdf:
        assert str(pdf.docinfo["/Author"]) == AUTHOR


def test_an_uploaded_pdf_is_stored_without_its_metadata(client_for, organizer, organization, client):
    staff = client_for(organizer)
    response = _upload(staff, organization, _pdf())
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.content_type == "application/pdf"
    stored = resource.file.read()
    assert AUTHOR.encode() not in stored
    assert b"Canary" not in stored
    with pikepdf.open(BytesIO(stored)) as pdf:
        assert len(pdf.pages) == 2
        assert "/Info" not in pdf.trailer
        assert "/Metadata" not in pdf.Root
        assert "/Metadata" not in pdf.pages[0]
        assert "/PieceInfo" not in pdf.pages[0]
    # What readers download is the cleaned file.
    staff.post(f"/en/organize/resources/{resource.pk}/publish/")
    client.logout()
    download = client.get(f"/en/resources/{resource.pk}/file/")
    assert download.status_code == 200
    assert AUTHOR.encode() not in b"".join(download.streaming_content)


def _truncated():
    content = _pdf()
    return content[: len(content) // 2]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"%PDF-1.7\n" + b"\x00garbage, not a PDF at all\n" * 20, id="header-then-garbage"),
        pytest.param(b"%PDF-", id="header-only"),
        pytest.param(_truncated(), id="truncated"),
        pytest.param(_pdf(encryption=pikepdf.Encryption(owner="owner-secret", user="")), id="encrypted-no-password"),
        pytest.param(_pdf(encryption=pikepdf.Encryption(owner="owner-secret", user="family")), id="password"),
    ],
)
def test_a_pdf_we_cannot_read_is_refused_with_a_translated_error(client_for, organizer, organization, content):
    response = _upload(client_for(organizer), organization, content, language="es")
    assert response.status_code == 200
    assert "No pudimos leer este PDF" in response.text
    # What the organizer typed is still there.
    assert 'value="Conozca sus derechos"' in response.text
    assert not Resource.objects.exists()
