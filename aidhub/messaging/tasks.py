import logging
from datetime import timedelta
from typing import NoReturn

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import Task, task
from django.utils import timezone

from aidhub.messaging import sms
from aidhub.messaging.crypto import unseal

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 4


class DeliveryFailed(Exception):
    """Raised without the provider's error text, which may quote the address."""


@task
def deliver_email(payload: str, attempt: int = 1) -> None:
    message = unseal(payload)
    email = EmailMultiAlternatives(
        subject=message["subject"], body=message["body"], from_email=settings.DEFAULT_FROM_EMAIL, to=[message["to"]]
    )
    if message.get("html"):
        email.attach_alternative(message["html"], "text/html")
    try:
        email.send()
    except Exception as error:
        _retry_or_fail(deliver_email, payload, attempt, error)
    logger.info("email sent (template %s)", message["template"])


@task
def deliver_sms(payload: str, attempt: int = 1) -> None:
    message = unseal(payload)
    try:
        sms.get_backend().send(message["to"], message["body"])
    except Exception as error:
        _retry_or_fail(deliver_sms, payload, attempt, error)
    logger.info("text message sent (template %s)", message["template"])


def _retry_or_fail(task_: Task[..., None], payload: str, attempt: int, error: Exception) -> NoReturn:
    """Tries again later, waiting longer each time, where the backend can defer; never logs the provider's words."""
    logger.warning("%s attempt %s failed: %s", task_.name, attempt, type(error).__name__)
    if attempt < MAX_ATTEMPTS and task_.get_backend().supports_defer:
        delay = timedelta(minutes=2**attempt)
        task_.using(run_after=timezone.now() + delay).enqueue(payload=payload, attempt=attempt + 1)
    raise DeliveryFailed(f"{task_.name} failed on attempt {attempt}") from None
