"""Text messages and WhatsApp messages people send to the network's number, as Twilio passes them on
(`/hooks/twilio/sms/`, and the older `/hooks/alerts/twilio/sms/`). They concern several apps, so they are sorted
here, once per message (a retry of the same MessageSid is not handled again), by one ordered chain of handlers.

Each handler takes `(*, sender, body)` and says whether the message was its own: False passes it on, True means
"answered" (by its own messages, or by nobody), a string means "answered: reply this" in the webhook's response
(TwiML <Message>, which reaches a WhatsApp sender on WhatsApp too). In order:

1. keywords (STOP, START, HELP, STATUS, CANCEL, DELETE in every interface language, aidhub.messaging.keywords):
   first what STOP and START change for call-outs (aidhub.callouts, which answers nothing), then the answer
   (aidhub.phone);
   - past the keywords, the limits of the text line (aidhub.phone.limits): a number over them is told once, then
     answered by nothing, and nothing of its message is kept;
2. a conversation in progress (aidhub.phone);
3. a volunteer's YES or NO to a call-out (aidhub.callouts);
4. a family's 1/2/3 answer to a check-in (aidhub.matching);
5. a reply to a text sent from a request's page (aidhub.needs);
6. an alert subscriber's confirmation code (aidhub.alerts);
7. anything else starts a conversation (aidhub.phone), which asks the family's language first, within the limits
   of new conversations (aidhub.phone.limits).

Neither the number nor the text is ever logged.
"""

from collections.abc import Callable
from xml.sax.saxutils import escape

from django.db import transaction
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from aidhub.alerts.services.subscribers import subscriber_reply
from aidhub.callouts.services import callout_reply_by_sms, callout_texts_by_keyword
from aidhub.matching.services import check_in_reply_by_sms
from aidhub.messaging.inbound import inbound_message_claim
from aidhub.messaging.webhooks import twilio_signature_is_valid
from aidhub.needs.services import request_text_reply
from aidhub.phone.services.texts import (
    phone_conversation_reply,
    phone_conversation_start,
    phone_keyword_reply,
    phone_message_limit,
)

Handler = Callable[..., bool | str]

# The order of the module's docstring.
HANDLERS: tuple[Handler, ...] = (
    callout_texts_by_keyword,
    phone_keyword_reply,
    phone_message_limit,
    phone_conversation_reply,
    callout_reply_by_sms,
    check_in_reply_by_sms,
    request_text_reply,
    subscriber_reply,
    phone_conversation_start,
)

# A message longer than Twilio's limit for one message (1,600 characters) is not ours to read further.
BODY_MAX = 1600


def answer(*, sender: str, body: str) -> str:
    """The reply to one message ("" for none): the first handler that takes it answers."""
    for handler in HANDLERS:
        answered = handler(sender=sender, body=body)
        if answered is not False:
            return answered if isinstance(answered, str) else ""
    return ""


def twiml(reply: str) -> str:
    message = f"<Message>{escape(reply)}</Message>" if reply else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><Response>{message}</Response>'


# The provider cannot send a CSRF token; Twilio's signature over the URL and the data stands in for it.
@csrf_exempt
@require_POST
def twilio_sms(request):
    """A text message to our number. A request without a valid signature is refused."""
    if not twilio_signature_is_valid(request):
        return HttpResponseForbidden()
    sender, body = request.POST.get("From", ""), request.POST.get("Body", "")[:BODY_MAX]
    # One transaction: a second delivery of the same message waits for the first and is then skipped; a failure
    # rolls the claim back, so that Twilio's retry is handled.
    with transaction.atomic():
        if not inbound_message_claim(message_sid=request.POST.get("MessageSid", "")):
            return HttpResponse(twiml(""), content_type="text/xml")
        reply = answer(sender=sender, body=body)
    return HttpResponse(twiml(reply), content_type="text/xml")
