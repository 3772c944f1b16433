from tests.factories import OrganizationFactory
from tests.helpers import count_queries, get_with_queries


def test_directory_lists_active_organizations_with_public_contact(client, organization):
    organization.public_phone = "+1 555 0100"
    organization.save()
    OrganizationFactory(name="Closed group", is_active=False)
    response = client.get("/en/organizations/")
    assert "Eastside Mutual Aid" in response.text
    assert "+1 555 0100" in response.text
    assert "Closed group" not in response.text


def test_directory_filters_by_area_including_the_city_around_it(client, organization, eastside, lakeview):
    OrganizationFactory(name="Lakeview Network", areas=[lakeview])
    response = client.get("/en/organizations/", {"area": eastside.pk})
    assert "Eastside Mutual Aid" in response.text
    assert "Lakeview Network" not in response.text


def test_directory_with_a_bad_area_shows_an_error_not_a_crash(client, organization):
    response = client.get("/es/organizations/", {"area": "nope"})
    assert response.status_code == 200
    assert "Escoja una opción válida" in response.text


def test_directory_is_paginated_with_the_same_queries_for_3_and_30_organizations(client, city, settings):
    settings.ORGANIZATIONS_PER_PAGE = 10
    for _ in range(3):
        OrganizationFactory(areas=[city])
    with_3 = count_queries(client, "/en/organizations/")
    for _ in range(27):
        OrganizationFactory(areas=[city])
    response, with_30 = get_with_queries(client, "/en/organizations/")
    assert with_30 == with_3
    assert response.text.count('class="card mb-3"') == 10
    last, _count = get_with_queries(client, "/en/organizations/?page=3")
    assert last.text.count('class="card mb-3"') == 10
    assert "Page 3 of 3" in last.text
