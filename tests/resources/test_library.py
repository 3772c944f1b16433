"""The public library: published resources only, the reader's language first, filters, pages and files."""

import pytest
from django.core.files.base import ContentFile

from tests.core.test_translations import translation_note
from tests.factories import OrganizationFactory, ResourceFactory, language
from tests.helpers import count_queries, get_with_queries, png_bytes


def test_only_published_resources_of_active_organizations_are_listed(client, organization, resource):
    ResourceFactory(organization=organization, title="Borrador", status="draft", published_at=None)
    ResourceFactory(organization=OrganizationFactory(is_active=False), title="Of a closed organization")
    html = client.get("/en/resources/").text
    assert "Conozca sus derechos" in html
    assert "Borrador" not in html
    assert "Of a closed organization" not in html


def test_materials_in_the_readers_language_come_first(client, organization):
    ResourceFactory(organization=organization, title="Arabic card", language=language("ar"))
    ResourceFactory(organization=organization, title="Spanish card", language=language("es"))
    ResourceFactory(organization=organization, title="English card", language=language("en"))
    for code, first in [("ar", "Arabic card"), ("es", "Spanish card"), ("en", "English card")]:
        html = client.get(f"/{code}/resources/").text
        positions = {title: html.index(title) for title in ("Arabic card", "Spanish card", "English card")}
        assert min(positions, key=positions.get) == first, code


def test_filter_by_topic_language_and_words(client, organization):
    health = ResourceFactory(organization=organization, title="Clinics", topic="health", language=language("en"))
    school = ResourceFactory(
        organization=organization,
        title="Escuelas",
        topic="school",
        translations={"en": {"title": "Enrolling your children in school"}},
    )
    everything = [health, school]
    _assert_only(client, {"topic": "health"}, [health], everything)
    _assert_only(client, {"language": language("es").pk}, [school], everything)
    _assert_only(client, {"q": "clinic"}, [health], everything)
    _assert_only(client, {"q": "enrolling"}, [school], everything)  # found through its translation


def test_words_in_any_script_are_found_in_translations(client, organization):
    rights = ResourceFactory(organization=organization, translations={"ar": {"title": "اعرف حقوقك"}})
    other = ResourceFactory(organization=organization, title="Escuelas")
    _assert_only(client, {"q": "حقوق"}, [rights], [rights, other])


def _assert_only(client, params, expected, resources):
    html = client.get("/en/resources/", params).text
    for resource in resources:
        assert (f"/en/resources/{resource.pk}/" in html) == (resource in expected), (params, resource.title)


def test_the_language_filter_offers_only_languages_the_library_has(client, resource):
    ResourceFactory(organization=resource.organization, language=language("fa"), status="draft", published_at=None)
    html = client.get("/en/resources/").text
    assert f'<option value="{language("es").pk}">' in html
    assert f'<option value="{language("fa").pk}">' not in html


def test_bad_filter_values_get_a_translated_error_not_a_crash(client, resource):
    response = client.get("/es/resources/", {"topic": "parties", "language": "999999", "page": "x"})
    assert response.status_code == 200
    assert "Escoja una opción válida" in response.text


def test_the_list_is_paginated(client, organization, settings):
    settings.RESOURCES_PER_PAGE = 4
    for _ in range(9):
        ResourceFactory(organization=organization)
    assert client.get("/en/resources/").text.count("card h-100 resource-card") == 4
    last = client.get("/en/resources/", {"page": 3})
    assert last.text.count("card h-100 resource-card") == 1
    assert "Page 3 of 3" in last.text


def _resources(count, organizations):
    for index in range(count):
        kind = ("text", "link", "file")[index % 3]
        extra = {"url": "https://example.org/rights"} if kind == "link" else {}
        if kind == "file":
            extra = {"file": ContentFile(png_bytes(), name="x.png"), "content_type": "image/png"}
        ResourceFactory(
            organization=organizations[index % len(organizations)],
            kind=kind,
            language=language(("es", "ar", "mam")[index % 3]),
            translations={"ar": {"title": f"مورد {index}"}},
            **extra,
        )


