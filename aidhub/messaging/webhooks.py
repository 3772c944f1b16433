"""Checks that an inbound text-message request really comes from the SMS provider."""

from django.conf import settings
from django.http import HttpRequest
from twilio.request_validator import RequestValidator


def public_url(request: HttpRequest) -> str:
    """The address the provider called: SITE_URL + path (behind a proxy the request may name another host)."""
    return f"{settings.SITE_URL}{request.get_full_path()}"


def twilio_signature_is_valid(request: HttpRequest) -> bool:
    """Twilio signs each webhook with the account's auth token (X-Twilio-Signature over the URL and the POST data)."""
    token = settings.TWILIO_AUTH_TOKEN
    signature = request.headers.get("X-Twilio-Signature", "")
    if not token or not signature:
        return False
    valid: bool = RequestValidator(token).validate(public_url(request), request.POST.dict(), signature)
    return valid
