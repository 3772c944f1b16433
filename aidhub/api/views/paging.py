"""Pages and filters of API lists: the FilterSets and page sizes of the pages themselves, errors as problems."""

from typing import Any

import django_filters
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from aidhub.api.problems import Problem


def filtered(filterset: django_filters.FilterSet) -> QuerySet[Any]:
    """The FilterSet's rows, or a 422 problem naming the parameters that are not valid (the pages ignore them;
    a program should learn that its filter did nothing)."""
    if filterset.is_bound and not filterset.is_valid():
        errors = [{"loc": ["query", name], "msg": " ".join(messages)} for name, messages in filterset.errors.items()]
        raise Problem(422, "invalid", _("Some parameters or fields are not valid."), errors=errors)
    return filterset.qs


def numbered_page(queryset: QuerySet[Any], page: str | None, per_page: int) -> dict[str, Any]:
    """One page of `queryset` as the pages number them (an unknown page number gives the nearest page)."""
    current = Paginator(queryset, per_page).get_page(page)
    return {
        "count": current.paginator.count,
        "page": current.number,
        "pages": current.paginator.num_pages,
        "items": list(current.object_list),
    }


def form_problem(errors: Any) -> Problem:
    """A 422 problem from a Django form's errors (the pages' forms decide what is valid)."""
    listed = [{"loc": ["body", name], "msg": " ".join(messages)} for name, messages in errors.items()]
    return Problem(422, "invalid", _("Some parameters or fields are not valid."), errors=listed)
