from django.urls import path

from aidhub.portal import hooks

# The address the SMS provider calls is configured there: the old one keeps its path and name.
app_name = "alerts_hooks"

urlpatterns = [
    path("twilio/sms/", hooks.twilio_sms, name="twilio_sms"),
]

# The number's one address for text and WhatsApp messages (`/hooks/twilio/sms/`, name "hooks:twilio_sms").
hooks_patterns = [
    path("twilio/sms/", hooks.twilio_sms, name="twilio_sms"),
]
