from django.urls import path

from aidhub.phone import hooks

# Called by the phone provider, not read by people: no language prefix (mounted at /hooks/twilio/).
app_name = "phone_hooks"

urlpatterns = [
    path("voice/", hooks.voice_call, name="voice"),
    path("voice/step/", hooks.voice_step, name="voice_step"),
    path("voice/audio/<str:digest>/", hooks.audio, name="audio"),
]
