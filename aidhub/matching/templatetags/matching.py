"""Matching's part of the organizers' request pages, which live in aidhub.needs: the volunteers asked for a request,
their answers and check-ins (`{% request_matches help_request %}` on needs:request_detail), and the queue's flag
for proposals nobody answered (`{% overdue_proposals page.object_list as overdue %}` on needs:queue); and the
interpreters a legal aid night needs (`{% interpreters_for … %}` on events:manage).

aidhub.needs never imports matching: its templates load this library, so that a request has one home and matching
keeps its own rules (Match.objects.overdue) in its own code.
"""

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.translation import get_language

from aidhub.core.models import Area, Language, NetworkSettings
from aidhub.lib import fragments
from aidhub.matching.models import FamilyCheckIn, Match
from aidhub.matching.ranking import Suggestion
from aidhub.matching.suggestions import interpreter_suggestions_for_language
from aidhub.needs.models import HelpRequest

register = template.Library()


@register.inclusion_tag("matching/_request_matches.html")
def request_matches(help_request: HelpRequest) -> dict[str, Any]:
    """The volunteers asked for this request, with their answers and check-ins, and the way to ask one."""
    matches = Match.objects.filter(help_request=help_request)
    overdue = matches.overdue(NetworkSettings.load().proposal_timeout_hours)
    return {
        "help_request": help_request,
        "matches": matches.with_volunteer_speaks()
        .select_related(
            "volunteer__volunteer_profile",
            "check_in",
            "offer",
            "interpreter__volunteer_profile",
            "interpreter_language",
        )
        .prefetch_related("family_check_ins"),
        "overdue": list(overdue),
    }


@register.simple_tag
def overdue_proposals(requests: Iterable[HelpRequest]) -> set[int]:
    """The ids of these requests whose proposal waits longer than the network allows, in one query."""
    hours = NetworkSettings.load().proposal_timeout_hours
    overdue = Match.objects.overdue(hours).filter(help_request__in=[request.pk for request in requests])
    return set(overdue.values_list("help_request_id", flat=True))


@register.inclusion_tag("matching/_family_check_in.html", takes_context=True)
def family_check_in(context: template.Context, help_request: HelpRequest, token: str) -> dict[str, Any]:
    """On the family's status page: the check-in after help (did you get it?), to answer, or the answer given."""
    latest = FamilyCheckIn.objects.filter(match__help_request=help_request).select_related("match").first()
    pending = latest is not None and not latest.answer and latest.match.status == Match.Status.DONE
    return {
        "check_in": latest,
        "pending": pending,
        "token": token,
        "answers": FamilyCheckIn.Answer.choices,
        "csrf_token": context.get("csrf_token"),
    }


# What the suggestions read besides their key: offers, volunteers' profiles, confirmations and accounts ("offers"),
# matches, which make a volunteer's load and last request ("requests"), areas and the network's settings
# ("reference"). The ranking also reads the time (fairness by the last request): a minute at most behind it.
INTERPRETERS_VERSIONS = ("offers", "requests", "reference")
INTERPRETERS_TIMEOUT = 60


@register.simple_tag
def interpreters_for(language: Language, bridge_language_ids: Iterable[int], area: Area) -> list[Suggestion]:
    """Interpreters for families of `language` at an event whose volunteers speak only `bridge_language_ids` (the
    organizer's legal aid night: `{% interpreters_for language lawyer_languages event.area as suggestions %}`):
    the suggestions of matching, which aidhub.events may not import.

    Kept in the cache: a night needing several languages built one ranking query each (~25 ms of the ORM's work
    apiece) on every view of the page. They depend on no one's scope, only on these parts (the reasons are words in
    the page's language), so organizers who see the same night may share them."""
    bridge = sorted(bridge_language_ids)
    return fragments.cached(
        "night-interpreters",
        [get_language(), language.pk, bridge, area.pk],
        versions=INTERPRETERS_VERSIONS,
        build=lambda: interpreter_suggestions_for_language(language=language, bridge_language_ids=bridge, area=area),
        timeout=INTERPRETERS_TIMEOUT,
    )
