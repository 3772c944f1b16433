"""Suggestions read who speaks a language and reaches an area from each offer's keys (Offer.language_keys,
Offer.area_keys): they must say what the offer's languages and areas say, and follow every change of them."""

import random

import pytest
from django.contrib import admin

from aidhub.core import availability
from aidhub.core.models import Area, Category, Language, NetworkSettings
from aidhub.matching.models import Match
from aidhub.matching.ranking import left_out, rank
from aidhub.matching.suggestions import (
    candidate_for_offer,
    interpreter_candidate_for_offer,
    interpreter_suggestions_for,
    left_out_for,
    request_facts,
    suggestions_for,
    volunteer_language_ids,
)
from aidhub.offers.models import Offer, id_keys
from aidhub.offers.services import ListedOffer, offer_approve, offer_save, offers_create_listed
from tests.factories import (
    AreaFactory,
    HelpRequestFactory,
    MatchFactory,
    OfferFactory,
    VolunteerProfileFactory,
    language,
    vet,
)


def _entries(suggestions):
    return [(s.candidate.offer_id, s.candidate.volunteer_id, s.needs_interpreter, s.reasons) for s in suggestions]


def _from_relations(help_request, offer):
    """The offer's facts for this request with "speaks" and "reaches" read from its languages and areas."""
    candidate = candidate_for_offer(help_request, offer.pk)
    area_ids = set(Area.objects.overlapping(help_request.area).values_list("pk", flat=True))
    speaks = offer.languages.filter(pk=help_request.language_id).exists()
    reaches = offer.areas.filter(pk__in=area_ids).exists()
    assert (candidate.speaks_language, candidate.reaches_area) == (speaks, reaches), offer.pk
    return candidate


@pytest.fixture
def varied(eastside, lakeview):
    """Sixty volunteers of two kinds of help with one or two offers each: any of twelve languages, none to three
    of fifteen areas (cities and their neighbourhoods, ids past 11 so that ",1," and ",11," both occur), other
    capacities, loads, free times, a few closed accounts, paused offers, refusals and confirmations."""
    rng = random.Random(20)
    cities = [AreaFactory(kind="city") for _ in range(4)]
    areas = [eastside, lakeview, *cities, *[AreaFactory(parent=rng.choice(cities)) for _ in range(9)]]
    languages = list(Language.objects.order_by("pk")[:12])
    network = NetworkSettings.load()
    network.vetted_categories = [Category.RIDES]
    network.save()
    volunteers = []
    for _ in range(60):
        profile = VolunteerProfileFactory(max_active_matches=rng.choice([1, 2, 3]))
        user = profile.user
        volunteers.append(user)
        if rng.random() < 0.1:
            user.is_active = False
            user.save(update_fields=["is_active"])
        if rng.random() < 0.5:
            vet(user, Category.RIDES)
        for _ in range(rng.choice([1, 1, 2])):
            OfferFactory(
                volunteer=user,
                category=rng.choice([Category.FOOD, Category.RIDES]),
                languages=rng.sample(languages, rng.randint(1, 3)),
                areas=rng.sample(areas, rng.randint(0, 3)),
                availability=rng.getrandbits(21) if rng.random() < 0.7 else availability.ALL,
                status=Offer.Status.PUBLISHED if rng.random() < 0.9 else Offer.Status.PAUSED,
            )
        for _ in range(rng.choice([0, 0, 1, 2])):
            status = rng.choice(["proposed", "accepted", "done", "declined"])
            MatchFactory(volunteer=user, status=status, decline_reason="busy" if status == "declined" else "")
    requests = [
        HelpRequestFactory(
            category=rng.choice([Category.FOOD, Category.RIDES]),
            language=rng.choice(languages),
            area=rng.choice(areas),
            best_times=rng.choice([0, rng.getrandbits(21)]),
            status="reviewed",
        )
        for _ in range(8)
    ]
    for help_request in requests:
        for user in rng.sample(volunteers, 3):
            Match.objects.create(help_request=help_request, volunteer=user, status="declined", decline_reason="busy")
    return requests


def test_suggestions_are_those_the_offers_languages_and_areas_give(varied):
    suggested = 0
    for help_request in varied:
        facts = request_facts(help_request)
        offers = Offer.objects.published().filter(category=help_request.category).order_by("pk")
        candidates = [_from_relations(help_request, offer) for offer in offers]
        expected = rank(facts, candidates, limit=20)
        assert _entries(suggestions_for(help_request, limit=20)) == _entries(expected)
        assert left_out_for(help_request, facts) == left_out(facts, candidates)
        suggested += len(expected)
    # The fixture is varied enough to mean something: most requests have suggestions, not all of them full lists.
    assert suggested > 30


