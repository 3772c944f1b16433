"""Issue 16, item 5: every form that comes back with errors starts with a summary of the problems, each a link to
its field, in words; each field carries its message through aria-describedby; what was typed is kept."""

import re

import pytest

from tests.helpers import antibot_fields


def summary(response):
    html = response.content.decode()
    match = re.search(r'<div class="alert alert-danger error-summary"[^>]*>(.*?)</div>', html, re.S)
    assert match, "no error summary on the page"
    opening = re.search(r'<div class="alert alert-danger error-summary"[^>]*>', html).group(0)
    assert 'tabindex="-1"' in opening
    assert 'role="alert"' in opening
    assert "js/error-summary.js" in html
    links = re.findall(r'<a href="#([^"]+)">(.*?)</a>', match.group(1), re.S)
    for target, _text in links:
        assert f'id="{target}"' in html, f"the summary links to #{target}, which is not on the page"
    return links


def described_by_its_message(response, field_id):
    html = response.content.decode()
    tag = re.search(rf'<(?:input|select|textarea|fieldset)\b[^>]*aria-describedby="[^"]*{field_id}_error', html)
    assert tag, f"{field_id} does not point to its message"


@pytest.mark.django_db
def test_help_form_lists_each_missing_answer_and_keeps_what_was_typed(client, eastside):
    response = client.post("/es/help/", {"first_name": "Rosa", "description": "Necesito pañales", **antibot_fields()})
    assert response.status_code == 200
    links = dict(summary(response))
    assert "id_category_0" in links
    assert "id_language" in links
    assert "Rosa" in response.content.decode()
    assert "Necesito pañales" in response.content.decode()
    described_by_its_message(response, "id_language")


@pytest.mark.django_db
def test_offer_form_names_the_missing_best_times_in_words(client_for, volunteer):
    response = client_for(volunteer).post("/en/my/offers/new/", {"title": "Rides to the clinic"})
    assert response.status_code == 200
    links = dict(summary(response))
    assert any(target.startswith("id_availability") for target in links), links
    assert "Rides to the clinic" in response.content.decode()
    # Each box of the grid points to the message under it.
    assert 'aria-describedby="id_availability_error"' in response.content.decode()


@pytest.mark.django_db
def test_subscribe_form(client, eastside):
    response = client.post("/ar/alerts/subscribe/", {**antibot_fields()})
    assert response.status_code == 200
    assert summary(response)


@pytest.mark.django_db
def test_find_my_request_form(client):
    response = client.post("/es/help/find/", {"reference_code": "", **antibot_fields()})
    assert response.status_code == 200
    assert summary(response)


@pytest.mark.django_db
def test_sign_up_form(client):
    response = client.post("/fr/accounts/signup/", {"email": "not-an-email"})
    assert response.status_code == 200
    assert summary(response)


@pytest.mark.django_db
def test_an_error_the_person_did_not_cause_is_in_the_summary_too(client):
    # A challenge that is not ours (keys changed, a worker crashed): the message says it, and takes the focus.
    fields = {**antibot_fields(), "antibot_challenge": "tampered"}
    response = client.post("/en/help/", {"first_name": "Rosa", **fields})
    links = dict(summary(response))
    assert "id_antibot" in links
    assert "Rosa" in response.content.decode()


@pytest.mark.django_db
def test_a_page_without_errors_has_no_summary(client):
    response = client.get("/es/help/")
    assert "error-summary" not in response.content.decode()


@pytest.mark.django_db
def test_a_refusal_from_the_server_takes_the_focus_too(client_for, proposed_match):
    """A refusal shown after a redirect (a message, not a form) is the element that takes the focus."""
    response = client_for(proposed_match.volunteer).post(
        f"/en/my/matches/{proposed_match.pk}/decline/", {}, follow=True
    )
    html = response.content.decode()
    message = re.search(r'<div class="alert alert-danger"[^>]*data-error-message[^>]*>([^<]+)</div>', html)
    assert message, "the refusal cannot take the focus"
    assert 'tabindex="-1"' in message.group(0)
    assert "Choose a reason" in message.group(1)
    assert "js/error-summary.js" in html
