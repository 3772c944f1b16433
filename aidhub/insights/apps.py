from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """Organizers' charts: requests met, time to first contact, unmet needs, volunteers active, events filled."""

    name = "aidhub.insights"
    label = "insights"
