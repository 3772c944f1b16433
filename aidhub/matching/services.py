"""Matching a request to a volunteer and following it to a check-in. Each step tells the right people,
in their own language, once the change is saved."""

from collections.abc import Sequence

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from aidhub.accounts.models import User
from aidhub.core.models import AuditEvent, audit
from aidhub.core.selectors import organization_serving, organizers_for_area
from aidhub.lib import fragments
from aidhub.lib.crypto import keyed_hash
from aidhub.lib.phones import normalise_phone
from aidhub.lib.tokens import new_access_token
from aidhub.matching.models import CheckIn, FamilyCheckIn, Match
from aidhub.matching.ranking import Refusal, interpreter_refusals, refusals
from aidhub.matching.suggestions import (
    bridge_language,
    candidate_for_offer,
    interpreter_candidate_for_offer,
    interpreter_facts,
    request_facts,
)
from aidhub.messaging.keywords import normalise_reply
from aidhub.messaging.services import send_email_to_user
from aidhub.needs.models import HelpRequest
from aidhub.needs.services import tell_family, tell_family_with_link
from aidhub.offers.models import Offer


class MatchConflict(Exception):
    """The request already has a live match, or the match is no longer in a state that allows this step."""


class MatchRefused(Exception):
    """This volunteer may not be asked for this request; `reasons` are aidhub.matching.ranking.Refusal codes."""

    def __init__(self, reasons: Sequence[str]) -> None:
        super().__init__(", ".join(reasons))
        self.reasons = reasons


@transaction.atomic
def match_propose(*, help_request: HelpRequest, offer: Offer, proposed_by: User) -> Match:
    """Asks the offer's volunteer to help, if the rule suggestions follow allows it (ranking.refusals: vetting,
    capacity, earlier declines by this family, inactive volunteers). The request row is locked, and the database
    allows one live match per request: two organizers proposing at once get one match and one clear refusal."""
    help_request = (
        HelpRequest.objects.select_for_update(of=("self",)).select_related("language", "area").get(pk=help_request.pk)
    )
    if not help_request.can_propose:
        raise MatchConflict
    # The volunteer's row too: two requests proposed to them at once must not both fit under their capacity.
    get_user_model().objects.select_for_update().filter(pk=offer.volunteer_id).exists()
    candidate = candidate_for_offer(help_request, offer.pk)
    reasons = refusals(request_facts(help_request), candidate) if candidate else [Refusal.OTHER_KIND]
    if reasons:
        raise MatchRefused(reasons)
    try:
        with transaction.atomic():
            match = Match.objects.create(
                help_request=help_request, volunteer=offer.volunteer, offer=offer, proposed_by=proposed_by
            )
    except IntegrityError as error:
        raise MatchConflict from error
    help_request.set_status(HelpRequest.Status.MATCHING)
    help_request.save(update_fields=["status", "status_changed_at", "updated_at"])
    audit(
        actor=proposed_by,
        action=AuditEvent.Action.MATCH_PROPOSED,
        target=match,
        organization=organization_serving(help_request.area, proposed_by),
    )
    fragments.bump("requests")
    # The volunteer learns only the shape of the request, not who the family is.
    send_email_to_user(user=match.volunteer, template="matching/proposed", context={"match": match})
    return match


def _locked(match: Match, *allowed: str) -> Match:
    match = Match.objects.select_for_update().select_related("help_request").get(pk=match.pk)
    if match.status not in allowed:
        raise MatchConflict
    return match


@transaction.atomic
def match_accept(*, match: Match) -> Match:
    match = _locked(match, Match.Status.PROPOSED)
    match.accept()
    match.save(update_fields=["status", "answered_at"])
    fragments.bump("requests")
    help_request = match.help_request
    help_request.set_status(HelpRequest.Status.MATCHED)
    help_request.save(update_fields=["status", "status_changed_at", "updated_at"])
    fragments.bump("requests")
    if match.interpreter_id is not None:
        _tell_family_about_interpreter(match)
    else:
        tell_family(help_request, "matching/family_matched")
    return match


