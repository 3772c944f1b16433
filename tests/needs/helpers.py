import re
import secrets

from tests.factories import language
from tests.helpers import antibot_fields


def help_form(place, **changes):
    data = {
        "category": "food",
        "language": language("es").pk,
        "area": place.pk,
        "first_name": "Rosa",
        "contact_method": "text",
        "contact_value": "(202) 555-0143",
        "best_times": ["2", "5"],
        "urgency": "today",
        "description": "Tres niños, sin comida desde ayer.",
        "submission_id": secrets.token_urlsafe(18),
        **antibot_fields(),
    }
    data.update(changes)
    return data


def token_from(location):
    """The private token from a redirect to the status page."""
    return re.search(r"[?&]k=([A-Za-z0-9_-]+)", location).group(1)
