from django.apps import AppConfig


class PhoneConfig(AppConfig):
    """Families who ask by text message, WhatsApp or a phone call: the conversation, the call-back line."""

    name = "aidhub.phone"
    label = "phone"
