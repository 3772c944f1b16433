"""Messages to the people of an event, each in the recipient's own language (see aidhub.messaging)."""

from typing import Any

from aidhub.accounts.models import User
from aidhub.events.models import Booking, ContactKind, Registration
from aidhub.messaging.services import send_email, send_email_to_user, send_sms


def tell_contact(person: Booking | Registration, template: str, **context: Any) -> None:
    """A booking's or registration's person, by text message or email as they chose."""
    context = {"person": person, "event": person.event, **context}
    if person.contact_kind == ContactKind.PHONE:
        send_sms(to=person.contact, language=person.message_language, template=f"events/{template}", context=context)
    else:
        send_email(to=person.contact, language=person.message_language, template=f"events/{template}", context=context)


def tell_volunteer(user: User, template: str, **context: Any) -> None:
    send_email_to_user(user=user, template=f"events/{template}", context=context)
