"""Views read top to bottom: access helper → form → service → redirect. They never write (issue 15, item 2).

Every write goes through a keyword-only service `<noun>_<verb>(*, actor, …)` that takes plain data, runs in
`transaction.atomic`, writes the audit entry where the action is sensitive and renews cached fragments. A view
that saves, creates, updates or deletes rows itself (a ModelForm's save() included), or renews a cached fragment
itself, fails here: write a service and call it. Cached fragments are renewed (`fragments.bump`) by services, by
the save and delete methods of models shown in them, and by the admin's save hooks (Django's admin saves itself).
"""

import ast
import inspect
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(settings.BASE_DIR)

# Methods that write rows (QuerySet, Manager, Model and ModelForm alike), and renewing cached fragments.
WRITES = {
    "save",
    "create",
    "delete",
    "update",
    "update_or_create",
    "get_or_create",
    "bulk_create",
    "bulk_update",
    "bump",
}


def _view_modules_of(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _view_modules_of(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            yield inspect.unwrap(pattern.callback).__module__


def view_modules():
    """Every module of ours that a URL pattern's view lives in, and every module named views or in a views package
    (the access helpers beside the views)."""
    named = {
        path
        for path in (ROOT / "aidhub").rglob("*.py")
        if "views" in path.parts or path.stem == "views" or path.parent.name == "views"
    }
    routed = {
        ROOT.joinpath(*module.split(".")).with_suffix(".py")
        for module in _view_modules_of(get_resolver().url_patterns)
        if module.startswith("aidhub.")
    }
    return sorted(path for path in named | routed if path.exists())


def writes_in(source):
    """(line, call) of each call in this source to a method that writes."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
            yield node.lineno, ast.unparse(node.func)


def test_views_are_found():
    found = {path.relative_to(ROOT).as_posix() for path in view_modules()}
    assert {"aidhub/offers/views.py", "aidhub/events/views/organize.py", "aidhub/core/health.py"} <= found


def test_no_view_writes():
    writes = [
        f"{path.relative_to(ROOT)}:{line}: {call}()"
        for path in view_modules()
        for line, call in writes_in(path.read_text(encoding="utf-8"))
    ]
    assert writes == []


def test_the_check_sees_each_kind_of_write():
    source = """
def view(request, pk):
    form.save()
    offer.save(update_fields=["status"])
    Shift.objects.create(event=event)
    shift.delete()
    Offer.objects.filter(pk=pk).update(status="paused")
    CalendarFeed.objects.update_or_create(user=request.user)
    Vetting.objects.get_or_create(volunteer=request.user)
    AppointmentSlot.objects.bulk_create(new)
    fragments.bump("offers")
"""
    assert [call for _line, call in writes_in(source)] == [
        "form.save",
        "offer.save",
        "Shift.objects.create",
        "shift.delete",
        "Offer.objects.filter(pk=pk).update",
        "CalendarFeed.objects.update_or_create",
        "Vetting.objects.get_or_create",
        "AppointmentSlot.objects.bulk_create",
        "fragments.bump",
    ]


def _renews_fragments(path):
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "bump"
        and ast.unparse(node.func.value) == "fragments"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    )


def _may_renew_fragments(path):
    return bool({"services", "models"} & {path.stem, path.parent.name}) or path.stem == "admin"


def test_cached_fragments_are_renewed_by_services_models_and_the_admin_only():
    renewing = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "aidhub").rglob("*.py"))
        if "migrations" not in path.parts and _renews_fragments(path)
    ]
    assert "aidhub/offers/services.py" in renewing
    assert [path for path in renewing if not _may_renew_fragments(ROOT / path)] == []
