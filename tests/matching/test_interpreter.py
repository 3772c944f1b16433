"""Issue 17, items 2-4: a legal request in Spanish whose lawyers are unvetted, at capacity or do not speak Spanish.
The suggestions explain who was left out; the organizer asks the English-speaking lawyer and adds an interpreter;
the volunteer, the interpreter and the family are each told once, in their own language."""

import pytest
from django.core import mail
from django.test import Client

from aidhub.core.models import AuditEvent
from aidhub.matching.models import Match
from aidhub.messaging import sms
from tests.factories import HelpRequestFactory, MatchFactory, OfferFactory, VolunteerProfileFactory, language, vet
from tests.helpers import sign_in


def _person(name, category, areas, languages, *, vetted=True, capacity=2, ui="en"):
    profile = VolunteerProfileFactory(
        display_name=name, max_active_matches=capacity, languages=[language(code) for code in languages]
    )
    profile.user.language = ui
    profile.user.save()
    OfferFactory(volunteer=profile.user, category=category, areas=areas, languages=[language(c) for c in languages])
    if vetted:
        vet(profile.user, category)
    return profile.user


@pytest.fixture
def scene(eastside, lakeview):
    help_request = HelpRequestFactory(
        area=eastside,
        category="legal",
        language=language("es"),
        status="reviewed",
        message_language="es",
        first_name="Rosa",
        contact_value="+12025550143",
    )
    people = {
        "unvetted": _person("Uma", "legal", [eastside], ["es"], vetted=False),
        "full": _person("Fatima", "legal", [eastside], ["es"], capacity=1),
        "lawyer": _person("Larry", "legal", [eastside], ["en"]),
        "interpreter": _person("Inés", "interpreting", [eastside], ["es", "en"], ui="es"),
        "far_interpreter": _person("Ida", "interpreting", [lakeview], ["es", "en"]),
        "french_interpreter": _person("Fabien", "interpreting", [eastside], ["es", "fr"]),
        "unvetted_interpreter": _person("Uri", "interpreting", [eastside], ["es", "en"], vetted=False),
    }
    MatchFactory(volunteer=people["full"], status="accepted")
    return help_request, people


def _ask(client, help_request, volunteer, capture):
    offer = volunteer.offers.get()
    with capture(execute=True):
        client.post(f"/en/organize/requests/{help_request.pk}/propose/", {"offer": offer.pk})
    return Match.objects.get(help_request=help_request, volunteer=volunteer)


def test_explained_then_interpreted_and_everyone_told_in_their_language(
    client_for, organizer, scene, django_capture_on_commit_callbacks
):
    help_request, people = scene
    client = client_for(organizer)
    page = client.get(f"/en/organize/requests/{help_request.pk}/suggestions/")
    # Only the lawyer who does not speak Spanish may be asked, flagged; the others are explained with counts.
    assert [s.candidate.display_name for s in page.context["suggestions"]] == ["Larry"]
    assert page.context["suggestions"][0].needs_interpreter
    assert {group["reason"]: group["count"] for group in page.context["left_out"]} == {"not_confirmed": 1, "full": 1}
    assert page.context["needing_interpreter"] == 1

    match = _ask(client, help_request, people["lawyer"], django_capture_on_commit_callbacks)
    request_page = client.get(f"/en/organize/requests/{help_request.pk}/")
    assert f'href="/en/organize/matches/{match.pk}/interpreter/"' in request_page.text
    assert "needs an interpreter" in request_page.text

    # Interpreters: confirmed for interpreting, speak Spanish and English; nearer first.
    page = client.get(f"/en/organize/matches/{match.pk}/interpreter/")
    assert [s.candidate.display_name for s in page.context["suggestions"]] == ["Inés", "Ida"]
    assert "speaks Español + English" in page.context["suggestions"][0].reasons

    mail.outbox.clear()
    sms.outbox.clear()
    offer = people["interpreter"].offers.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/organize/matches/{match.pk}/interpreter/", {"offer": offer.pk})
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.interpreter == people["interpreter"]
    assert match.interpreter_language == language("en")
    assert AuditEvent.objects.filter(action="interpreter_added", target_id=match.pk).count() == 1

    # The volunteer in English, the interpreter in Spanish; no family's name or contact for the interpreter.
    (to_volunteer,) = [m for m in mail.outbox if m.to == [people["lawyer"].email]]
    (to_interpreter,) = [m for m in mail.outbox if m.to == [people["interpreter"].email]]
    assert "An interpreter, Inés, will help you with the family, who speaks Spanish." in to_volunteer.body
    assert "You and the interpreter will speak English." in to_volunteer.body
    assert people["interpreter"].email in to_volunteer.body
    assert to_interpreter.subject == "¿Puede interpretar para una familia?"
    assert "Larry" in to_interpreter.body and people["lawyer"].email in to_interpreter.body
    for private in ("Rosa", "0143", help_request.description):
        assert private not in to_interpreter.body
    assert sms.outbox == []  # the family hears once the volunteer has accepted

    # Item 4: the volunteer sees the family's language and that an interpreter comes, before accepting.
    volunteer_client = client_for(people["lawyer"])
    proposal = volunteer_client.get(f"/en/my/matches/{match.pk}/")
    assert "The family speaks Spanish. You'll have an interpreter: Inés." in proposal.text
    with django_capture_on_commit_callbacks(execute=True):
        volunteer_client.post(f"/en/my/matches/{match.pk}/accept/")
    (to_family,) = sms.outbox
    assert to_family["to"] == "+12025550143"
    assert "Larry y una intérprete" in to_family["body"] or "Larry y un intérprete" in to_family["body"]
    assert "que habla Español" in to_family["body"]
    # One message each: nothing else went out.
    assert len([m for m in mail.outbox if m.to == [people["lawyer"].email]]) == 1
    assert len([m for m in mail.outbox if m.to == [people["interpreter"].email]]) == 1


