from tests.factories import OrganizationFactory


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
