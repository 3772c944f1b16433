"""The attacker's pass over call-outs, and the query counts of their pages."""

import pytest
from django.utils import timezone

from aidhub.callouts.models import Callout, CalloutRecipient
from aidhub.lib.tokens import new_access_token
from aidhub.matching.models import Match
from tests.callouts.conftest import PHONES, give_phone
from tests.callouts.test_callout_flow import signed_text, twilio_settings  # noqa: F401  (a fixture)
from tests.factories import HelpRequestFactory, OfferFactory, UserFactory, VolunteerProfileFactory
from tests.helpers import count_queries


def _recipient(callout, volunteer, area, *, answer="", phone=None):
    offer = OfferFactory(volunteer=volunteer, areas=[area], category="food")
    token, token_hash = new_access_token()
    row = CalloutRecipient.objects.create(
        callout=callout,
        volunteer=volunteer,
        offer=offer,
        access_token_hash=token_hash,
        answer=answer,
        answered_at=timezone.now() if answer else None,
        answered_via="link" if answer else "",
    )
    if phone:
        from aidhub.lib.crypto import keyed_hash

        CalloutRecipient.objects.filter(pk=row.pk).update(phone_hash=keyed_hash(phone), texted_at=timezone.now())
    return row, token


@pytest.mark.parametrize("path", ["", "answers/", "close/"])
def test_an_organizer_of_another_organization_gets_404(client_for, other_organizer, callout, path):
    url = f"/en/organize/callouts/{callout.pk}/{path}"
    client = client_for(other_organizer)
    response = client.post(url) if path == "close/" else client.get(url)
    assert response.status_code == 404
    callout.refresh_from_db()
    assert callout.is_open


def test_another_organization_cannot_make_a_match_from_an_answer(client_for, other_organizer, callout_answer, eastside):
    help_request = HelpRequestFactory(area=eastside, status="reviewed")
    url = "/en/organize/callouts/{pk}/answers/{recipient_pk}/match/".format(**callout_answer)
    assert client_for(other_organizer).post(url, {"help_request": help_request.pk}).status_code == 404
    assert not Match.objects.exists()


def test_an_organizer_cannot_match_for_a_request_outside_their_areas(client_for, organizer, callout_answer, lakeview):
    elsewhere = HelpRequestFactory(area=lakeview, status="reviewed")
    url = "/en/organize/callouts/{pk}/answers/{recipient_pk}/match/".format(**callout_answer)
    response = client_for(organizer).post(url, {"help_request": elsewhere.pk}, follow=True)
    assert "Choose the family" in response.text
    assert not Match.objects.exists()


def test_anonymous_and_volunteers_are_refused(client, client_for, volunteer, callout):
    url = f"/en/organize/callouts/{callout.pk}/"
    assert client.get(url)["Location"].startswith("/en/accounts/login/")
    assert client_for(volunteer).get(url).status_code == 403
    assert client_for(volunteer).post("/en/organize/callouts/new/", {"send": "1"}).status_code == 403


def test_a_session_without_the_second_factor_is_sent_to_give_it(client, organizer, callout):
    client.force_login(organizer)
    response = client.get(f"/en/organize/callouts/{callout.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/2fa/reauthenticate/")


def test_a_forged_or_unknown_token_answers_404(client, callout):
    assert client.get("/en/callouts/answer/?k=forged-token-of-the-right-length-000").status_code == 404
    assert client.post("/en/callouts/answer/", {"k": "forged", "answer": "yes"}).status_code == 404
    assert client.get("/en/callouts/answer/").status_code == 404


def test_a_deactivated_volunteers_link_stops_working(client, callout, eastside):
    volunteer = VolunteerProfileFactory().user
    _row, token = _recipient(callout, volunteer, eastside)
    assert client.get(f"/en/callouts/answer/?k={token}").status_code == 200
    volunteer.is_active = False
    volunteer.save()
    assert client.post("/en/callouts/answer/", {"k": token, "answer": "yes"}).status_code == 404
    assert CalloutRecipient.objects.get(volunteer=volunteer).answer == ""