@pytest.mark.parametrize("url", ["/ar/resources/", "/es/resources/?topic=rights&q=derechos"])
def test_the_list_runs_the_same_number_of_queries_with_5_and_40_resources(client, organization, settings, url):
    settings.RESOURCES_PER_PAGE = 500  # every row on one page, so rows really are rendered
    organizations = [organization, OrganizationFactory()]
    _resources(5, organizations)
    with_5 = count_queries(client, url)
    _resources(35, organizations)
    response, with_40 = get_with_queries(client, url)
    assert with_40 == with_5
    if url.startswith("/ar/"):
        assert response.text.count("resource-card") >= 40


def test_a_text_page_is_plain_text_with_paragraphs_in_the_materials_language(client, organization):
    resource = ResourceFactory(
        organization=organization,
        language=language("ar"),
        original_language="ar",
        title="اعرف حقوقك",
        body="لك الحق في التزام الصمت.\n\n<script>alert(1)</script> لا تفتح الباب.",
    )
    html = client.get(f"/en/resources/{resource.pk}/").text
    assert '<div class="resource-body border-top pt-3" lang="ar" dir="rtl"><p>لك الحق في التزام الصمت.</p>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html


def test_a_link_says_it_leaves_the_site_and_sends_no_referrer(client, organization):
    resource = ResourceFactory(organization=organization, kind="link", url="https://legal-help.example.net/find?x=1")
    html = client.get(f"/en/resources/{resource.pk}/").text
    assert 'href="https://legal-help.example.net/find?x=1" rel="noopener noreferrer"' in html
    assert '<bdi class="link-host" dir="ltr">legal-help.example.net</bdi>' in html
    assert "This link leads to another website" in html


def test_a_spanish_reader_sees_the_spanish_text_and_an_arabic_reader_the_original_with_a_note(client, organization):
    resource = ResourceFactory(
        organization=organization,
        language=language("en"),
        original_language="en",
        title="Know your rights",
        description="What to do if someone knocks.",
        translations={"es": {"title": "Conozca sus derechos", "description": "Qué hacer si alguien toca."}},
    )
    spanish = client.get(f"/es/resources/{resource.pk}/").text
    assert '<h1 lang="es" dir="ltr">Conozca sus derechos</h1>' in spanish
    assert '<p class="lead" lang="es" dir="ltr">Qué hacer si alguien toca.</p>' in spanish
    assert "translation-note" not in spanish
    arabic = client.get(f"/ar/resources/{resource.pk}/").text
    assert '<h1 lang="en" dir="ltr">Know your rights</h1>' in arabic
    assert '<p class="lead" lang="en" dir="ltr">What to do if someone knocks.</p>' in arabic
    assert translation_note("ar", "en", "English") in arabic
    assert "translation-note" in client.get("/ar/resources/").text


def test_drafts_and_unknown_resources_are_not_found(client, organization):
    draft = ResourceFactory(organization=organization, status="draft", published_at=None)
    assert client.get(f"/en/resources/{draft.pk}/").status_code == 404
    assert client.get("/en/resources/999999/").status_code == 404


def test_a_pdf_downloads_with_its_checked_type_and_a_name_made_here(client, file_resource):
    response = client.get(f"/en/resources/{file_resource.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="tarjeta-de-derechos-{file_resource.pk}.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    page = client.get(f"/en/resources/{file_resource.pk}/").text
    assert f'href="/en/resources/{file_resource.pk}/file/" download' in page


def test_a_picture_shows_in_the_browser(client, organization):
    picture = ResourceFactory(
        organization=organization,
        kind="file",
        file=ContentFile(png_bytes(), name="x.png"),
        content_type="image/png",
        title="Emergency numbers",
    )
    response = client.get(f"/en/resources/{picture.pk}/file/")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline;")
    page = client.get(f"/en/resources/{picture.pk}/").text
    assert (
        f'<img class="img-fluid border rounded" src="/en/resources/{picture.pk}/file/" alt="Emergency numbers">' in page
    )


def test_files_of_drafts_and_of_other_kinds_are_not_found(client, organization, file_resource, resource):
    assert client.get(f"/en/resources/{resource.pk}/file/").status_code == 404
    file_resource.status = "draft"
    file_resource.save()
    assert client.get(f"/en/resources/{file_resource.pk}/file/").status_code == 404
