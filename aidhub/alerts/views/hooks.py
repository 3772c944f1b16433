from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from aidhub.alerts.services.subscribers import subscriber_reply
from aidhub.messaging.webhooks import twilio_signature_is_valid

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


# The provider cannot send a CSRF token; Twilio's signature over the URL and the data stands in for it.
@csrf_exempt
@require_POST
def twilio_sms(request):
    """A text message to our number (STOP, or a confirmation code). A request without a valid signature is refused."""
    if not twilio_signature_is_valid(request):
        return HttpResponseForbidden()
    subscriber_reply(sender=request.POST.get("From", ""), body=request.POST.get("Body", ""))
    return HttpResponse(EMPTY_TWIML, content_type="text/xml")
