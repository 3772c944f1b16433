"""Text messages people send to the network's number, as the SMS provider passes them on. They concern several
apps, so they are sorted here: a 1, 2 or 3 from a family asked how the help went is its check-in answer
(aidhub.matching); anything else (STOP, START, a confirmation code) is the alerts' (aidhub.alerts)."""

from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from aidhub.alerts.services.subscribers import subscriber_reply
from aidhub.callouts.services import callout_reply_by_sms
from aidhub.matching.services import check_in_reply_by_sms
from aidhub.messaging.webhooks import twilio_signature_is_valid

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


# The provider cannot send a CSRF token; Twilio's signature over the URL and the data stands in for it.
@csrf_exempt
@require_POST
def twilio_sms(request):
    """A text message to our number. A request without a valid signature is refused."""
    if not twilio_signature_is_valid(request):
        return HttpResponseForbidden()
    sender, body = request.POST.get("From", ""), request.POST.get("Body", "")
    if not (callout_reply_by_sms(sender=sender, body=body) or check_in_reply_by_sms(sender=sender, body=body)):
        subscriber_reply(sender=sender, body=body)
    return HttpResponse(EMPTY_TWIML, content_type="text/xml")
