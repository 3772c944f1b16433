"""Public forms that look up a phone number or an email answer the same page whether or not they know it.

If booking a slot said "this phone already has an appointment", anyone could learn whether a given phone is booked
at the legal aid night; the same goes for registering for a workshop or finding a lost request. So such a form
always answers with `sent()` ("check your messages"), with the same words either way; and when it met a contact
it knows, the owner of that contact gets the private link by message (`send_again`): only the person who holds
that phone or mailbox learns anything. Both sides queue one message on commit, so they take about as long.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django_stubs_ext import StrPromise

from aidhub.lib.counters import count_in_window
from aidhub.lib.phones import mask_phone, normalise_phone

DAY = 24 * 3600


def mask_contact(contact: str) -> str:
    """+12025550143 → +1 ••• ••• 43, rosa@example.net → r•••@example.net: enough to spot a typing mistake."""
    if "@" in contact:
        name, domain = contact.rsplit("@", 1)
        return f"{name[:1]}•••@{domain}"
    try:
        return mask_phone(normalise_phone(contact))
    except ValidationError:
        return f"{contact[:2]}•••"


def sent(request: HttpRequest, text: str | StrPromise) -> HttpResponseRedirect:
    """The one answer of a public form that looked up a contact, found or not: "check your messages", with `text`
    (which must not depend on what was found) shown on that page."""
    messages.info(request, text)
    return redirect("core:sent")


def send_again(record: Model, send: Callable[[], object]) -> None:
    """Calls `send()`, which gives `record` a fresh private link and queues it to the record's own contact, at most
    PUBLIC_FORM_RESENDS_PER_DAY times a day per record, so that nobody can flood a phone through a public form.
    The page answered is the same either way."""
    count = count_in_window(f"quiet:send-again:{record._meta.label_lower}:{record.pk}", DAY)
    if count <= settings.PUBLIC_FORM_RESENDS_PER_DAY:
        send()
