"""Demo subscribers, alerts and a community report (for `manage.py seed_demo`; local use only)."""

from datetime import timedelta

from django.utils import timezone

from aidhub.alerts.models import Alert, AlertText, Delivery, Report, Subscriber
from aidhub.alerts.models.subscribers import address_hash
from aidhub.core.models import Language, Membership
from aidhub.devdata.demo.core import demo_user, with_two_factor
from aidhub.lib.tokens import new_access_token

ACCOUNTS = [("verifier@example.org", "second organizer, Eastside Mutual Aid: verifies alerts")]

MAIN_LANGUAGES = {"eastside-mutual-aid": "en", "lakeview-families-network": "es"}

# (channel, address, language, area slugs)
SUBSCRIBERS = [
    ("sms", "+12025550101", "es", ["eastside"]),
    ("email", "amal@example.org", "ar", ["riverside"]),
    ("sms", "+12025550102", "en", ["westside"]),
    ("email", "minh.family@example.org", "vi", ["eastside"]),
]

VERIFIED = {
    "en": "Know-your-rights session moved to Eastside Library, Saturday 10am. Bring questions, not documents.",
    "es": "La charla de derechos se cambió a la Biblioteca de Eastside, sábado a las 10. Traiga preguntas, no documentos.",
    "ar": "نُقلت جلسة التعريف بالحقوق إلى مكتبة إيستسايد، السبت الساعة العاشرة صباحًا. أحضروا أسئلتكم، لا وثائقكم.",
}
DRAFT = "Food distribution at Westside park is cancelled today because of the storm. Next one on Thursday."
REPORT = "Two unmarked vans parked for an hour near the Eastside bus station this morning, then left."


def seed(areas, organizations, organizers, **_context):
    for slug, code in MAIN_LANGUAGES.items():
        organization = organizations[slug]
        if organization.main_language_id is None:
            organization.main_language = Language.objects.get(code=code)
            organization.save(update_fields=["main_language"])
    eastside_aid = organizations["eastside-mutual-aid"]
    verifier = with_two_factor(demo_user("verifier@example.org"))
    Membership.objects.get_or_create(organization=eastside_aid, user=verifier)
    subscribers = [_subscriber(areas, *row) for row in SUBSCRIBERS]
    author = organizers["organizer@example.org"]
    if not AlertText.objects.filter(text=VERIFIED["en"]).exists():
        alert = _alert(eastside_aid, author, [areas["eastside"]], VERIFIED, Alert.Severity.ACTION)
        alert.status, alert.verified_by, alert.verified_at = Alert.Status.SENT, verifier, timezone.now()
        alert.submitted_at = alert.verified_at - timedelta(minutes=20)
        alert.save()
        reached = Subscriber.objects.confirmed().in_reach_of([areas["eastside"]])
        Delivery.objects.bulk_create(
            Delivery(
                alert=alert, subscriber=subscriber, status=Delivery.Status.SENT, attempts=1, sent_at=alert.verified_at
            )
            for subscriber in reached
        )
    if not AlertText.objects.filter(text=DRAFT).exists():
        _alert(eastside_aid, author, [areas["westside"]], {"en": DRAFT}, Alert.Severity.INFORMATION)
    if not Report.objects.filter(status=Report.Status.NEW).exists():
        Report.objects.create(
            what=REPORT,
            area=areas["eastside"],
            happened_at=timezone.now() - timedelta(hours=3),
            contact="+1 202 555 0177",
        )
    return {"subscribers": subscribers}


def _subscriber(areas, channel, address, language_code, area_slugs):
    subscriber = Subscriber.objects.filter(channel=channel, address_hash=address_hash(channel, address)).first()
    if subscriber is None:
        subscriber = Subscriber(
            channel=channel,
            language=Language.objects.get(code=language_code),
            status=Subscriber.Status.CONFIRMED,
            confirmed_at=timezone.now(),
            token_hash=new_access_token()[1],
        )
        subscriber.set_address(address)
        subscriber.save()
        subscriber.areas.set([areas[slug] for slug in area_slugs])
    return subscriber


def _alert(organization, author, alert_areas, texts, severity):
    alert = Alert.objects.create(
        organization=organization, author=author, main_language=organization.alert_language(), severity=severity
    )
    alert.areas.set(alert_areas)
    for code, text in texts.items():
        AlertText.objects.create(alert=alert, language=Language.objects.get(code=code), text=text, written_by=author)
    return alert
