"""Issue 16, item 10: each page of the family's path says in one line what happens next and how long it usually
takes, with the network's phone only when there is one."""

import pytest

from aidhub.needs.models import HelpRequest
from tests.helpers import antibot_fields
from tests.needs.helpers import help_form, token_from

NEXT = {
    "new": "normalmente en un día",
    "reviewed": "Esto suele tardar unos días",
    "matching": "Suele responder en uno o dos días",
    "matched": "normalmente en dos días",
    "needs_info": "un organizador lee las respuestas en uno o dos días",
    "answered": "Un organizador la leerá, normalmente en uno o dos días",
}


def _submit(client, area):
    response = client.post("/es/help/", help_form(area))
    return HelpRequest.objects.latest("pk"), token_from(response["Location"])


@pytest.mark.parametrize(("status", "line"), NEXT.items())
def test_the_status_page_says_what_happens_next_and_how_long(client, eastside, status, line, settings):
    settings.NETWORK_PHONE = ""
    help_request, token = _submit(client, eastside)
    HelpRequest.objects.filter(pk=help_request.pk).update(status=status)
    page = client.get(f"/es/help/status/?k={token}")
    assert line in page.text
    # No phone: the page never tells the family to call.
    assert "tel:" not in page.text
    assert "llámenos" not in page.text.lower()


def test_the_networks_phone_is_on_every_page_of_the_path_when_set(client, eastside, settings):
    settings.NETWORK_PHONE = "+12025550100"
    help_request, token = _submit(client, eastside)
    confirmation = client.get(f"/es/help/status/?k={token}&new=1")
    delete = client.get(f"/es/help/status/delete/?k={token}")
    for page in (confirmation, delete):
        assert "¿Preguntas? Llame o envíe un mensaje de texto a la red:" in page.text
        assert 'href="tel:+12025550100"' in page.text
    assert "nadie le contactará por esta solicitud. Se hace de inmediato." in delete.text
    client.post(
        "/es/help/find/", {"reference_code": help_request.reference_code, "contact": "2025550143", **antibot_fields()}
    )
    replaced = client.get(f"/es/help/status/?k={token}")
    assert replaced.status_code == 410
    assert "suele llegar en pocos minutos" in replaced.text
    assert 'href="tel:+12025550100"' in replaced.text


def test_without_a_phone_the_delete_and_replaced_pages_do_not_offer_one(client, eastside, settings):
    settings.NETWORK_PHONE = ""
    help_request, token = _submit(client, eastside)
    assert "tel:" not in client.get(f"/es/help/status/delete/?k={token}").text
    client.post(
        "/es/help/find/", {"reference_code": help_request.reference_code, "contact": "2025550143", **antibot_fields()}
    )
    assert "tel:" not in client.get(f"/es/help/status/?k={token}").text
