"""Sign-up is warm and short (issue 17, item 7): an introduction before the form, the confirmation email from the
network's name in the reader's language, signed in by confirming, signing in later by an emailed code, and a public
name that is empty until the volunteer chooses one."""

import os
import re
import subprocess
import sys
from email.utils import parseaddr

from django.conf import settings
from django.core import mail
from django.test import Client

from aidhub.accounts.models import User
from aidhub.lib.adapters.allauth import activate_totp, new_totp_secret
from tests.factories import MembershipFactory
from tests.helpers import totp_code

PASSWORD = "una-clave-muy-larga-1"


def _sign_up(client, language, email):
    return client.post(f"/{language}/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def _link(message):
    return re.search(r"^(http\S+/accounts/confirm-email/\S+)$", message.body, re.MULTILINE).group(1)


def _emailed_code(message):
    return re.search(r"^([A-Z0-9]{4}-?[A-Z0-9]{4})$", message.body, re.MULTILINE).group(1)


def test_the_introduction_says_what_volunteering_means_before_the_form(client, db):
    home = client.get("/es/").text
    assert 'href="/es/volunteer/"' in home
    page = client.get("/es/volunteer/").text
    assert "Algunas ayudas necesitan una comprobación previa" in page
    assert "Ayuda legal" in page  # a kind of help that needs vetting, from the network's settings
    assert "Lo que ven las familias" in page and "Lo que guardamos" in page
    assert 'href="/es/accounts/signup/"' in page


def test_a_new_volunteer_signs_up_confirms_and_lands_signed_in(client, db):
    response = _sign_up(client, "es", "nueva@example.org")
    assert response.status_code == 302
    user = User.objects.get(email="nueva@example.org")
    assert user.volunteer_profile.display_name == ""  # never "nueva"
    assert user.display_name != "nueva"

    [message] = mail.outbox
    assert parseaddr(message.from_email)[0] == settings.NETWORK_NAME
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == f"[{settings.NETWORK_NAME}] Confirme su dirección de correo electrónico"
    assert f"Hola de parte de {settings.NETWORK_NAME}." in message.body
    assert "testserver" not in message.body.split("http")[0]  # the greeting names the network, not the host
    assert "voluntario" in message.body

    confirmed = client.post(_link(message).split("testserver", 1)[-1])
    assert confirmed.status_code == 302
    # No second sign-in: the page after confirming opens signed in.
    assert client.get(confirmed["Location"], follow=True).status_code == 200
    assert client.get("/es/my/").status_code == 200
    assert client.get("/es/my/profile/").status_code == 200


def test_an_arabic_volunteer_gets_the_email_in_arabic(client, db):
    _sign_up(client, "ar", "amal@example.org")
    [message] = mail.outbox
    assert "Hello" not in message.body and "confirm" not in message.subject.lower()


def test_signing_in_later_by_an_emailed_code(client, db):
    _sign_up(client, "en", "new@example.org")
    client.post(_link(mail.outbox[0]).split("testserver", 1)[-1])
    mail.outbox.clear()
    later = Client()
    login_page = later.get("/en/accounts/login/").text
    assert 'href="/en/accounts/login/code/' in login_page
    asked = later.post("/en/accounts/login/code/", {"email": "new@example.org"})
    assert asked["Location"].startswith("/en/accounts/login/code/confirm/")
    [message] = mail.outbox
    assert parseaddr(message.from_email)[0] == settings.NETWORK_NAME
    signed_in = later.post("/en/accounts/login/code/confirm/", {"code": _emailed_code(message)})
    assert signed_in.status_code == 302
    assert later.get("/en/my/").status_code == 200


def test_an_emailed_code_is_not_an_organizers_second_factor(organization, help_request):
    organizer = MembershipFactory(organization=organization).user
    secret = new_totp_secret()
    activate_totp(organizer, secret)
    client = Client()
    client.post("/en/accounts/login/code/", {"email": organizer.email})
    response = client.post("/en/accounts/login/code/confirm/", {"code": _emailed_code(mail.outbox[0])})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    # Signed half-way: no organizer page, no family's details.
    assert client.get("/en/organize/alerts/").status_code == 302
    assert client.get(f"/en/organize/requests/{help_request.pk}/contact/").status_code == 302
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.get("/en/organize/alerts/").status_code == 200


def test_the_profile_asks_for_a_public_name(client, db):
    _sign_up(client, "en", "new@example.org")
    client.post(_link(mail.outbox[0]).split("testserver", 1)[-1])
    page = client.get("/en/my/profile/").text
    assert 'name="display_name" value="new"' not in page
    refused = client.post("/en/my/profile/", {"display_name": "", "language": "en"})
    assert refused.status_code == 200
    assert "This field is required." in refused.text


def test_emails_come_from_the_networks_name_whatever_the_address_setting_says():
    """NETWORK_NAME names the sender; DEFAULT_FROM_EMAIL gives only the address (an old "Name <address>" too)."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='aidhub.settings'; django.setup();"
        "from django.conf import settings as s; print(s.DEFAULT_FROM_EMAIL); print(s.ACCOUNT_EMAIL_SUBJECT_PREFIX)"
    )
    env = {
        **os.environ,
        "NETWORK_NAME": 'Red "Vecinal" del Este',
        "DEFAULT_FROM_EMAIL": "host.example <aid@example.org>",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    sender, prefix = result.stdout.splitlines()
    assert sender == '"Red \\"Vecinal\\" del Este" <aid@example.org>'
    assert parseaddr(sender) == ('Red "Vecinal" del Este', "aid@example.org")
    assert prefix == '[Red "Vecinal" del Este] '
