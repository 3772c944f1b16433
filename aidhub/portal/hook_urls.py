from django.urls import path

from aidhub.portal import hooks

# The address the SMS provider calls is configured there: it keeps its old path and name.
app_name = "alerts_hooks"

urlpatterns = [
    path("twilio/sms/", hooks.twilio_sms, name="twilio_sms"),
]