def test_one_link_answers_only_its_own_callout(client, callout, eastside, organization, organizer):
    """The token says who answers: a volunteer's link never answers for someone else or another call-out."""
    mine, token = _recipient(callout, VolunteerProfileFactory().user, eastside)
    other = Callout.objects.create(organization=organization, text="Other", category="food", area=eastside)
    theirs, _token = _recipient(other, VolunteerProfileFactory().user, eastside)
    client.post("/en/callouts/answer/", {"k": token, "answer": "no"})
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.answer, theirs.answer) == ("no", "")


def test_a_yes_from_a_number_the_callout_was_not_sent_to_answers_nothing(
    client,
    callout,
    eastside,
    twilio_settings,  # noqa: F811
):
    texted, _token = _recipient(callout, VolunteerProfileFactory().user, eastside, phone=PHONES["es"])
    # A volunteer who got no call-out, with a number on file, says YES.
    bystander = VolunteerProfileFactory().user
    give_phone(bystander, PHONES["ar"])
    signed_text(client, PHONES["ar"], "YES")
    assert not CalloutRecipient.objects.filter(volunteer=bystander).exists()
    texted.refresh_from_db()
    assert texted.answer == ""


def test_an_unsigned_yes_is_refused(client, callout, eastside, twilio_settings):  # noqa: F811
    texted, _token = _recipient(callout, VolunteerProfileFactory().user, eastside, phone=PHONES["es"])
    response = client.post("/hooks/alerts/twilio/sms/", {"From": PHONES["es"], "Body": "YES"})
    assert response.status_code == 403
    texted.refresh_from_db()
    assert texted.answer == ""


def test_a_match_needs_a_yes(client_for, organizer, callout, eastside):
    row, _token = _recipient(callout, VolunteerProfileFactory().user, eastside)
    help_request = HelpRequestFactory(area=eastside, status="reviewed")
    response = client_for(organizer).post(
        f"/en/organize/callouts/{callout.pk}/answers/{row.pk}/match/", {"help_request": help_request.pk}, follow=True
    )
    assert "already used" in response.text
    assert not Match.objects.exists()


def test_the_list_runs_the_same_queries_for_more_callouts(client_for, organizer, organization, eastside):
    client = client_for(organizer)
    Callout.objects.create(organization=organization, text="One", category="food", area=eastside)
    client.get(
        "/en/organize/callouts/"
    )  # a first page keeps the menu's work counts in the cache (aidhub.portal.selectors)
    few = count_queries(client, "/en/organize/callouts/")
    for number in range(10):
        Callout.objects.create(organization=organization, text=f"More {number}", category="rides", area=eastside)
    assert count_queries(client, "/en/organize/callouts/") == few


def test_the_detail_runs_the_same_queries_for_more_answers(client_for, organizer, callout, eastside):
    client = client_for(organizer)
    HelpRequestFactory(area=eastside, status="reviewed")
    url = f"/en/organize/callouts/{callout.pk}/"
    client.get(url)  # a first page keeps the menu's work counts in the cache (aidhub.portal.selectors)
    few = count_queries(client, url)
    for _ in range(8):
        _recipient(callout, UserFactory(), eastside, answer="yes")
        HelpRequestFactory(area=eastside, status="reviewed")
    many = count_queries(client, url)
    assert many == few
    assert "Make the match" in client.get(url).text


def test_a_signed_in_volunteer_answers_from_their_callouts_page_and_nobody_else_can(
    client_for, volunteer, other_volunteer, callout_recipient
):
    CalloutRecipient.objects.filter(pk=callout_recipient.pk).update(answer="", answered_via="")
    page = client_for(volunteer).get("/en/my/callouts/")
    assert "Call-outs waiting for your answer" in page.text and "Hot meals tonight" in page.text
    url = f"/en/my/callouts/{callout_recipient.pk}/answer/"
    assert client_for(other_volunteer).post(url, {"answer": "yes"}).status_code == 404
    callout_recipient.refresh_from_db()
    assert callout_recipient.answer == ""
    assert client_for(volunteer).post(url, {"answer": "yes"}).status_code == 302
    callout_recipient.refresh_from_db()
    assert (callout_recipient.answer, callout_recipient.answered_via) == ("yes", "account")
