"""Call-out texts that waited for the end of quiet hours (queued by aidhub.callouts.services.callout_send with
`run_after`). The task's argument is the call-out's id only: no number, no text."""

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from aidhub.callouts.models import Callout, CalloutRecipient, CalloutSettings
from aidhub.callouts.selectors import SMS_TEMPLATE, sms_context
from aidhub.messaging.services import send_sms


@task
def send_waiting_texts(callout_id: int) -> int:
    return callout_send_waiting_texts(callout_id=callout_id)


@transaction.atomic
def callout_send_waiting_texts(*, callout_id: int) -> int:
    """The texts that waited for the end of quiet hours: sent while the call-out is open, to volunteers who still
    want call-outs, at the number they have now. Returns how many were sent."""
    callout = Callout.objects.select_for_update().filter(pk=callout_id).first()
    waiting = CalloutRecipient.objects.filter(
        callout_id=callout_id, text_waits_until__isnull=False, texted_at__isnull=True
    ).select_related("volunteer")
    if callout is None or not callout.is_open:
        waiting.update(text_waits_until=None)
        return 0
    now = timezone.now()
    wanted = {
        row.user_id: row
        for row in CalloutSettings.objects.filter(
            user_id__in=waiting.values("volunteer_id"), accepts_callouts=True, texts_stopped_at__isnull=True
        ).exclude(phone_hash="")
    }
    sent = 0
    for recipient in waiting:
        row = wanted.get(recipient.volunteer_id)
        recipient.text_waits_until = None
        if row is not None and row.phone and recipient.volunteer.is_active:
            send_sms(
                to=row.phone,
                language=recipient.volunteer.language,
                template=SMS_TEMPLATE,
                context=sms_context(callout.text),
            )
            recipient.texted_at = now
            recipient.phone_hash = row.phone_hash
            sent += 1
        recipient.save(update_fields=["text_waits_until", "texted_at", "phone_hash"])
    return sent
