from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from aidhub.core.languagefields import LanguageChoiceField, LanguagesField
from aidhub.core.models import Language
from aidhub.core.selectors import organized_organizations, organizer_areas
from aidhub.events.models import AppointmentSlot, ContactKind, Event, Shift, SupplyItem
from aidhub.lib.antibot import AntiBotFormMixin
from aidhub.lib.formfields import model_choices
from aidhub.lib.phones import normalise_phone

MAX_SLOTS = 100


class DateTimeInput(forms.DateTimeInput):
    """The browser's own date-and-time picker; the value is read in the site's time zone."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm[Event]):
    kind = forms.ChoiceField(label=_("Kind of event"), choices=Event.Kind.choices, widget=forms.RadioSelect)
    languages = LanguagesField(
        label=_("Languages offered (interpretation available)"),
        queryset=Language.objects.active(),
        required=False,
    )

    class Meta:
        model = Event
        fields = [
            "organization", "kind", "title", "description", "original_language", "starts_at", "ends_at", "area",
            "venue", "address", "languages", "accessibility", "childcare", "capacity",
        ]  # fmt: skip
        # dir="auto": a text in another script than the page's runs in its own direction while it is typed.
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "description": forms.Textarea(attrs={"rows": 5, "maxlength": 4000, "dir": "auto"}),
            "accessibility": forms.Textarea(attrs={"rows": 2, "maxlength": 1000, "dir": "auto"}),
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "venue": forms.RadioSelect,
        }
        help_texts = {
            "address": _("For example “Community hall, 12 Main Street”."),
            "accessibility": _("Step-free entrance, sign language, quiet room, toilets…"),
            "capacity": _(
                "Leave empty if people can just come. With a number, people register and a waiting list opens."
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        model_choices(self, "organization").queryset = organized_organizations(user)
        model_choices(self, "organization").empty_label = None
        model_choices(self, "area").queryset = organizer_areas(user).active()
        # Organizers usually write in the language they read the site in; left out, it stays as it was.
        self.fields["original_language"].required = False
        if self.instance.pk is None:
            self.initial.setdefault("original_language", translation.get_language())

    def clean_original_language(self):
        if self.cleaned_data["original_language"]:
            return self.cleaned_data["original_language"]
        return self.instance.original_language if self.instance.pk else translation.get_language()

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must be after the start."))
        if starts_at and self.instance.pk is None and starts_at < timezone.now():
            self.add_error("starts_at", _("The start must be in the future."))
        organization, area = cleaned.get("organization"), cleaned.get("area")
        if organization and area and not organization.areas.all().with_descendants().filter(pk=area.pk).exists():
            self.add_error("area", _("Choose an area that this organization serves."))
        if cleaned.get("venue") == Event.Venue.PUBLIC and not cleaned.get("address"):
            self.add_error("address", _("Write the address, or share it only with people who sign up."))
        return cleaned


class ShiftForm(forms.ModelForm):
    class Meta:
        model = Shift
        fields = ["role", "language", "note", "starts_at", "ends_at", "places"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        model_choices(self, "language").queryset = Language.objects.active()
        if self.instance.pk is None:
            self.initial.setdefault("starts_at", timezone.localtime(event.starts_at))
            self.initial.setdefault("ends_at", timezone.localtime(event.ends_at))

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at:
            if ends_at <= starts_at:
                self.add_error("ends_at", _("The end must be after the start."))
            elif starts_at < self.event.starts_at - timedelta(hours=12) or ends_at > self.event.ends_at + timedelta(
                hours=12
            ):
                self.add_error("starts_at", _("A shift must be within 12 hours of the event."))
        if cleaned.get("role") == Shift.Role.INTERPRETER and not cleaned.get("language"):
            self.add_error("language", _("Choose the language to interpret."))
        places = cleaned.get("places")
        if self.instance.pk and places and places < self.instance.signups.count():
            self.add_error("places", _("More volunteers have already signed up than this number."))
        return cleaned


class SlotGenerateForm(forms.Form):
    """“20 minutes from 18:00 to 21:00, 3 families each” becomes nine slots."""

    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    first_start = forms.TimeField(label=_("First slot starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    last_end = forms.TimeField(label=_("Last slot ends"), widget=forms.TimeInput(attrs={"type": "time"}))
    minutes = forms.IntegerField(label=_("Minutes per slot"), min_value=5, max_value=240, initial=20)
    places = forms.IntegerField(label=_("Families per slot"), min_value=1, max_value=50, initial=1)
    shift = forms.ModelChoiceField(
        label=_("Served by the volunteers of this shift"),
        queryset=Shift.objects.none(),
        required=False,
        empty_label=_("Nobody yet"),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        model_choices(self, "shift").queryset = event.shifts.select_related("language")
        start = timezone.localtime(event.starts_at)
        self.initial.setdefault("date", start.date())
        self.initial.setdefault("first_start", start.time().replace(second=0, microsecond=0))
        self.initial.setdefault("last_end", timezone.localtime(event.ends_at).time().replace(second=0, microsecond=0))

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if self.errors:
            return cleaned
        tz = timezone.get_current_timezone()
        start = datetime.combine(cleaned["date"], cleaned["first_start"], tzinfo=tz)
        end = datetime.combine(cleaned["date"], cleaned["last_end"], tzinfo=tz)
        step = timedelta(minutes=cleaned["minutes"])
        if end - start < step:
            raise ValidationError(_("The last slot must end at least one slot after the first one starts."))
        if start < self.event.starts_at or end > self.event.ends_at:
            raise ValidationError(_("Slots must be within the event's time."))
        times = []
        while start + step <= end:
            times.append((start, start + step))
            start += step
        if len(times) > MAX_SLOTS:
            raise ValidationError(_("That is too many slots at once. Use longer slots or a shorter time."))
        cleaned["times"] = times
        return cleaned


class SupplyItemForm(forms.ModelForm):
    class Meta:
        model = SupplyItem
        fields = ["name", "quantity"]
        help_texts = {"name": _("For example “Blankets” or “Hot meals”.")}

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if self.event.supplies.filter(name__iexact=name).exists():
            raise ValidationError(_("This item is already on the list."))
        return name


class ContactForm(forms.Form):
    """The least we need from someone without an account: a first name, one way to reach them, a language."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=60,
        help_text=_("Only your first name, or a name you like to be called."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    contact_kind = forms.ChoiceField(
        label=_("How should we reach you?"), choices=ContactKind.choices, widget=forms.RadioSelect
    )
    contact = forms.CharField(
        label=_("Phone number or email"),
        max_length=254,
        help_text=_("Only one. We use it for this event and nothing else."),
        widget=forms.TextInput(attrs={"dir": "ltr"}),
    )
    language = LanguageChoiceField(
        label=_("Your language"),
        queryset=Language.objects.active(),
        help_text=_("We send messages in this language when we can, and plan interpreters."),
    )

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        kind, contact = cleaned.get("contact_kind"), cleaned.get("contact", "").strip()
        if not kind or not contact:
            return cleaned
        if kind == ContactKind.PHONE:
            try:
                cleaned["contact"] = normalise_phone(contact)
            except ValidationError as error:
                self.add_error("contact", error)
        else:
            try:
                validate_email(contact)
            except ValidationError:
                self.add_error("contact", _("Write an email address, for example name@example.org."))
            cleaned["contact"] = contact.lower()
        return cleaned


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, slot):
        return slot_time(slot)


