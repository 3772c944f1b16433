"""aidhub.lib.formfields.model_choices: a form narrowing a choice among rows gets that field, and a field that is no
such choice (renamed or redeclared) fails loudly instead of taking a queryset nothing reads."""

import pytest
from django import forms

from aidhub.core.models import Area, Language
from aidhub.lib.formfields import model_choices


class PlaceForm(forms.Form):
    language = forms.ModelChoiceField(queryset=Language.objects.none())
    areas = forms.ModelMultipleChoiceField(queryset=Area.objects.none())
    note = forms.CharField()


def test_a_choice_among_rows_is_the_forms_own_field():
    form = PlaceForm()
    assert model_choices(form, "language") is form.fields["language"]
    assert model_choices(form, "areas") is form.fields["areas"]


def test_a_field_that_is_no_choice_among_rows_is_refused_by_name():
    with pytest.raises(TypeError, match=r"PlaceForm\.note is a CharField"):
        model_choices(PlaceForm(), "note")
