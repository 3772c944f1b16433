"""Demo requests for help (for `manage.py seed_demo`; local use only). Names and numbers are made up."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from aidhub.core import availability
from aidhub.core.models import Category, Language
from aidhub.lib.languages import interface_language
from aidhub.needs.models import HelpRequest
from aidhub.needs.services import status_path, status_token_for_submission

EVENINGS = availability.mask_from_slots((day, 2) for day in range(5))

# (demo id, category, language, area, first name, method, contact, urgency, status, hours ago, description)
REQUESTS = [
    ("demo-request-0001", Category.FOOD, "es", "eastside", "Rosa", "text", "+12025550143", "today", "new", 3,
     "Tres niños, sin comida desde ayer."),
    ("demo-request-0002", Category.INTERPRETING, "ar", "westside", "Amal", "call", "+12025550178", "week", "reviewed", 30,
     "Need an interpreter for a school meeting on Thursday."),
    ("demo-request-0003", Category.RIDES, "mam", "north-hills", "Juan", "whatsapp", "+12025550112", "week", "new", 50,
     "Ride to a clinic appointment."),
    ("demo-request-0004", Category.SUPPLIES, "vi", "eastside", "Lan", "email", "lan@example.org", "flexible", "reviewed", 80,
     "Diapers size 4 and school supplies."),
    ("demo-request-0005", Category.EMOTIONAL, "prs", "harbor", "Farid", "text", "+12025550190", "week", "new", 12,
     "Someone to talk to, in Dari."),
    ("demo-request-0006", Category.FOOD, "es", "downtown", "Carmen", "text", "+12025550121", "week", "matching", 26,
     "Groceries for a family of five."),
    ("demo-request-0007", Category.INTERPRETING, "ar", "westside", "Huda", "text", "+12025550134", "week", "matched", 60,
     "Interpreter for a doctor's visit."),
]  # fmt: skip

ACCOUNTS: list[tuple[str, str]] = []


def seed(areas, **_context):
    """Creates the demo requests once; returns them by demo id."""
    requests = {}
    for demo_id, category, language, area, name, method, contact, urgency, status, hours, text in REQUESTS:
        submission_hash = hashlib.sha256(demo_id.encode()).hexdigest()
        help_request = HelpRequest.objects.filter(submission_hash=submission_hash).first()
        if help_request is None:
            created = timezone.now() - timedelta(hours=hours)
            help_request = HelpRequest(
                submission_hash=submission_hash,
                access_token_hash=hashlib.sha256(status_token_for_submission(demo_id).encode()).hexdigest(),
                category=category,
                language=Language.objects.get(code=language),
                area=areas[area],
                first_name=name,
                contact_method=method,
                contact_value=contact,
                best_times=EVENINGS,
                urgency=urgency,
                description=text,
                message_language=interface_language(language),
                status=status,
                created_at=created,
                status_changed_at=created,
            )
            help_request.create_with_code()
        requests[demo_id] = help_request
    token = status_token_for_submission("demo-request-0001")
    ACCOUNTS[:] = [(settings.SITE_URL + status_path(token, "es"), "a family's private status link (Rosa)")]
    return {"help_requests": requests}