def slot_time(slot):
    """“6:20 p.m. – 6:40 p.m.” in the reader's language and the site's time zone."""
    start = formats.time_format(timezone.localtime(slot.starts_at), "TIME_FORMAT")
    end = formats.time_format(timezone.localtime(slot.ends_at), "TIME_FORMAT")
    return f"{start} – {end}"


def open_slots(event):
    """Slots that still have room, with their counts."""
    slots = AppointmentSlot.objects.filter(event=event).with_counts()
    return [slot for slot in slots if slot.booked < slot.places]


class RegistrationForm(AntiBotFormMixin, ContactForm):
    antibot_scope = "events.registration"


class BookingForm(AntiBotFormMixin, ContactForm):
    antibot_scope = "events.booking"
    field_order = ["slot", "first_name", "contact_kind", "contact", "language"]

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [slot.pk for slot in open_slots(event)]
        self.fields["slot"] = SlotChoiceField(
            label=_("Time"), queryset=event.slots.filter(pk__in=ids), widget=forms.RadioSelect, empty_label=None
        )
        self.order_fields([*self.field_order, "antibot"])


class MoveBookingForm(forms.Form):
    def __init__(self, *args, booking, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [slot.pk for slot in open_slots(booking.event) if slot.pk != booking.slot_id]
        self.fields["slot"] = SlotChoiceField(
            label=_("New time"), queryset=booking.event.slots.filter(pk__in=ids), widget=forms.RadioSelect
        )


class PledgeItemField(forms.ModelChoiceField):
    def label_from_instance(self, item):
        return _("%(name)s (%(missing)s still needed)") % {"name": item.translated("name"), "missing": item.missing}


class PledgeForm(AntiBotFormMixin, forms.Form):
    antibot_scope = "events.pledge"

    item = PledgeItemField(label=_("What you will bring"), queryset=SupplyItem.objects.none(), empty_label=None)
    quantity = forms.IntegerField(label=_("How many"), min_value=1, max_value=100000, initial=1)
    first_name = forms.CharField(label=_("First name"), max_length=60)
    contact = forms.CharField(
        label=_("Phone or email (optional)"),
        max_length=254,
        required=False,
        help_text=_("So the organizers can reach you about the drop-off."),
        widget=forms.TextInput(attrs={"dir": "ltr"}),
    )

    def __init__(self, *args, event, user, **kwargs):
        super().__init__(*args, **kwargs)
        missing = [item.pk for item in event.supplies.with_counts() if item.missing > 0]
        # Counted items, so that each choice can say how many are still needed.
        model_choices(self, "item").queryset = event.supplies.with_counts().filter(pk__in=missing)
        if user.is_authenticated:
            del self.fields["first_name"], self.fields["contact"]
