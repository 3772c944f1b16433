from django.urls import path

from aidhub.alerts.views import hooks

app_name = "alerts_hooks"

urlpatterns = [
    path("twilio/sms/", hooks.twilio_sms, name="twilio_sms"),
]
