from django.apps import AppConfig


class CalloutsConfig(AppConfig):
    """Urgent call-outs to many volunteers at once, their answers, and the match made from one."""

    name = "aidhub.callouts"
    label = "callouts"
