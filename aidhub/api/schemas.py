"""What the API answers and accepts, typed with pydantic (ninja's Schema). Families' contact fields appear only in
RequestContactOut, which only a token that may read contacts gets, and each answer is audited."""

from datetime import datetime
from typing import Any

from ninja import Field, Schema

# ---- reference data ----


class AreaOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    parent_id: int | None


class LanguageOut(Schema):
    id: int = Field(description="What the `language` filters take.")
    code: str
    name_en: str
    native_name: str
    is_rtl: bool


class CategoryOut(Schema):
    code: str
    label: str


# ---- pages of results ----


class PageInfo(Schema):
    count: int = Field(description="How many results there are in all.")
    page: int
    pages: int


class CursorInfo(Schema):
    next_cursor: str = Field(description="Pass it as `after` for the next (older) results; empty on the last.")
    previous_cursor: str = Field(description="Pass it as `before` for the previous results; empty on the first.")


# ---- public ----


class PublicOfferOut(Schema):
    id: int
    category: str
    title: str
    description: str
    capacity: int
    languages: list[str] = Field(description="Codes of the languages the volunteer speaks.")
    areas: list[int] = Field(description="Ids of the areas the volunteer reaches.")
    published_at: datetime | None

    @staticmethod
    def resolve_languages(offer: Any) -> list[str]:
        return [language.code for language in offer.languages.all()]

    @staticmethod
    def resolve_areas(offer: Any) -> list[int]:
        return [area.pk for area in offer.areas.all()]


class PublicOffersOut(CursorInfo):
    count: int
    items: list[PublicOfferOut]


class ShiftOut(Schema):
    id: int
    role: str
    language: str | None
    starts_at: datetime
    ends_at: datetime
    places: int
    taken: int

    @staticmethod
    def resolve_language(shift: Any) -> str | None:
        return shift.language.code if shift.language_id else None


class SlotOut(Schema):
    id: int
    starts_at: datetime
    ends_at: datetime
    places: int
    booked: int


class PublicEventOut(Schema):
    id: int
    kind: str
    status: str
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    area: int
    organization: str
    address: str = Field(description="Empty when the organizers share it only with people who signed up.")
    languages: list[str]
    childcare: bool
    open_volunteer_places: int
    open_interpreter_places: int
    shifts: list[ShiftOut] = Field(description="Shifts not over yet, with places taken.")
    slots: list[SlotOut] = Field(description="Appointment slots not over yet, with places booked.")

    @staticmethod
    def resolve_title(event: Any) -> str:
        return str(event.translated("title"))

    @staticmethod
    def resolve_description(event: Any) -> str:
        return str(event.translated("description"))

    @staticmethod
    def resolve_area(event: Any) -> int:
        return int(event.area_id)

    @staticmethod
    def resolve_organization(event: Any) -> str:
        return str(event.organization.name)

    @staticmethod
    def resolve_address(event: Any) -> str:
        return str(event.address) if event.address_is_public else ""

    @staticmethod
    def resolve_languages(event: Any) -> list[str]:
        return [language.code for language in event.languages.all()]

    @staticmethod
    def resolve_shifts(event: Any) -> list[Any]:
        return list(event.upcoming_shifts)

    @staticmethod
    def resolve_slots(event: Any) -> list[Any]:
        return list(event.upcoming_slots)


class PublicEventsOut(PageInfo):
    items: list[PublicEventOut]


class ResourceOut(Schema):
    id: int
    kind: str
    topic: str
    language: str
    title: str
    description: str
    url: str
    organization: str
    published_at: datetime | None

    @staticmethod
    def resolve_language(resource: Any) -> str:
        return str(resource.language.code)

    @staticmethod
    def resolve_title(resource: Any) -> str:
        return str(resource.translated("title"))

    @staticmethod
    def resolve_description(resource: Any) -> str:
        return str(resource.translated("description"))

    @staticmethod
    def resolve_organization(resource: Any) -> str:
        return str(resource.organization.name)


class ResourcesOut(PageInfo):
    items: list[ResourceOut]


# ---- organizers ----


class OfferOut(PublicOfferOut):
    status: str
    submitted_at: datetime
    volunteer_id: int


class OffersOut(PageInfo):
    items: list[OfferOut]


class ReviewIn(Schema):
    decision: str = Field(description="`approve` or `send_back`.")
    reason: str = Field("", description="With `send_back`: why (see the offer review page's reasons).")
    note: str = Field("", max_length=1000, description="With `send_back`: a note to the volunteer.")


