"""An admin corrects an offer on its change page: the weekly grid is sent as the grid, and the offer saves."""

from tests.helpers import form_values


def test_an_admin_saves_an_offers_change_page_as_it_comes(client_for, admin_user, offer):
    client = client_for(admin_user)
    url = f"/admin/offers/offer/{offer.pk}/change/"
    page = client.get(url).text
    assert 'type="number" name="availability"' not in page, "the grid, not a number box"
    data = form_values(page)
    data["title"] = ["Hot meals on Sundays"]
    response = client.post(url, data)
    assert response.status_code == 302, response.text[:2000]
    offer.refresh_from_db()
    assert offer.title == "Hot meals on Sundays"
