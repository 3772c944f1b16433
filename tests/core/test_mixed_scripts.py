"""Mixed scripts on right-to-left pages (issue 16, item 7): what people type is isolated from the sentence around
it, and codes, phone numbers and emails read left to right; languages in selects and lists carry their own lang."""

import re

from aidhub.needs.models import HelpRequest
from tests.factories import language
from tests.needs.helpers import help_form, token_from


def _submit(client, area, **changes):
    response = client.post("/ar/help/", help_form(area, **changes))
    return HelpRequest.objects.latest("pk"), token_from(response["Location"])


def test_an_arabic_status_page_isolates_the_name_and_reads_the_code_and_phone_left_to_right(client, eastside):
    help_request, token = _submit(client, eastside, first_name="Rosa María (Mamá)", contact_value="202 555 0143")
    page = client.get(f"/ar/help/status/?k={token}").text
    assert '<html lang="ar" dir="rtl">' in page
    # The name, typed in Latin letters, keeps its own direction inside the Arabic list.
    assert "<bdi>Rosa María (Mamá)</bdi>" in page
    # The reference code and the phone number read left to right.
    assert re.search(rf'<strong class="reference-code" dir="ltr">{help_request.reference_code}</strong>', page)
    assert '<bdi dir="ltr">(202) 555-0143</bdi>' in page
    # The message the family wrote takes its direction from its own text.
    assert re.search(r'<dd class="col-sm-8" dir="auto">Tres niños', page)


def test_what_people_type_is_escaped_inside_its_isolation(client, eastside):
    _help_request, token = _submit(client, eastside, first_name="<b>Rosa</b>")
    page = client.get(f"/ar/help/status/?k={token}").text
    assert "<bdi>&lt;b&gt;Rosa&lt;/b&gt;</bdi>" in page


def test_an_offer_in_arabic_isolates_its_title_and_the_volunteers_name(client, offer):
    page = client.get(f"/ar/offers/{offer.pk}/").text
    assert f"<h1><bdi>{offer.title}</bdi></h1>" in page
    assert "<bdi>María</bdi>" in page
    assert re.search(r'<div class="mt-3" dir="auto">', page)
    listing = client.get("/ar/offers/").text
    assert f"<bdi>{offer.title}</bdi>" in listing


def test_the_delete_page_reads_the_reference_code_left_to_right_in_arabic(client, eastside):
    help_request, token = _submit(client, eastside)
    page = client.get(f"/ar/help/status/delete/?k={token}").text
    assert f'<bdi dir="ltr">{help_request.reference_code}</bdi>' in page


def test_language_options_carry_their_own_lang_and_direction(client, eastside):
    haitian, arabic = language("ht"), language("ar")
    page = client.get("/es/help/").text
    assert re.search(rf'<option value="{haitian.pk}" lang="ht" dir="ltr"', page)
    assert re.search(rf'<option value="{arabic.pk}" lang="ar" dir="rtl"', page)
    offers = client.get("/ar/offers/").text
    assert re.search(rf'<option value="{haitian.pk}" lang="ht" dir="ltr"', offers)


def test_language_checkboxes_name_each_language_in_an_element_with_its_lang(client_for, volunteer):
    page = client_for(volunteer).get("/ar/my/offers/new/").text
    arabic = language("ar")
    assert f'<span lang="ar" dir="rtl">{arabic.native_name}</span> ({arabic.name_en})' in page


def test_the_interface_language_select_names_each_language_with_its_lang(client_for, volunteer):
    page = client_for(volunteer).get("/ar/my/profile/").text
    assert re.search(r'<option value="ht" lang="ht" dir="ltr"', page)
    assert re.search(r'<option value="fa" lang="fa" dir="rtl"', page)