def test_a_volunteer_without_the_language_is_warned_before_accepting(
    client_for, organizer, scene, django_capture_on_commit_callbacks
):
    help_request, people = scene
    match = _ask(client_for(organizer), help_request, people["lawyer"], django_capture_on_commit_callbacks)
    page = client_for(people["lawyer"]).get(f"/en/my/matches/{match.pk}/")
    assert "The family speaks only Spanish." in page.text
    # In Arabic, the language's name is in Arabic.
    page = client_for(people["lawyer"]).get(f"/ar/my/matches/{match.pk}/")
    assert "الإسبانيّة" in page.text


def test_adding_an_interpreter_to_an_accepted_match_tells_the_family_at_once(
    client_for, organizer, scene, django_capture_on_commit_callbacks
):
    help_request, people = scene
    client = client_for(organizer)
    match = _ask(client, help_request, people["lawyer"], django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        sign_in(Client(), people["lawyer"]).post(f"/en/my/matches/{match.pk}/accept/")
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/organize/matches/{match.pk}/interpreter/", {"offer": people["interpreter"].offers.get().pk})
    (to_family,) = sms.outbox
    assert "Inés" in to_family["body"]


@pytest.mark.parametrize("who", ["french_interpreter", "unvetted_interpreter", "lawyer"])
def test_the_service_refuses_an_interpreter_the_suggestions_leave_out(
    client_for, organizer, scene, who, django_capture_on_commit_callbacks
):
    help_request, people = scene
    client = client_for(organizer)
    match = _ask(client, help_request, people["lawyer"], django_capture_on_commit_callbacks)
    offer = people[who].offers.get()
    response = client.post(f"/en/organize/matches/{match.pk}/interpreter/", {"offer": offer.pk}, follow=True)
    match.refresh_from_db()
    assert match.interpreter is None
    assert response.redirect_chain[-1][0] == f"/en/organize/matches/{match.pk}/interpreter/"


def test_one_interpreter_per_match(client_for, organizer, scene, django_capture_on_commit_callbacks):
    help_request, people = scene
    client = client_for(organizer)
    match = _ask(client, help_request, people["lawyer"], django_capture_on_commit_callbacks)
    client.post(f"/en/organize/matches/{match.pk}/interpreter/", {"offer": people["interpreter"].offers.get().pk})
    client.post(f"/en/organize/matches/{match.pk}/interpreter/", {"offer": people["far_interpreter"].offers.get().pk})
    match.refresh_from_db()
    assert match.interpreter == people["interpreter"]


def test_the_interpreter_page_queries_stay_flat(
    client_for, organizer, scene, eastside, django_capture_on_commit_callbacks
):
    from tests.helpers import count_queries

    help_request, people = scene
    client = client_for(organizer)
    match = _ask(client, help_request, people["lawyer"], django_capture_on_commit_callbacks)
    url = f"/en/organize/matches/{match.pk}/interpreter/"
    client.get(url)
    few = count_queries(client, url)
    for index in range(10):
        _person(f"Interpreter {index}", "interpreting", [eastside], ["es", "en"])
    assert count_queries(client, url) == few


def test_refusals(
    client_for, client, other_organizer, organization, scene, django_capture_on_commit_callbacks, organizer
):
    from tests.conftest import with_two_factor
    from tests.factories import MembershipFactory, UserFactory

    help_request, people = scene
    match = _ask(client_for(organizer), help_request, people["lawyer"], django_capture_on_commit_callbacks)
    url = f"/en/organize/matches/{match.pk}/interpreter/"
    other = sign_in(Client(), other_organizer)
    assert other.get(url).status_code == 404
    assert other.post(url, {"offer": people["interpreter"].offers.get().pk}).status_code == 404
    assert sign_in(Client(), people["lawyer"]).get(url).status_code == 403
    no_mfa = with_two_factor(UserFactory(email="no.mfa@example.org"))
    MembershipFactory(organization=organization, user=no_mfa)
    client.force_login(no_mfa)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/2fa/reauthenticate/")
    # A match that is no longer going ahead takes no interpreter.
    Match.objects.filter(pk=match.pk).update(status="cancelled")
    assert sign_in(Client(), organizer).get(url).status_code == 404


def test_the_interpreter_is_told_when_the_volunteer_says_no(
    client_for, organizer, scene, django_capture_on_commit_callbacks
):
    help_request, people = scene
    client = client_for(organizer)
    match = _ask(client, help_request, people["lawyer"], django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/organize/matches/{match.pk}/interpreter/", {"offer": people["interpreter"].offers.get().pk})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sign_in(Client(), people["lawyer"]).post(f"/en/my/matches/{match.pk}/decline/", {"reason": "busy"})
    (released,) = [m for m in mail.outbox if m.to == [people["interpreter"].email]]
    assert released.subject == "Ya no se le necesita como intérprete"
