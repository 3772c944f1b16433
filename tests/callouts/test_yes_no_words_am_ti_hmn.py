"""Amharic, Tigrinya and Hmong volunteers are asked to text back YES or NO; their own words answer a call-out too."""

import pytest
from django.utils import translation

from aidhub.callouts.services import _NO, _YES
from aidhub.messaging.keywords import keyword_of, normalise_reply

ASK = "%(SITE_NAME)s urgent: %(text)s Can you help? Reply YES or NO."


@pytest.mark.parametrize(("code", "yes", "no"), [("am", "አዎ", "አይ"), ("ti", "እወ", "ኣይፋል"), ("hmn", "Yog", "Tsis tau")])
def test_the_call_out_asks_for_yes_or_no_and_the_languages_own_words_answer_it(code, yes, no):
    with translation.override(code):
        asked = translation.gettext(ASK)
    assert "YES" in asked and "NO" in asked
    assert normalise_reply("yes") in _YES and normalise_reply("No.") in _NO
    assert normalise_reply(f" {yes}! ") in _YES
    assert normalise_reply(f"{no}.") in _NO
    assert keyword_of(yes) is None and keyword_of(no) is None
