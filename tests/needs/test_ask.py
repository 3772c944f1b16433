import pytest
from django.db import connection

from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest
from tests.needs.helpers import help_form, token_from


def test_family_asks_in_spanish_without_an_account(client, eastside, django_capture_on_commit_callbacks):
    page = client.get("/es/help/")
    assert "Pedir ayuda" in page.text
    assert "Quién ve esto" in page.text  # who will see it, how long it is kept, how to delete it
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/es/help/", help_form(eastside))
    assert response.status_code == 302
    assert response["Location"].startswith("/es/help/status/?k=")
    help_request = HelpRequest.objects.get()
    assert help_request.status == HelpRequest.Status.NEW
    assert help_request.contact_value == "+12025550143"
    assert help_request.message_language == "es"
    status = client.get(response["Location"])
    assert help_request.reference_code in status.text
    assert "Su solicitud está enviada" in status.text
    # The code and the private link go to the family by text message, in Spanish.
    assert len(sms.outbox) == 1
    assert sms.outbox[0]["to"] == "+12025550143"
    assert help_request.reference_code in sms.outbox[0]["body"]
    assert "/es/help/status/?k=" + token_from(response["Location"]) in sms.outbox[0]["body"]
    assert "recibimos su solicitud" in sms.outbox[0]["body"]


def test_the_page_language_is_preselected(client, eastside):
    response = client.get("/ar/help/")
    arabic = response.context["form"].fields["language"].initial
    assert arabic.code == "ar"


def test_email_contact_gets_an_email_in_the_family_language(
    client, eastside, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ar/help/", help_form(eastside, contact_method="email", contact_value="Rosa@Example.org"))
    assert mailoutbox[0].to == ["rosa@example.org"]
    assert "لقد استلمنا طلبك" in mailoutbox[0].subject


def test_the_same_form_posted_twice_makes_one_request_and_the_same_link(client, eastside):
    data = help_form(eastside)
    first = client.post("/en/help/", data)
    second = client.post("/en/help/", data)
    assert HelpRequest.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_private_token_has_at_least_128_bits_and_only_its_hash_is_stored(client, eastside):
    response = client.post("/en/help/", help_form(eastside))
    token = token_from(response["Location"])
    assert len(token) >= 32
    help_request = HelpRequest.objects.get()
    assert token not in help_request.access_token_hash


def test_name_contact_and_description_are_encrypted_at_rest(client, eastside):
    client.post(
        "/en/help/",
        help_form(
            eastside, first_name="Canaryname", description="Canary description text", contact_value="202-555-0143"
        ),
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM needs_helprequest")
        raw = " ".join(str(value) for value in cursor.fetchone())
    assert "Canaryname" not in raw
    assert "Canary description" not in raw
    assert "5550143" not in raw
    assert HelpRequest.objects.get().first_name == "Canaryname"


def test_extra_posted_fields_change_nothing(client, eastside):
    client.post(
        "/en/help/", help_form(eastside, status="matched", source="hotline", follow_up_of="1", reference_code="AAA-AAA")
    )
    help_request = HelpRequest.objects.get()
    assert help_request.status == HelpRequest.Status.NEW
    assert help_request.source == HelpRequest.Source.WEB
    assert help_request.reference_code != "AAA-AAA"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"category": ""}, "Este campo es obligatorio."),
        ({"first_name": ""}, "Este campo es obligatorio."),
        ({"first_name": "x" * 61}, "Asegúrese de que este valor tenga menos de 60 caracteres"),
        ({"contact_method": "pigeon"}, "Escoja una opción válida"),
        ({"contact_value": "12"}, "Esto no parece un número de teléfono"),
        ({"contact_method": "email", "contact_value": "rosa@"}, "Escriba su correo electrónico"),
        ({"contact_method": "partner", "contact_value": ""}, "Elija la organización que puede comunicarse con usted."),
        ({"area": "999999"}, "Escoja una opción válida"),
        ({"urgency": ""}, "Este campo es obligatorio."),
    ],
)
def test_bad_input_gets_a_translated_error_keeps_the_answers_and_saves_nothing(client, eastside, changes, message):
    response = client.post("/es/help/", help_form(eastside, **changes))
    assert response.status_code == 200
    assert message in response.text
    assert HelpRequest.objects.count() == 0
    assert "Tres niños, sin comida desde ayer." in response.text


def test_a_missing_or_malformed_form_id_still_makes_the_request(client, eastside):
    assert client.post("/en/help/", help_form(eastside, submission_id="<script>")).status_code == 302
    data = help_form(eastside)
    del data["submission_id"]
    assert client.post("/en/help/", data).status_code == 302
    assert HelpRequest.objects.count() == 2


def test_through_a_partner_organization_needs_no_phone_or_email(client, eastside, organization):
    response = client.post(
        "/en/help/",
        help_form(eastside, contact_method="partner", contact_value="", partner_organization=organization.pk),
    )
    assert response.status_code == 302
    help_request = HelpRequest.objects.get()
    assert not help_request.contact_value
    assert help_request.partner_organization == organization
