"""The admin edits resources too: with search and filters, a field per language, and the same file checks."""

from django.conf import settings
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from aidhub.resources.models import Resource
from tests.factories import language
from tests.helpers import jpeg_bytes


def test_admin_lists_searches_and_filters_resources(client_for, admin_user, resource, file_resource):
    client = client_for(admin_user)
    assert "Conozca sus derechos" in client.get("/admin/resources/resource/", {"q": "conozca"}).text
    filtered = client.get("/admin/resources/resource/", {"kind__exact": "file"}).text
    assert "Tarjeta de derechos" in filtered
    assert "Conozca sus derechos" not in filtered


def test_admin_change_page_has_a_field_per_language(client_for, admin_user, resource):
    html = client_for(admin_user).get(f"/admin/resources/resource/{resource.pk}/change/").text
    for code, _name in settings.LANGUAGES:
        assert f'name="translation_{code}_title"' in html
        assert f'name="translation_{code}_description"' in html


def _admin_form(admin_user, resource, data=None, files=None):
    model_admin = admin.site._registry[Resource]
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    return model_admin.get_form(request, resource, fields=None)(data, files, instance=resource)


def test_admin_uploads_are_checked_and_cleaned_and_translations_saved(admin_user, resource):
    data = {
        "organization": resource.organization_id,
        "kind": "file",
        "topic": "safety",
        "language": resource.language_id,
        "title": resource.title,
        "original_language": "es",
        "status": "draft",
        "translation_ar_title": "اعرف حقوقك",
    }
    upload = SimpleUploadedFile("page.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    form = _admin_form(admin_user, resource, data, {"file": upload})
    assert not form.is_valid()
    assert "file" in form.errors
    photo = SimpleUploadedFile("photo.jpg", jpeg_bytes(gps=True), content_type="image/jpeg")
    form = _admin_form(admin_user, resource, data, {"file": photo})
    assert form.is_valid(), form.errors
    form.save()
    resource.refresh_from_db()
    assert (resource.kind, resource.content_type) == ("file", "image/jpeg")
    assert b"12 Elm Street" not in resource.file.read()
    assert resource.translations == {"ar": {"title": "اعرف حقوقك"}}


def test_admin_keeps_each_kind_with_its_content(admin_user, resource):
    data = {
        "organization": resource.organization_id,
        "kind": "link",
        "topic": "rights",
        "language": resource.language_id,
        "title": resource.title,
        "original_language": "es",
        "status": "draft",
    }
    form = _admin_form(admin_user, resource, data)
    assert not form.is_valid()
    assert "url" in form.errors


def test_publishing_from_the_admin_dates_the_publication(client_for, admin_user, organization):
    response = client_for(admin_user).post(
        "/admin/resources/resource/add/",
        {
            "organization": organization.pk,
            "kind": "text",
            "topic": "rights",
            "language": language("en").pk,
            "title": "Know your rights",
            "body": "You may remain silent.",
            "original_language": "en",
            "status": "published",
        },
    )
    assert response.status_code == 302, response.text[:2000]
    resource = Resource.objects.get()
    assert resource.published_at is not None
    assert resource.created_by == admin_user
