"""Who an alert reaches, before anyone sends it: the recipient summary both organizers read (issue 17).

Counted in the database (two aggregate queries, whatever the number of subscribers): confirmed subscribers in
reach of the alert's areas per language and channel, and per area they subscribed to. A subscriber whose language
has no text of the alert receives the main language's text: the summary says how many, per language, so that
sending with a fallback is a choice someone made (aidhub.alerts.forms.FallbackChoiceMixin).
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count

from aidhub.alerts.models import Alert, Subscriber
from aidhub.alerts.models.subscribers import reach_of
from aidhub.core.models import Language


@dataclass(frozen=True)
class LanguageRow:
    language: Language
    sms: int
    email: int
    # The language of the text this group receives: their own, or the alert's main language.
    receives: Language

    @property
    def total(self) -> int:
        return self.sms + self.email

    @property
    def is_fallback(self) -> bool:
        return self.receives.pk != self.language.pk


@dataclass(frozen=True)
class AreaRow:
    name: str
    count: int


@dataclass(frozen=True)
class RecipientSummary:
    main_language: Language
    languages: list[LanguageRow] = field(default_factory=list)
    areas: list[AreaRow] = field(default_factory=list)

    @property
    def total(self) -> int:
        # Each subscriber has one language and one channel: the groups do not overlap.
        return sum(row.total for row in self.languages)

    @property
    def sms(self) -> int:
        return sum(row.sms for row in self.languages)

    @property
    def email(self) -> int:
        return sum(row.email for row in self.languages)

    @property
    def fallbacks(self) -> list[LanguageRow]:
        return [row for row in self.languages if row.is_fallback]

    @property
    def fallback_count(self) -> int:
        return sum(row.total for row in self.fallbacks)

    def fallback_languages_text(self) -> str:
        """ "العربية (Arabic): 2, Tiếng Việt (Vietnamese): 1", for the choice's label."""
        return ", ".join(f"{row.language}: {row.total}" for row in self.fallbacks)

    def as_audit(self) -> dict[str, Any]:
        """Counts only, by language code and channel: what the audit log keeps of the summary."""
        return {
            "total": self.total,
            "main_language": self.main_language.code,
            "by_language": {
                row.language.code: {"sms": row.sms, "email": row.email, "receives": row.receives.code}
                for row in self.languages
            },
            "fallback": {row.language.code: row.total for row in self.fallbacks},
        }


def recipient_summary(alert: Alert, *, by_area: bool = True) -> RecipientSummary:
    """The confirmed subscribers this alert would reach now, per language and channel and per area, and who of
    them would receive the main language's text for want of a translation. Without `by_area`, no counts per area
    (the fallback check and the audit log read only the languages: the verification does not wait for them)."""
    areas = list(alert.areas.all())
    confirmed = Subscriber.objects.confirmed()
    by_language = (
        confirmed.in_reach_of(areas)
        .values("language", "channel")
        .annotate(n=Count("pk"))
        .order_by("language", "channel")
    )
    counts: dict[int, dict[str, int]] = {}
    for row in by_language:
        counts.setdefault(row["language"], {})[row["channel"]] = row["n"]
    texts = {text.language_id for text in alert.texts.all()}
    languages = Language.objects.in_bulk([*counts, alert.main_language_id])
    main = languages[alert.main_language_id]
    rows = [
        LanguageRow(
            language=languages[pk],
            sms=channels.get(Subscriber.Channel.SMS, 0),
            email=channels.get(Subscriber.Channel.EMAIL, 0),
            receives=languages[pk] if pk in texts else main,
        )
        for pk, channels in counts.items()
    ]
    rows.sort(key=lambda row: (-row.total, row.language.name_en))
    if not by_area:
        return RecipientSummary(main_language=main, languages=rows)
    by_area_rows = (
        confirmed.filter(areas__in=reach_of(areas))
        .values("areas__name")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "areas__name")
    )
    return RecipientSummary(
        main_language=main,
        languages=rows,
        areas=[AreaRow(name=row["areas__name"], count=row["n"]) for row in by_area_rows],
    )
