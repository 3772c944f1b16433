from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aidhub.insights.selectors import DEFAULT_WEEKS, MAX_WEEKS, WEEK_CHOICES, Period

WEEK_LABELS = {4: _("Last 4 weeks"), 12: _("Last 12 weeks"), 52: _("Last 52 weeks")}


class PeriodForm(forms.Form):
    """Which weeks the charts cover: the last 4, 12 or 52 weeks, or from one date to another. Read from the query
    string; whatever is wrong in it is said, and the charts show the default period meanwhile."""

    weeks = forms.TypedChoiceField(
        label=_("Period"),
        # "The dates below" when the period is given by its dates, so that the list never names another period.
        choices=[("", _("The dates below")), *((weeks, WEEK_LABELS[weeks]) for weeks in WEEK_CHOICES)],
        coerce=int,
        required=False,
        empty_value=None,
        initial=DEFAULT_WEEKS,
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self) -> dict[str, object] | None:
        super().clean()
        start, end = self.cleaned_data.get("start"), self.cleaned_data.get("end")
        if start is None and end is None:
            return self.cleaned_data
        if start is None or end is None:
            raise ValidationError(_("Give both dates, or neither."), code="one_date")
        if end < start:
            raise ValidationError(_("The second date must not be before the first."), code="order")
        if end > timezone.localdate() + timedelta(days=366):
            raise ValidationError(_("Choose dates in the past or the coming year."), code="future")
        if Period.between(start, end).weeks > MAX_WEEKS:
            raise ValidationError(_("Choose at most %(weeks)s weeks."), code="too_long", params={"weeks": MAX_WEEKS})
        return self.cleaned_data

    def period(self) -> Period:
        """The period asked for, or the default one when nothing or something wrong was asked."""
        if not self.is_bound or not self.is_valid():
            return Period.last_weeks(DEFAULT_WEEKS)
        start, end = self.cleaned_data.get("start"), self.cleaned_data.get("end")
        if start is not None and end is not None:
            return Period.between(start, end)
        return Period.last_weeks(self.cleaned_data.get("weeks") or DEFAULT_WEEKS)
