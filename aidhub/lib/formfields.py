"""A form's fields by name, as what they are. `form.fields["area"]` is a plain `Field` to the type checker, and a
form that narrows a choice to what the person may choose sets its queryset: this says it is a choice among rows,
and fails loudly where it is not (a field renamed or redeclared), instead of setting an attribute nothing reads."""

from typing import Any

from django import forms


def model_choices(form: forms.BaseForm, name: str) -> "forms.ModelChoiceField[Any]":
    """The field `name` of the form: a choice among rows (ModelChoiceField, or ModelMultipleChoiceField)."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is a {type(field).__name__}, not a choice among rows")
    return field