@transaction.atomic
def match_add_interpreter(*, actor: User, match: Match, offer: Offer) -> Match:
    """An interpreter joins a match whose volunteer does not speak the family's language. They may be asked as any
    volunteer is (ranking.interpreter_refusals: confirmed for interpreting, room under their capacity, no earlier
    "no" to this family, active) and speak the family's language and one of the volunteer's. The volunteer and the
    interpreter are told at once, each in their language, who comes and in which language; the family is told
    when the volunteer has accepted (at once if they already had), in its language."""
    match = (
        Match.objects.select_for_update()
        .select_related("help_request__language", "help_request__area")
        .get(pk=match.pk)
    )
    if match.status not in Match.ACTIVE or match.interpreter_id is not None:
        raise MatchConflict
    # The interpreter's row too: two matches given to them at once must not both fit under their capacity.
    get_user_model().objects.select_for_update().filter(pk=offer.volunteer_id).exists()
    candidate = interpreter_candidate_for_offer(match, offer.pk)
    if candidate is None:
        reasons: Sequence[str] = [Refusal.OTHER_KIND]
    else:
        reasons = interpreter_refusals(interpreter_facts(match), candidate, match.volunteer_id)
    language = bridge_language(match, offer) if not reasons else None
    if not reasons and language is None:
        reasons = [Refusal.NOT_BOTH_LANGUAGES]
    if reasons:
        raise MatchRefused(reasons)
    match.interpreter_id = offer.volunteer_id
    match.interpreter_offer = offer
    match.interpreter_language = language
    match.interpreter_added_at = timezone.now()
    match.save(update_fields=["interpreter", "interpreter_offer", "interpreter_language", "interpreter_added_at"])
    audit(
        actor=actor,
        action=AuditEvent.Action.INTERPRETER_ADDED,
        target=match,
        organization=organization_serving(match.help_request.area, actor),
    )
    fragments.bump("requests")
    match = Match.objects.select_related(
        "volunteer__volunteer_profile",
        "interpreter__volunteer_profile",
        "help_request__language",
        "interpreter_language",
    ).get(pk=match.pk)
    context = {"match": match}
    interpreter = match.interpreter
    assert interpreter is not None  # saved above
    send_email_to_user(user=match.volunteer, template="matching/interpreter_for_volunteer", context=context)
    send_email_to_user(user=interpreter, template="matching/interpreter_assigned", context=context)
    if match.status == Match.Status.ACCEPTED:
        _tell_family_about_interpreter(match)
    return match


def _tell_family_about_interpreter(match: Match) -> None:
    """The family learns who comes (public names only) and that the interpreter speaks its language."""
    tell_family(
        match.help_request,
        "matching/family_interpreter",
        {
            "volunteer_name": match.volunteer.display_name,
            "interpreter_name": match.interpreter.display_name if match.interpreter else "",
            "language": match.help_request.language,
        },
    )


@transaction.atomic
def match_decline(*, match: Match, reason: str) -> Match:
    """The request goes back to the queue, with the reason for the organizers."""
    match = _locked(match, Match.Status.PROPOSED)
    match.decline(reason)
    match.save(update_fields=["status", "decline_reason", "answered_at"])
    fragments.bump("requests")
    _back_to_queue(match.help_request)
    if match.proposed_by is not None:
        send_email_to_user(user=match.proposed_by, template="matching/declined", context={"match": match})
    _release_interpreter(match)
    return match


@transaction.atomic
def match_cancel(*, match: Match) -> Match:
    """An organizer withdraws a proposal nobody answered, or an accepted match that cannot go ahead."""
    match = _locked(match, Match.Status.PROPOSED, Match.Status.ACCEPTED)
    match.cancel()
    match.save(update_fields=["status"])
    fragments.bump("requests")
    _back_to_queue(match.help_request)
    send_email_to_user(user=match.volunteer, template="matching/cancelled", context={"match": match})
    _release_interpreter(match)
    return match


def _release_interpreter(match: Match) -> None:
    """The interpreter of a match that will not go ahead is told not to come (in their language)."""
    if match.interpreter is not None:
        send_email_to_user(user=match.interpreter, template="matching/interpreter_released", context={"match": match})


@transaction.atomic
def match_done(*, match: Match) -> Match:
    match = _locked(match, Match.Status.ACCEPTED)
    match.mark_done()
    match.save(update_fields=["status", "done_at"])
    fragments.bump("requests")
    help_request = match.help_request
    help_request.set_status(HelpRequest.Status.DONE)
    help_request.save(update_fields=["status", "status_changed_at", "updated_at"])
    fragments.bump("requests")
    # The family is asked at once, in its language; the area's organizers follow up if it does not answer.
    phone = help_request.contact_phone
    FamilyCheckIn.objects.create(match=match, phone_hash=keyed_hash(phone) if phone else "")
    tell_family_with_link(help_request, "matching/check_in_ask")
    for organizer in organizers_for_area(help_request.area):
        send_email_to_user(user=organizer, template="matching/done", context={"match": match})
    return match


