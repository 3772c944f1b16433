"""Organizers' endpoints for events, shifts and alert drafts: the organizer pages' forms and services, for the
token's owner. Verifying and sending an alert stays a human act on its page: the API only drafts."""

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from aidhub.accounts.models import User
from aidhub.alerts.forms import AlertForm
from aidhub.alerts.models import Alert
from aidhub.alerts.services.alerts import alert_save
from aidhub.api import auth, schemas
from aidhub.api.problems import Problem
from aidhub.api.views.paging import form_problem, numbered_page
from aidhub.core.selectors import acting_organization
from aidhub.events.forms import EventForm, ShiftForm
from aidhub.events.models import Event, ShiftSignup
from aidhub.events.services.events import event_save
from aidhub.events.services.shifts import shift_save

router = Router(auth=auth.READ, tags=["organizers"])


def _event_for_owner(owner: User, pk: int) -> Event:
    """An event of an organization the token's owner organizes for (events.views.access.get_event_for_organizer
    for a token); any other answers 404."""
    return get_object_or_404(Event.objects.organized_by(owner).select_related("area", "organization"), pk=pk)


class PageOnly(Schema):
    page: str = ""


@router.get("/events", response=schemas.EventsOut, url_name="events")
def events(request: HttpRequest, filters: Query[PageOnly]) -> dict[str, object]:
    """The events of the owner's organizations, newest first, drafts included."""
    rows = Event.objects.organized_by(auth.owner_of(request)).order_by("-starts_at", "-id")
    return numbered_page(rows, filters.page, settings.EVENTS_PER_PAGE)


@router.post("/events", response={201: schemas.EventOut}, auth=auth.WRITE, url_name="event_create")
def event_create(request: HttpRequest, payload: schemas.EventIn) -> Status[Event]:
    """A new event, as a draft (publishing it stays on its page), through the event form's rules."""
    owner = auth.owner_of(request)
    data = {key: value for key, value in payload.dict().items() if value is not None}
    form = EventForm(data, user=owner)
    if not form.is_valid():
        raise form_problem(form.errors)
    return Status(201, event_save(actor=owner, **form.cleaned_data))


@router.post(
    "/events/{int:pk}/shifts", response={201: schemas.ShiftCreatedOut}, auth=auth.WRITE, url_name="shift_create"
)
def shift_create(request: HttpRequest, pk: int, payload: schemas.ShiftIn) -> Status[object]:
    """A volunteer shift at one of the owner's events, through the shift form's rules."""
    owner = auth.owner_of(request)
    event = _event_for_owner(owner, pk)
    data = {key: value for key, value in payload.dict().items() if value is not None}
    form = ShiftForm(data, event=event)
    if not form.is_valid():
        raise form_problem(form.errors)
    return Status(201, shift_save(actor=owner, event=event, **form.cleaned_data))


@router.get("/events/{int:pk}/signups", response=schemas.SignupsOut, url_name="event_signups")
def event_signups(request: HttpRequest, pk: int, filters: Query[PageOnly]) -> dict[str, object]:
    """Who signed up for the event's shifts (as its organizer page lists them)."""
    event = _event_for_owner(auth.owner_of(request), pk)
    rows: QuerySet[ShiftSignup] = (
        ShiftSignup.objects.filter(shift__event=event)
        .select_related("shift", "volunteer__volunteer_profile")
        .order_by("shift__starts_at", "created_at", "id")
    )
    return numbered_page(rows, filters.page, settings.EVENTS_PER_PAGE)


@router.post("/alerts", response={201: schemas.AlertDraftOut}, auth=auth.WRITE, url_name="alert_draft")
def alert_draft(request: HttpRequest, payload: schemas.AlertDraftIn) -> Status[Alert]:
    """A draft alert, through the alert form's rules. Submitting it, and a second organizer verifying it, happen
    on its page: the API never sends an alert."""
    owner = auth.owner_of(request)
    organization = payload.organization
    if organization is None:
        acting = acting_organization(owner)
        organization = acting.pk if acting is not None else None
    texts = {f"text_{code}": text for code, text in payload.texts.items()}
    data = {"organization": organization, "severity": payload.severity, "areas": payload.areas, **texts}
    form = AlertForm(data, user=owner)
    unknown = sorted(set(payload.texts) - {language.code for language in form.languages})
    if unknown:
        errors = [
            {"loc": ["body", "texts", code], "msg": _("Not a language of this organization's alerts.")}
            for code in unknown
        ]
        raise Problem(422, "invalid", _("Some parameters or fields are not valid."), errors=errors)
    if not form.is_valid():
        raise form_problem(form.errors)
    fields = {name: form.cleaned_data[name] for name in ("organization", "severity", "areas")}
    return Status(201, alert_save(actor=owner, texts=form.texts(), **fields))
