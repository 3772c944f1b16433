"""Who may open a family's request: the holder of one of its private links (the family's own pages, here and in
aidhub.matching), and the organizers of its area."""

from functools import wraps

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from aidhub.needs.models import HelpRequest
from aidhub.needs.services import find_family_request


class LinkReplaced(Exception):
    """The private link came with a page, but the family asked for a new one since: the old one explains itself."""


def request_for_family(request) -> tuple[HelpRequest, str]:
    """The request whose private token came with this page (query string) or form (POST body); a replaced link
    raises LinkReplaced (see `family_page`); anything else answers 404."""
    token = request.POST.get("k") or request.GET.get("k") or ""
    help_request, replaced = find_family_request(token)
    if replaced:
        raise LinkReplaced
    if help_request is None:
        raise Http404
    return help_request, token


def family_page(view):
    """A family's page, opened with its private link: an old, replaced link gets a plain page that says so and
    how to get the new one, whatever the page was."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LinkReplaced:
            return render(request, "needs/link_replaced.html", status=410)

    return wrapper


def request_for_organizer(request, pk) -> HelpRequest:
    """A request in the areas this organizer serves; any other answers 404."""
    queryset = HelpRequest.objects.visible_to_organizer(request.user).select_related("language", "area")
    return get_object_or_404(queryset, pk=pk)
