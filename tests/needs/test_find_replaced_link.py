"""Issue 16, item 2: "find my request" sends the new link to the contact on the request; the old link explains
itself; the page says the same whether or not a request matched, and never shows the number."""

import re

from django.core import mail

from aidhub.messaging import sms
from aidhub.needs.models import HelpRequest, RequestLink
from tests.helpers import antibot_fields
from tests.needs.helpers import help_form, token_from


def _submit(client, area, language="es", **changes):
    response = client.post(f"/{language}/help/", help_form(area, **changes))
    return HelpRequest.objects.latest("pk"), token_from(response["Location"])


def _find(client, code, contact, language="es"):
    return client.post(
        f"/{language}/help/find/", {"reference_code": code, "contact": contact, **antibot_fields()}, follow=True
    )


def test_the_new_link_is_texted_and_the_old_one_says_it_was_replaced(
    client, eastside, django_capture_on_commit_callbacks
):
    help_request, old_token = _submit(client, eastside, language="ar")
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = _find(client, help_request.reference_code, "202-555-0143", language="ar")
    assert "555" not in page.text and "0143" not in page.text
    [message] = sms.outbox
    assert message["to"] == "+12025550143"
    new_token = re.search(r"k=([A-Za-z0-9_-]+)", message["body"]).group(1)
    assert "/ar/help/status/" in message["body"]
    assert "رابط" in message["body"]  # in Arabic, the family's language
    assert client.get(f"/ar/help/status/?k={new_token}").status_code == 200
    old = client.get(f"/ar/help/status/?k={old_token}")
    assert old.status_code == 410
    assert 'href="/ar/help/find/"' in old.text
    assert help_request.reference_code not in old.text
    # Every family page answers the old link the same way, and nothing it could open is stored.
    assert client.post("/ar/help/status/withdraw/", {"k": old_token}).status_code == 410
    help_request.refresh_from_db()
    assert help_request.status == "new"
    stored = set(RequestLink.objects.values_list("token_hash", flat=True))
    from aidhub.lib.tokens import hash_access_token

    assert hash_access_token(old_token) not in stored


def test_links_sent_with_questions_stop_working_too(
    client, client_for, eastside, organizer, django_capture_on_commit_callbacks
):
    help_request, _token = _submit(client, eastside)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(f"/en/organize/requests/{help_request.pk}/question/", {"text": "¿Tiene carro?"})
    client.logout()
    question_token = re.search(r"k=([A-Za-z0-9_-]+)", sms.outbox[-1]["body"]).group(1)
    assert client.get(f"/es/help/status/?k={question_token}").status_code == 200
    _find(client, help_request.reference_code, "+1 202 555 0143")
    assert client.get(f"/es/help/status/?k={question_token}").status_code == 410


def test_the_answer_is_the_same_whether_or_not_a_request_matched(client, eastside, django_capture_on_commit_callbacks):
    help_request, _token = _submit(client, eastside, contact_method="email", contact_value="rosa@example.net")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        known = _find(client, help_request.reference_code, "rosa@example.net")
        unknown = _find(client, help_request.reference_code, "otra@example.net")
        wrong_code = _find(client, "ZZZ-ZZZ", "rosa@example.net")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["rosa@example.net"]

    def words(page):
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.text)

    assert words(known) == words(unknown) == words(wrong_code), (words(known), words(unknown))
    assert "rosa" not in known.text


def test_a_made_up_token_is_not_found(client, eastside):
    _submit(client, eastside)
    assert client.get("/es/help/status/?k=" + "a" * 32).status_code == 404