def test_an_interpreter_speaks_both_languages_by_the_offers_languages(varied):
    volunteer = VolunteerProfileFactory().user
    offer = OfferFactory(volunteer=volunteer, languages=[language("en"), language("fr")])
    match = Match.objects.create(help_request=varied[0], volunteer=volunteer, offer=offer, status="accepted")
    bridge = set(volunteer_language_ids(match))
    for interpreter in Offer.objects.published().filter(category=Category.INTERPRETING):
        candidate = interpreter_candidate_for_offer(match, interpreter.pk)
        spoken = set(interpreter.languages.values_list("pk", flat=True))
        assert candidate.speaks_language == (varied[0].language_id in spoken and bool(bridge & spoken))


def _saved(offer, *, languages, areas, reviewer):
    offer, _needs_confirmation = offer_save(
        actor=offer.volunteer,
        offer=offer,
        category=offer.category,
        title=offer.title,
        description=offer.description,
        languages=languages,
        areas=areas,
        availability=offer.availability,
        capacity=offer.capacity,
    )
    return offer_approve(offer=offer, reviewer=reviewer)


def test_changing_an_offers_languages_and_areas_changes_the_suggestions(help_request, eastside, lakeview, organizer):
    volunteer = VolunteerProfileFactory(display_name="Ana").user
    offer = OfferFactory(volunteer=volunteer, languages=[language("en")], areas=[lakeview])

    def suggested():
        return [(s.candidate.display_name, s.reasons[:2]) for s in suggestions_for(help_request)]

    assert suggested() == []
    offer = _saved(offer, languages=[language("es")], areas=[lakeview], reviewer=organizer)
    assert suggested() == [("Ana", ["speaks Español", "does not list Eastside"])]
    offer = _saved(offer, languages=[language("en")], areas=[eastside], reviewer=organizer)
    assert suggested() == [("Ana", ["needs an interpreter for Español", "reaches Eastside"])]
    _saved(offer, languages=[language("en")], areas=[lakeview], reviewer=organizer)
    assert suggested() == []


def test_listed_offers_get_their_keys(eastside, lakeview):
    volunteer = VolunteerProfileFactory().user
    (offer,) = offers_create_listed(
        offers=[
            ListedOffer(
                volunteer=volunteer,
                category=Category.FOOD,
                title="Soup",
                description="Soup on Sundays.",
                languages=[language("es"), language("en")],
                areas=[lakeview, eastside],
                availability=availability.ALL,
                capacity=1,
            )
        ]
    )
    offer.refresh_from_db()
    assert offer.language_keys == id_keys([language("es").pk, language("en").pk])
    assert offer.area_keys == id_keys([eastside.pk, lakeview.pk])


def test_an_offer_changed_in_the_admin_keeps_its_keys(rf, admin_user, offer, lakeview):
    # Through the admin's own form and save_related (its change page cannot be posted whole in a test: the
    # admin's number widget for the availability grid gives one value where the form field wants a list).
    offer_admin = admin.site._registry[Offer]
    request = rf.post("/")
    request.user = admin_user
    form = offer_admin.get_form(request, offer, fields=["languages", "areas"])(
        {"languages": [language("en").pk], "areas": [lakeview.pk]}, instance=offer
    )
    assert form.is_valid(), form.errors
    offer_admin.save_model(request, form.save(commit=False), form, True)
    offer_admin.save_related(request, form, [], True)
    offer.refresh_from_db()
    assert (offer.language_keys, offer.area_keys) == (id_keys([language("en").pk]), id_keys([lakeview.pk]))


def test_keys_tell_one_id_from_another_that_contains_it():
    assert id_keys([11, 1, 1]) == ",1,11,"
    assert id_keys([]) == ""
    keys = id_keys([11, 21])
    assert ",1," not in keys and ",11," in keys


def test_no_interpreter_speaks_a_language_of_a_volunteer_who_lists_none(help_request, eastside):
    volunteer = VolunteerProfileFactory().user
    volunteer.volunteer_profile.languages.clear()
    match = Match.objects.create(help_request=help_request, volunteer=volunteer, status="accepted")
    interpreter = OfferFactory(category=Category.INTERPRETING, languages=[language("es")], areas=[eastside])
    assert volunteer_language_ids(match) == []
    assert interpreter_candidate_for_offer(match, interpreter.pk).speaks_language is False
    assert interpreter_suggestions_for(match) == []
