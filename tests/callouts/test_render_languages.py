"""Every call-out page renders in every interface language, right to left where needed, with words of its own
content translated."""

import pytest
from django.conf import settings

from aidhub.callouts.models import CalloutRecipient
from aidhub.lib.tokens import new_access_token
from tests.helpers import assert_in_language

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("code", LANGUAGES)
def test_organizer_pages(client_for, organizer, callout, code):
    client = client_for(organizer)
    pages = {
        "/organize/callouts/": "New call-out",
        "/organize/callouts/new/": "Who it reaches",
        f"/organize/callouts/{callout.pk}/": "Make the match",
    }
    for url, text in pages.items():
        assert_in_language(client.get(f"/{code}{url}"), code, text)


@pytest.mark.parametrize("code", LANGUAGES)
def test_volunteer_pages(client, client_for, volunteer, callout, code):
    token, token_hash = new_access_token()
    CalloutRecipient.objects.filter(callout=callout).update(access_token_hash=token_hash, answer="")
    assert_in_language(client.get(f"/{code}/callouts/answer/?k={token}"), code, "I can help")
    assert_in_language(client_for(volunteer).get(f"/{code}/my/callouts/"), code, "Urgent call-outs")
