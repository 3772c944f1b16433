"""Uploaded files: PDFs and pictures only, told apart by their bytes, within the size limit, pictures cleaned."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from aidhub.resources.models import Resource
from tests.helpers import jpeg_bytes, pdf_bytes, png_bytes
from tests.resources.test_organize import resource_data


def _upload(client, organization, name, content, content_type, language="en"):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(
        f"/{language}/organize/resources/new/", resource_data(organization, kind="file", body="", file=upload)
    )


def test_a_pdf_is_stored_under_a_random_name_with_its_checked_type(client_for, organizer, organization):
    response = _upload(client_for(organizer), organization, "María's rights card.pdf", pdf_bytes(), "application/pdf")
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.content_type == "application/pdf"
    assert resource.file.name.startswith("resources/")
    assert resource.file.name.endswith(".pdf")
    assert "Mar" not in resource.file.name
    assert resource.file.read().startswith(b"%PDF-")


def test_a_photo_loses_its_metadata(client_for, organizer, organization):
    _upload(client_for(organizer), organization, "card.jpg", jpeg_bytes(gps=True), "image/jpeg")
    resource = Resource.objects.get()
    assert resource.content_type == "image/jpeg"
    stored = resource.file.read()
    assert b"12 Elm Street" not in stored
    with Image.open(BytesIO(stored)) as image:
        assert not image.getexif()
        assert image.size == (64, 48)


def test_a_png_stays_a_png_and_a_large_picture_is_scaled_down(client_for, organizer, organization, settings):
    settings.RESOURCE_IMAGE_MAX_SIDE = 20
    _upload(client_for(organizer), organization, "numbers.png", png_bytes((40, 30)), "image/png")
    resource = Resource.objects.get()
    assert resource.content_type == "image/png"
    assert resource.file.name.endswith(".png")
    with Image.open(resource.file) as image:
        assert (image.format, image.size) == ("PNG", (20, 15))


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("page.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
        ("notes.txt", b"just words", "text/plain"),
        ("photo.png", b"\x89PNG\r\n\x1a\nnot really", "image/png"),
        ("movie.gif", b"GIF89a" + b"\x00" * 30, "image/gif"),
        ("program.exe", b"MZ\x90\x00" + b"\x00" * 60, "application/octet-stream"),
    ],
)
def test_anything_but_a_pdf_or_a_picture_is_refused(client_for, organizer, organization, name, content, content_type):
    response = _upload(client_for(organizer), organization, name, content, content_type, language="es")
    assert response.status_code == 200
    assert "no es un PDF ni una imagen" in response.text
    assert not Resource.objects.exists()


def test_a_file_over_the_limit_is_refused(client_for, organizer, organization, settings):
    settings.RESOURCE_FILE_MAX_BYTES = 1024 * 1024
    big = pdf_bytes() + b"%" + b"0" * (1024 * 1024)
    response = _upload(client_for(organizer), organization, "big.pdf", big, "application/pdf", language="es")
    assert response.status_code == 200
    assert "Este archivo es demasiado grande. Suba uno de menos de 1 MB." in response.text
    assert not Resource.objects.exists()


def test_a_picture_with_too_many_pixels_is_refused_before_it_is_decoded(client_for, organizer, organization, settings):
    settings.RESOURCE_IMAGE_MAX_PIXELS = 100
    response = _upload(client_for(organizer), organization, "big.png", png_bytes((40, 30)), "image/png")
    assert "This file is too large." in response.text
    assert not Resource.objects.exists()


def test_replacing_a_file_keeps_one_stored_file(
    client_for, organizer, organization, file_resource, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    old = file_resource.file.name
    upload = SimpleUploadedFile("new.png", png_bytes(), content_type="image/png")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/organize/resources/{file_resource.pk}/",
            resource_data(organization, kind="file", body="", file=upload),
        )
    assert response.status_code == 302
    file_resource.refresh_from_db()
    assert file_resource.content_type == "image/png"
    assert file_resource.file.name != old
    assert not file_resource.file.storage.exists(old)


def test_changing_a_file_resource_without_a_new_upload_keeps_its_file(
    client_for, organizer, organization, file_resource
):
    old = file_resource.file.name
    client_for(organizer).post(
        f"/en/organize/resources/{file_resource.pk}/",
        resource_data(organization, kind="file", body="", title="Tarjeta nueva"),
    )
    file_resource.refresh_from_db()
    assert (file_resource.title, file_resource.file.name, file_resource.content_type) == (
        "Tarjeta nueva",
        old,
        "application/pdf",
    )