@transaction.atomic
def check_in_family_answer(*, family_check_in: FamilyCheckIn, answer: str, via: str) -> FamilyCheckIn:
    """The family answers the check-in (from its private link or by a 1/2/3 text reply). "Yes" records the
    check-in and the request stays done; "not yet" sends the match back to the volunteer (accepted) and reopens the
    request (a volunteer is on it); "something else" records it and opens a follow-up request, as an organizer's
    check-in does. The area's organizers are told by email, without the family's words. Answered once."""
    family_check_in = FamilyCheckIn.objects.select_for_update().select_related("match").get(pk=family_check_in.pk)
    if family_check_in.answer:
        raise MatchConflict
    match = _locked(family_check_in.match, Match.Status.DONE)
    help_request = match.help_request
    family_check_in.answer = answer
    family_check_in.answered_via = via
    family_check_in.answered_at = timezone.now()
    family_check_in.save(update_fields=["answer", "answered_via", "answered_at"])
    if answer == FamilyCheckIn.Answer.NOT_YET:
        match.status = Match.Status.ACCEPTED
        match.done_at = None
        match.save(update_fields=["status", "done_at"])
        help_request.set_status(HelpRequest.Status.MATCHED)
        help_request.save(update_fields=["status", "status_changed_at", "updated_at"])
    elif not CheckIn.objects.filter(match=match).exists():
        outcome = CheckIn.Outcome.HELPED if answer == FamilyCheckIn.Answer.HELPED else CheckIn.Outcome.NEEDS_MORE
        CheckIn.objects.create(match=match, outcome=outcome, recorded_by=None)
        if outcome == CheckIn.Outcome.NEEDS_MORE:
            follow_up = help_request.follow_up()
            token, follow_up.access_token_hash = new_access_token()
            follow_up.create_with_code()
            tell_family(follow_up, "needs/received", {"token": token})
    audit(actor=None, action=AuditEvent.Action.CHECK_IN_ANSWERED, target=match)
    fragments.bump("requests")
    for organizer in organizers_for_area(help_request.area):
        send_email_to_user(user=organizer, template="matching/family_checked_in", context={"check_in": family_check_in})
    return family_check_in


def check_in_reply_by_sms(*, sender: str, body: str) -> bool:
    """A text reply "1", "2" or "3" from a number with a check-in waiting for its answer: recorded as the family's
    answer (the newest such check-in, found by the keyed hash of the number) and thanked in the family's language.
    Returns False for anything else, which the caller handles as before (STOP, START, codes)."""
    answer = FamilyCheckIn.SMS_ANSWERS.get(normalise_reply(body))
    if answer is None or not sender:
        return False
    try:
        phone_hash = keyed_hash(normalise_phone(sender))
    except ValidationError:
        return False
    pending = FamilyCheckIn.objects.pending().filter(phone_hash=phone_hash).order_by("-asked_at", "-id").first()
    if pending is None:
        return False
    try:
        answered = check_in_family_answer(family_check_in=pending, answer=answer, via=FamilyCheckIn.Via.SMS)
    except MatchConflict:
        return False
    tell_family(answered.match.help_request, "matching/check_in_thanks")
    return True


@transaction.atomic
def check_in_record(*, match: Match, outcome: str, note: str, recorded_by: User) -> tuple[CheckIn, HelpRequest | None]:
    """Records how it went. "Needs more" opens a follow-up request for the same family, with its own link."""
    match = _locked(match, Match.Status.DONE)
    if CheckIn.objects.filter(match=match).exists():
        raise MatchConflict
    check_in = CheckIn.objects.create(match=match, outcome=outcome, note=note, recorded_by=recorded_by)
    fragments.bump("requests")
    follow_up = None
    if outcome == CheckIn.Outcome.NEEDS_MORE:
        follow_up = match.help_request.follow_up()
        token, follow_up.access_token_hash = new_access_token()
        follow_up.entered_by = recorded_by
        follow_up.create_with_code()
        tell_family(follow_up, "needs/received", {"token": token})
    return check_in, follow_up


def _back_to_queue(help_request: HelpRequest) -> None:
    help_request.set_status(HelpRequest.Status.REVIEWED)
    help_request.save(update_fields=["status", "status_changed_at", "updated_at"])
    fragments.bump("requests")


def purge_check_in_notes(*, request_ids: Sequence[int]) -> int:
    """Check-in notes are about the family: they go with the request's personal data."""
    FamilyCheckIn.objects.filter(match__help_request_id__in=request_ids).update(phone_hash="")
    return CheckIn.objects.filter(match__help_request_id__in=request_ids).update(note=None)
