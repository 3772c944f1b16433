"""Every call-out page renders in every interface language, right to left where needed, with words of its own
content translated."""

import pytest

from aidhub.callouts.models import CalloutRecipient
from aidhub.lib.tokens import new_access_token
from tests.helpers import assert_pages_in_every_language

pytestmark = pytest.mark.slow


# Each page once per language, with the call-out made once (issue 21: thirty languages).
def test_organizer_pages(client_for, organizer, callout):
    client = client_for(organizer)
    pages = {
        "/organize/callouts/": "New call-out",
        "/organize/callouts/new/": "Who it reaches",
        f"/organize/callouts/{callout.pk}/": "Make the match",
    }
    assert_pages_in_every_language(client, {f"/{{code}}{url}": text for url, text in pages.items()})


def test_volunteer_pages(client, client_for, volunteer, callout):
    token, token_hash = new_access_token()
    CalloutRecipient.objects.filter(callout=callout).update(access_token_hash=token_hash, answer="")
    assert_pages_in_every_language(client, {"/{code}/callouts/answer/?k=" + token: "I can help"})
    assert_pages_in_every_language(client_for(volunteer), {"/{code}/my/callouts/": "Urgent call-outs"})