class RequestOut(Schema):
    """A request without the family's name, contact or description."""

    id: int
    reference_code: str
    category: str
    language: str
    area: int
    urgency: str
    status: str
    source: str
    created_at: datetime
    status_changed_at: datetime

    @staticmethod
    def resolve_language(help_request: Any) -> str:
        return str(help_request.language.code)

    @staticmethod
    def resolve_area(help_request: Any) -> int:
        return int(help_request.area_id)


class RequestsOut(PageInfo):
    items: list[RequestOut]


class RequestContactOut(Schema):
    id: int
    first_name: str
    contact_method: str
    contact_value: str
    description: str


class IntakeIn(Schema):
    """What the hotline intake form asks, as the family told it on the phone."""

    category: str
    language: int = Field(description="Id of the language the family speaks (see /api/public/languages).")
    area: int
    first_name: str = Field(max_length=60)
    contact_method: str
    contact_value: str = Field("", max_length=200)
    partner_organization: int | None = None
    urgency: str
    description: str = Field("", max_length=1000)
    submission_id: str = Field(
        "", description="A one-time id you choose (as the form's): sending the same one twice makes one request."
    )


class IntakeOut(Schema):
    id: int
    reference_code: str
    created: bool
    status_link: str = Field(description="The family's private link: read it out or text it, never store it.")


class MatchOut(Schema):
    id: int
    request: int
    offer: int | None
    volunteer_id: int
    status: str
    decline_reason: str
    proposed_at: datetime
    answered_at: datetime | None
    done_at: datetime | None

    @staticmethod
    def resolve_request(match: Any) -> int:
        return int(match.help_request_id)

    @staticmethod
    def resolve_offer(match: Any) -> int | None:
        return match.offer_id


class MatchesOut(PageInfo):
    items: list[MatchOut]


class ProposeIn(Schema):
    request: int
    offer: int


class EventOut(Schema):
    id: int
    organization: int
    kind: str
    status: str
    title: str
    starts_at: datetime
    ends_at: datetime
    area: int
    capacity: int | None

    @staticmethod
    def resolve_organization(event: Any) -> int:
        return int(event.organization_id)

    @staticmethod
    def resolve_area(event: Any) -> int:
        return int(event.area_id)


class EventsOut(PageInfo):
    items: list[EventOut]


class EventIn(Schema):
    organization: int
    kind: str
    title: str = Field(max_length=120)
    description: str = Field(max_length=4000)
    original_language: str = ""
    starts_at: datetime
    ends_at: datetime
    area: int
    venue: str = "public"
    address: str = Field("", max_length=200)
    languages: list[int] = Field([], description="Ids of the languages offered.")
    accessibility: str = Field("", max_length=1000)
    childcare: bool = False
    capacity: int | None = None


class ShiftIn(Schema):
    role: str
    language: int | None = Field(None, description="For interpreters: id of the language besides English.")
    note: str = Field("", max_length=200)
    starts_at: datetime
    ends_at: datetime
    places: int = 1


class ShiftCreatedOut(Schema):
    id: int
    event: int
    role: str
    starts_at: datetime
    ends_at: datetime
    places: int

    @staticmethod
    def resolve_event(shift: Any) -> int:
        return int(shift.event_id)


class SignupOut(Schema):
    id: int
    shift: int
    role: str
    volunteer_id: int
    volunteer_name: str
    signed_up_at: datetime

    @staticmethod
    def resolve_shift(signup: Any) -> int:
        return int(signup.shift_id)

    @staticmethod
    def resolve_role(signup: Any) -> str:
        return str(signup.shift.role)

    @staticmethod
    def resolve_volunteer_name(signup: Any) -> str:
        return str(signup.volunteer.display_name)

    @staticmethod
    def resolve_signed_up_at(signup: Any) -> datetime:
        created: datetime = signup.created_at
        return created


class SignupsOut(PageInfo):
    items: list[SignupOut]


class AlertDraftIn(Schema):
    organization: int | None = Field(None, description="Needed only by organizers of several organizations.")
    severity: str
    areas: list[int]
    texts: dict[str, str] = Field(description="Text per language code; the organization's main language first.")


class AlertDraftOut(Schema):
    id: int
    status: str
    severity: str
    organization: int

    @staticmethod
    def resolve_organization(alert: Any) -> int:
        return int(alert.organization_id)
