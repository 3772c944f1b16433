from django import template

from aidhub.messaging.segments import count_segments

register = template.Library()


@register.simple_tag
def alert_text(alert, language_code):
    """The alert's text in this language, or in its main language."""
    return alert.text_for(language_code)


@register.filter
def sms_segments(text):
    return count_segments(text or "")
