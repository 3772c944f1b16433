"""The new family pages of issue 16 (the thread with its reply box, the check-in, the replaced link) render in
every interface language, with translated words and the page's direction."""

from django.conf import settings
from django.utils import translation

from aidhub.lib.crypto import keyed_hash
from aidhub.lib.tokens import new_access_token
from aidhub.matching.models import FamilyCheckIn, Match
from aidhub.needs.models import RequestLink, RequestMessage
from tests.factories import HelpRequestFactory


def _translated(code, text):
    with translation.override(code):
        return translation.gettext(text)


def test_thread_check_in_and_replaced_link_in_every_language(client, eastside, volunteer, offer):
    # Each language in turn, with the area, volunteer and offer made once (issue 21: thirty languages).
    for code, _name in settings.LANGUAGES:
        _thread_check_in_and_replaced_link(client, eastside, volunteer, offer, code)


def _thread_check_in_and_replaced_link(client, eastside, volunteer, offer, code):
    token, token_hash = new_access_token()
    help_request = HelpRequestFactory(area=eastside, status="done", access_token_hash=token_hash, message_language=code)
    RequestMessage.objects.create(help_request=help_request, author="network", text="?")
    match = Match.objects.create(help_request=help_request, volunteer=volunteer, offer=offer, status="done")
    FamilyCheckIn.objects.create(match=match)
    page = client.get(f"/{code}/help/status/?k={token}")
    assert page.status_code == 200
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in page.text
    for text in ("Questions and answers", "Did you get help?", "Yes, I got help", "I need something else"):
        assert _translated(code, text) in page.text.replace("&#x27;", "'").replace("&quot;", '"')
        if code != "en":
            assert _translated(code, text) != text
    old_token, old_hash = new_access_token()
    RequestLink.objects.create(
        help_request=help_request, token_hash=keyed_hash(old_hash), replaced_at=help_request.created_at
    )
    replaced = client.get(f"/{code}/help/status/?k={old_token}")
    assert replaced.status_code == 410
    assert _translated(code, "This link was replaced") in replaced.text.replace("&#x27;", "'")
