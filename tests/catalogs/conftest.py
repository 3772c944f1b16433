import html
import re

import pytest

from aidhub.catalogs.models import Translator
from aidhub.lib.adapters.allauth import activate_totp, new_totp_secret
from tests.factories import UserFactory


@pytest.fixture
def translator_secret():
    return new_totp_secret()


@pytest.fixture
def translator(db, translator_secret):
    """A volunteer the administrator made translator of Spanish, with an authenticator app."""
    user = UserFactory(email="traductora@example.org")
    Translator.objects.create(user=user, language="es")
    activate_totp(user, translator_secret)
    return user


def make_translator(language, *, two_factor=True, **fields):
    user = UserFactory(**fields)
    Translator.objects.create(user=user, language=language)
    if two_factor:
        activate_totp(user, new_totp_secret())
    return user


def field_for(client, form_url, msgid):
    """The name of an entry's text box on the catalog's page, found by searching the catalog as a translator would."""
    page = client.get(form_url, {"query": msgid})
    assert page.status_code == 200
    entries = re.findall(r"<fieldset.*?</fieldset>", page.content.decode(), flags=re.S)
    english = [html.unescape(re.search(r"<legend[^>]*>(.*?)</legend>", entry, re.S).group(1)) for entry in entries]
    return re.search(r'name="(m_[0-9a-f]+)"', entries[english.index(msgid)]).group(1)
