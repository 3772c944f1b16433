"""What importing each row would do: new, updated, unchanged, or an error per column, decided with a fixed number
of queries however many rows there are (areas, languages, accounts and their offers are looked up in bulk).

The preview shows it before anything is saved, and aidhub.imports.services.import_confirm asks it again at the
moment of importing (someone may have signed up in between).

An organizer must not learn whether an address has an account (the attacker's pass: no probing of addresses).
So only what their own organization imported is recognized ("updated", "imported before"); any other account
looks exactly like a new volunteer, and importing it tells that person instead of touching their account
(aidhub.imports.models.ImportNotice)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from aidhub.accounts.models import User
from aidhub.core.availability import ALL, bit
from aidhub.core.models import Area, Category, Language, Organization
from aidhub.core.selectors import Person, organizer_areas
from aidhub.imports.files import Row
from aidhub.imports.models import ImportedVolunteer, ImportNotice
from aidhub.offers.models import Offer

NEW = "new"
UPDATED = "updated"
UNCHANGED = "unchanged"
ERROR = "error"

DAYS = {
    "mon": [0], "tue": [1], "wed": [2], "thu": [3], "fri": [4], "sat": [5], "sun": [6],
    "weekdays": [0, 1, 2, 3, 4], "weekend": [5, 6], "weekends": [5, 6], "everyday": list(range(7)),
}  # fmt: skip
PARTS = {"morning": [0], "afternoon": [1], "evening": [2], "allday": [0, 1, 2]}


@dataclass
class Offered:
    """The offer a row brings."""

    category: str
    title: str
    description: str
    availability: int
    capacity: int


@dataclass
class Checked:
    """One row and what importing it would do."""

    line: int
    email: str
    name: str
    outcome: str = NEW
    errors: dict[str, str] = field(default_factory=dict)
    note: str = ""
    language: str = ""
    languages: list[Language] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    offer: Offered | None = None
    user: User | None = None
    # An account this organization did not import: shown as new, but importing only tells the person (never
    # shown: the organizer must not tell it from a new volunteer).
    notify: bool = False

    @property
    def error_list(self) -> list[tuple[str, str]]:
        return sorted(self.errors.items())

    def outcome_label(self) -> str:
        return {
            NEW: pgettext("import outcome", "New"),
            UPDATED: pgettext("import outcome", "Updated"),
            UNCHANGED: pgettext("import outcome", "Unchanged"),
            ERROR: pgettext("import outcome", "Error"),
        }[self.outcome]


@dataclass
class Lookups:
    """What the rows refer to, read in bulk: a constant number of queries for the whole file."""

    areas: dict[str, Area]
    languages: dict[str, Language]
    users: dict[str, User]
    offers: set[tuple[int, str, str]]
    # Accounts this organization's imports made, and people its imports told about: only these are recognized.
    imported: set[int]
    notified: set[int]

    @classmethod
    def for_rows(cls, actor: Person, organization: Organization | None, rows: Sequence[Row]) -> "Lookups":
        slugs = {slug for row in rows for slug in _split(row["areas"], lower=True)}
        codes = {code for row in rows for code in _split(row["languages"], lower=True)}
        emails = {row["email"].lower() for row in rows if row["email"]}
        areas = {area.slug: area for area in organizer_areas(actor).filter(slug__in=slugs)}
        languages = {language.code.lower(): language for language in Language.objects.active().filter(code__in=codes)}
        users: dict[str, User] = {}
        for user in User.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=emails):
            users[user.email.lower()] = user
        user_ids = [user.pk for user in users.values()]
        offers = {
            (volunteer_id, category, title.lower())
            for volunteer_id, category, title in Offer.objects.filter(volunteer_id__in=user_ids).values_list(
                "volunteer_id", "category", "title"
            )
        }
        imported = set(
            ImportedVolunteer.objects.filter(user_id__in=user_ids, batch__organization=organization).values_list(
                "user_id", flat=True
            )
        )
        notified = set(
            ImportNotice.objects.filter(user_id__in=user_ids, organization=organization).values_list(
                "user_id", flat=True
            )
        )
        return cls(areas=areas, languages=languages, users=users, offers=offers, imported=imported, notified=notified)


def check_rows(*, actor: Person, organization: Organization | None, rows: Sequence[Row]) -> list[Checked]:
    """What importing each row would do, for this organizer importing for this organization (the upload's): areas
    outside the organizer's organizations are unknown, accounts the organization did not import look new."""
    lookups = Lookups.for_rows(actor, organization, rows)
    seen: dict[str, int] = {}
    checked = []
    for row in rows:
        result = _check_row(row, lookups)
        email = result.email.lower()
        if email and "email" not in result.errors:
            if email in seen:
                result.errors["email"] = _("This address is already on line %(line)s of the file.") % {
                    "line": seen[email]
                }
            else:
                seen[email] = result.line
        if result.errors:
            result.outcome = ERROR
        else:
            _decide(result, lookups)
        checked.append(result)
    return checked


def _check_row(row: Row, lookups: Lookups) -> Checked:
    result = Checked(line=int(row["line"]), email=row["email"], name=row["name"])
    errors = result.errors
    if not row["email"]:
        errors["email"] = _("An email address is needed.")
    else:
        try:
            validate_email(row["email"])
        except ValidationError:
            errors["email"] = _("This is not a valid email address.")
    if len(row["name"]) > 60:
        errors["name"] = _("At most %(count)s characters.") % {"count": 60}
    interface = {code for code, _name in settings.LANGUAGES}
    result.language = row["language"].lower() or settings.LANGUAGE_CODE
    if result.language not in interface:
        errors["language"] = _("“%(code)s” is not a language of the site. Use one of: %(codes)s.") % {
            "code": row["language"],
            "codes": ", ".join(sorted(interface)),
        }
    unknown_languages = []
    for code in _split(row["languages"], lower=True):
        if code in lookups.languages:
            result.languages.append(lookups.languages[code])
        else:
            unknown_languages.append(code)
    if unknown_languages:
        errors["languages"] = _("Unknown language codes: %(codes)s.") % {"codes": ", ".join(unknown_languages)}
    unknown_areas = []
    for slug in _split(row["areas"], lower=True):
        if slug in lookups.areas:
            result.areas.append(lookups.areas[slug])
        else:
            unknown_areas.append(slug)
    if unknown_areas:
        errors["areas"] = _("None of your organizations' areas has the code %(codes)s.") % {
            "codes": ", ".join(unknown_areas)
        }
    elif not result.areas:
        errors["areas"] = _("At least one area is needed.")
    result.offer = _check_offer(row, errors)
    return result


def _check_offer(row: Row, errors: dict[str, str]) -> Offered | None:
    category = row["category"].lower()
    if not category:
        for column in ("title", "description"):
            if row[column]:
                errors["category"] = _("A kind of help is needed with an offer's title or description.")
        return None
    if category not in Category.values:
        errors["category"] = _("Unknown kind of help. Use one of: %(codes)s.") % {"codes": ", ".join(Category.values)}
    if not row["title"]:
        errors["title"] = _("An offer needs a title.")
    elif len(row["title"]) > 120:
        errors["title"] = _("At most %(count)s characters.") % {"count": 120}
    if not row["description"]:
        errors["description"] = _("An offer needs a description.")
    elif len(row["description"]) > 2000:
        errors["description"] = _("At most %(count)s characters.") % {"count": 2000}
    availability = parse_availability(row["availability"])
    if availability is None:
        errors["availability"] = _("Write any, or day-part pairs such as sat-morning;weekdays-evening.")
    capacity = 1
    if row["capacity"]:
        try:
            capacity = int(row["capacity"])
        except ValueError:
            capacity = 0
        if not 1 <= capacity <= 50:
            errors["capacity"] = _("A whole number from 1 to 50.")
    if errors:
        return None
    return Offered(category, row["title"], row["description"], availability or ALL, capacity)


def _decide(result: Checked, lookups: Lookups) -> None:
    """New account, an offer added to an account this organization's import made (its volunteer never signed in),
    nothing for what it imported or told before, or, for any other account, a row that reads exactly as a new one
    and whose import only tells the person."""
    user = lookups.users.get(result.email.lower())
    result.outcome = NEW
    if user is None:
        return
    pristine = user.last_login is None and not user.has_usable_password()
    if user.pk in lookups.imported and pristine:
        _decide_imported(result, user, lookups)
    elif user.pk in lookups.notified:
        result.outcome = UNCHANGED
        result.offer = None
        result.note = _("Imported before: nothing to change.")
    else:
        result.user = user
        result.notify = True


def _decide_imported(result: Checked, user: User, lookups: Lookups) -> None:
    result.user = user
    result.outcome = UNCHANGED
    offer = result.offer
    if offer is not None and (user.pk, offer.category, offer.title.lower()) not in lookups.offers:
        result.outcome = UPDATED
        result.note = _("Invited before: the offer is added, without a second invitation.")
    else:
        result.offer = None
        result.note = _("Imported before: nothing to change.")


def parse_availability(text: str) -> int | None:
    """ "any" or "" is any time; else day-part pairs separated by semicolons. None when unreadable."""
    text = text.strip().lower()
    if text in ("", "any"):
        return ALL
    mask = 0
    for pair in _split(text, lower=True):
        day, _dash, part = pair.partition("-")
        if day not in DAYS or part not in PARTS:
            return None
        for weekday in DAYS[day]:
            for part_index in PARTS[part]:
                mask |= bit(weekday, part_index)
    return mask or None


def _split(text: str, *, lower: bool = False) -> list[str]:
    values = [value.strip() for value in text.replace(",", ";").split(";")]
    return [value.lower() if lower else value for value in values if value]


def counts(checked: Iterable[Checked]) -> dict[str, int]:
    totals = {NEW: 0, UPDATED: 0, UNCHANGED: 0, ERROR: 0}
    for result in checked:
        totals[result.outcome] += 1
    return totals
