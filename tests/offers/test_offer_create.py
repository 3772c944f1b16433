import pytest

from aidhub.core import availability
from aidhub.offers.models import Offer
from tests.factories import language


def _valid(eastside, **changes):
    data = {
        "category": "food",
        "title": "Sunday meals",
        "description": "I cook for four families.",
        "languages": [language("es").pk, language("en").pk],
        "areas": [eastside.pk],
        "availability": ["15", "16", "17"],  # Saturday morning, afternoon, evening
        "capacity": "3",
    }
    data.update(changes)
    return data


def test_volunteer_offer_waits_for_review_and_is_not_listed(client_for, volunteer, eastside):
    client = client_for(volunteer)
    response = client.post("/en/my/offers/new/", _valid(eastside))
    assert response.status_code == 302
    offer = Offer.objects.get(title="Sunday meals")
    assert offer.status == Offer.Status.PENDING
    assert offer.volunteer == volunteer
    assert offer.availability == availability.mask_from_slots([(5, 0), (5, 1), (5, 2)])
    assert set(offer.languages.values_list("code", flat=True)) == {"es", "en"}
    assert "Sunday meals" not in client.get("/en/offers/").text
    dashboard = client.get("/en/my/")
    assert "Sunday meals" in dashboard.text
    assert "Waiting for review" in dashboard.text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("category", "", "Este campo es obligatorio."),
        ("category", "spaceships", "Escoja una opción válida"),
        ("title", "", "Este campo es obligatorio."),
        ("title", "x" * 121, "Asegúrese de que este valor tenga menos de 120 caracteres"),
        ("languages", [], "Este campo es obligatorio."),
        ("areas", ["999999"], "Escoja una opción válida"),
        ("availability", [], "Este campo es obligatorio."),
        ("availability", ["99"], "Escoja una opción válida"),
        ("capacity", "0", "Asegúrese de que este valor es mayor o igual a 1."),
        ("capacity", "many", "Introduzca un número entero."),
    ],
)
def test_bad_input_gets_a_translated_error_and_saves_nothing(client_for, volunteer, eastside, field, value, message):
    response = client_for(volunteer).post("/es/my/offers/new/", _valid(eastside, **{field: value}))
    assert response.status_code == 200
    assert message in response.text
    assert Offer.objects.count() == 0
    # What the person already typed is kept in the form.
    if field != "description":
        assert "I cook for four families." in response.text


def test_extra_posted_fields_cannot_publish_or_reassign(client_for, volunteer, other_volunteer, eastside):
    data = _valid(eastside, status="published", volunteer=other_volunteer.pk, published_at="2020-01-01")
    client_for(volunteer).post("/en/my/offers/new/", data)
    offer = Offer.objects.get()
    assert offer.status == Offer.Status.PENDING
    assert offer.volunteer == volunteer
    assert offer.published_at is None


def test_editing_a_published_offer_sends_it_back_to_review(client_for, volunteer, offer, eastside):
    response = client_for(volunteer).post(f"/en/my/offers/{offer.pk}/edit/", _valid(eastside, title="Better title"))
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Better title"
    assert offer.status == Offer.Status.PENDING


def test_nobody_else_can_edit_an_offer(client_for, other_volunteer, offer, eastside):
    response = client_for(other_volunteer).post(f"/en/my/offers/{offer.pk}/edit/", _valid(eastside, title="Hijack"))
    assert response.status_code == 404
    offer.refresh_from_db()
    assert offer.title != "Hijack"
