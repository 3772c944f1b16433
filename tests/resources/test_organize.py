"""Organizers add, change, publish and translate their organizations' resources; nobody else's."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import ngettext

from aidhub.resources.models import Resource
from tests.factories import OrganizationFactory, ResourceFactory, language
from tests.helpers import count_queries, pdf_bytes


def resource_data(organization, **changes):
    data = {
        "organization": organization.pk,
        "kind": "text",
        "topic": "rights",
        "language": language("es").pk,
        "title": "Conozca sus derechos",
        "description": "Qué hacer si alguien toca a su puerta.",
        "original_language": "es",
        "body": "Usted tiene derecho a guardar silencio.\n\nNo abra la puerta.",
        "url": "",
    }
    data.update(changes)
    return data


def test_organizer_adds_a_draft_then_publishes_it_and_takes_it_back(client_for, organizer, organization, client):
    organizer_client = client_for(organizer)
    response = organizer_client.post("/en/organize/resources/new/", resource_data(organization))
    resource = Resource.objects.get()
    assert response["Location"] == f"/en/organize/resources/{resource.pk}/"
    assert (resource.status, resource.created_by, resource.published_at) == ("draft", organizer, None)
    assert client.get(f"/en/resources/{resource.pk}/").status_code == 404

    organizer_client.post(f"/en/organize/resources/{resource.pk}/publish/")
    resource.refresh_from_db()
    assert resource.status == "published"
    assert resource.published_at is not None
    client.logout()
    assert "Conozca sus derechos" in client.get("/en/resources/").text

    client_for(organizer).post(f"/en/organize/resources/{resource.pk}/unpublish/")
    resource.refresh_from_db()
    assert resource.status == "draft"
    client.logout()
    assert client.get(f"/en/resources/{resource.pk}/").status_code == 404


def test_the_form_starts_in_the_organizers_language(client_for, organizer):
    html = client_for(organizer).get("/ar/organize/resources/new/").text
    assert '<option value="ar" selected>' in html
    assert 'enctype="multipart/form-data"' in html


def test_bad_input_is_explained_in_the_organizers_language_and_nothing_saved(client_for, organizer, organization):
    client = client_for(organizer)
    response = client.post(
        "/es/organize/resources/new/",
        resource_data(organization, title="", body="   ", description="Lo que escribí", topic="parties"),
    )
    assert response.status_code == 200
    assert "Este campo es obligatorio." in response.text
    assert "Escoja una opción válida" in response.text
    assert "Lo que escribí" in response.text  # what was typed is kept
    assert not Resource.objects.exists()


def test_each_kind_needs_its_content(client_for, organizer, organization):
    client = client_for(organizer)
    for kind, field_error in [("text", "Write the text"), ("file", "Choose the file"), ("link", "Write the address")]:
        response = client.post("/en/organize/resources/new/", resource_data(organization, kind=kind, body=""))
        assert field_error in response.text, kind
    assert not Resource.objects.exists()


def test_only_web_addresses_are_accepted_as_links(client_for, organizer, organization):
    client = client_for(organizer)
    for url in ["javascript:alert(1)", "ftp://files.example.org/a.pdf", "data:text/html,hi", "not a url"]:
        response = client.post("/es/organize/resources/new/", resource_data(organization, kind="link", url=url))
        assert response.status_code == 200, url
        assert "Introduzca una URL válida." in response.text, url
    assert not Resource.objects.exists()


def test_a_link_keeps_only_its_address(client_for, organizer, organization):
    client_for(organizer).post(
        "/en/organize/resources/new/", resource_data(organization, kind="link", url="https://example.org/rights")
    )
    resource = Resource.objects.get()
    assert (resource.kind, resource.url, resource.body) == ("link", "https://example.org/rights", "")


def test_organizers_cannot_add_for_an_organization_they_do_not_organize(client_for, organizer):
    other = OrganizationFactory()
    response = client_for(organizer).post("/en/organize/resources/new/", resource_data(other))
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Resource.objects.exists()


def test_extra_posted_fields_change_nothing(client_for, organizer, organization, volunteer):
    client_for(organizer).post(
        "/en/organize/resources/new/",
        resource_data(
            organization,
            status="published",
            published_at="2020-01-01T00:00",
            created_by=volunteer.pk,
            content_type="text/html",
            translations='{"es": {"title": "x"}}',
        ),
    )
    resource = Resource.objects.get()
    assert (resource.status, resource.published_at, resource.created_by) == ("draft", None, organizer)
    assert (resource.content_type, resource.translations) == ("", {})


def test_changing_a_file_into_a_text_deletes_the_stored_file(
    client_for, organizer, organization, django_capture_on_commit_callbacks
):
    client = client_for(organizer)
    upload = SimpleUploadedFile("rights.pdf", pdf_bytes(), content_type="application/pdf")
    client.post("/en/organize/resources/new/", resource_data(organization, kind="file", body="", file=upload))
    resource = Resource.objects.get()
    storage, name = resource.file.storage, resource.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/organize/resources/{resource.pk}/", resource_data(organization, kind="text"))
    resource.refresh_from_db()
    assert (resource.kind, resource.file.name, resource.content_type) == ("text", "", "")
    assert not storage.exists(name)


def test_organizers_see_a_drafts_file_before_publishing(client_for, organizer, file_resource):
    file_resource.status = "draft"
    file_resource.save()
    response = client_for(organizer).get(f"/en/organize/resources/{file_resource.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]


def test_the_list_shows_only_the_organizers_own_resources(client_for, organizer, other_organizer, resource):
    ResourceFactory(organization=other_organizer.memberships.get().organization, title="Lakeview card")
    html = client_for(organizer).get("/en/organize/resources/").text
    assert "Conozca sus derechos" in html
    assert "Lakeview card" not in html


def test_translating_a_resource(client_for, organizer, client, resource):
    organizer_client = client_for(organizer)
    page = organizer_client.get(f"/en/organize/resources/{resource.pk}/translations/").text
    assert 'name="en-title"' in page
    assert 'name="es-title"' not in page  # the original is in Spanish
    response = organizer_client.post(
        f"/en/organize/resources/{resource.pk}/translations/en/",
        {"en-title": "Know your rights", "en-description": "", "en-body": "ignored"},
    )
    assert response["Location"] == f"/en/organize/resources/{resource.pk}/translations/#translation-en"
    resource.refresh_from_db()
    assert resource.translations == {"en": {"title": "Know your rights"}}
    client.logout()
    assert '<h1 lang="en" dir="ltr">Know your rights</h1>' in client.get(f"/en/resources/{resource.pk}/").text
    # The original language has no translation form.
    assert client_for(organizer).post(f"/en/organize/resources/{resource.pk}/translations/es/").status_code == 404


def test_a_bad_translation_is_explained_in_the_organizers_language_and_nothing_saved(client_for, organizer, resource):
    response = client_for(organizer).post(
        f"/ar/organize/resources/{resource.pk}/translations/en/",
        {"en-title": "x" * 151, "en-description": "Kept as typed"},
    )
    assert response.status_code == 200
    with translation.override("ar"):
        error = ngettext(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            150,
        ) % {"limit_value": 150, "show_value": 151}
    assert error in response.text
    assert "Kept as typed" in response.text
    resource.refresh_from_db()
    assert resource.translations == {}


def test_the_organizers_list_runs_the_same_number_of_queries_with_5_and_30_resources(
    client_for, organizer, organization, settings
):
    settings.RESOURCES_PER_PAGE = 500
    client = client_for(organizer)
    for index in range(5):
        ResourceFactory(organization=organization, translations={"ar": {"title": f"مورد {index}"}})
    count_queries(client, "/en/organize/resources/")  # the first visit records the organizer's stricter session rules
    with_5 = count_queries(client, "/en/organize/resources/")
    for _ in range(25):
        ResourceFactory(organization=organization, status="draft", published_at=None, language=language("mam"))
    assert count_queries(client, "/en/organize/resources/") == with_5
