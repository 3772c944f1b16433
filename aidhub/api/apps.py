from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The REST API: public read-only endpoints and organizers' endpoints behind personal tokens."""

    name = "aidhub.api"
    label = "api"
