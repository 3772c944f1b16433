"""The YES and NO that Somali, Swahili and Kinyarwanda volunteers are told to text back answer a call-out."""

import pytest
from django.utils import translation

from aidhub.callouts.services import _NO, _YES
from aidhub.messaging.keywords import normalise_reply

ASK = "%(SITE_NAME)s urgent: %(text)s Can you help? Reply YES or NO."


@pytest.mark.parametrize(
    ("code", "yes", "no"), [("so", "HAA", "MAYA"), ("sw", "NDIYO", "HAPANA"), ("rw", "YEGO", "OYA")]
)
def test_the_yes_and_no_a_call_out_asks_for_are_understood(code, yes, no):
    with translation.override(code):
        asked = translation.gettext(ASK)
    assert yes in asked and no in asked
    assert normalise_reply(yes.lower()) in _YES
    assert normalise_reply(f"{no.capitalize()}!") in _NO
