from io import StringIO

from django.core.management import call_command

from aidhub.callouts.models import Callout, CalloutRecipient
from aidhub.devdata.demo.core import DEMO_PASSWORD, DEMO_TOTP_SECRET
from tests.helpers import sign_in_with_two_factor


def test_seed_demo_adds_a_callout_with_a_yes_once_and_the_organizer_sees_it(client, db):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    callout = Callout.objects.get()
    assert CalloutRecipient.objects.get().answer == "yes"
    sign_in_with_two_factor(client, "organizer@example.org", DEMO_PASSWORD, DEMO_TOTP_SECRET)
    page = client.get(f"/en/organize/callouts/{callout.pk}/")
    assert page.status_code == 200 and "Make the match" in page.text
