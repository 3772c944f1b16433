"""A request's organizer pages live in needs (issue 15, item 3); matching renders its own part of them (the
volunteers asked, their answers and check-ins, proposals nobody answered) through its template tags."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.factories import HelpRequestFactory, MatchFactory, UserFactory, VolunteerProfileFactory
from tests.helpers import count_queries


def test_the_request_page_shows_what_matching_knows_of_it(client_for, organizer, eastside):
    help_request = HelpRequestFactory(area=eastside, status="matching")
    busy = VolunteerProfileFactory(display_name="Busy Bea").user
    waiting = VolunteerProfileFactory(display_name="Waiting Wanda").user
    MatchFactory(help_request=help_request, volunteer=busy, status="declined", decline_reason="busy")
    MatchFactory(help_request=help_request, volunteer=waiting, proposed_at=timezone.now() - timedelta(hours=49))
    client = client_for(organizer)
    text = client.get(reverse("needs:request_detail", args=[help_request.pk])).text
    assert "Busy Bea" in text
    assert "Waiting Wanda" in text
    assert "no answer yet" in text
    assert "Withdraw the proposal" in text
    # And what needs itself offers: the family's details and the request's status.
    assert reverse("needs:request_contact", args=[help_request.pk]) in text
    assert reverse("needs:close", args=[help_request.pk]) in text

    helped = HelpRequestFactory(area=eastside, status="done")
    done = MatchFactory(help_request=helped, volunteer=VolunteerProfileFactory().user, status="done")
    text = client.get(reverse("needs:request_detail", args=[helped.pk])).text
    assert reverse("matching:check_in", args=[done.pk]) in text


def test_the_request_page_queries_stay_flat_as_volunteers_are_asked(client_for, organizer, eastside):
    help_request = HelpRequestFactory(area=eastside, status="reviewed")
    client = client_for(organizer)
    url = reverse("needs:request_detail", args=[help_request.pk])

    def ask(count):
        for _ in range(count):
            MatchFactory(
                help_request=help_request,
                volunteer=VolunteerProfileFactory().user,
                status="declined",
                decline_reason="busy",
            )

    ask(2)
    count_queries(client, url)  # the first visit creates the network settings row
    with_2 = count_queries(client, url)
    ask(10)
    assert count_queries(client, url) == with_2


def test_the_queue_flags_only_requests_whose_proposal_waits_too_long(client_for, organizer, eastside):
    late = HelpRequestFactory(area=eastside, status="matching")
    recent = HelpRequestFactory(area=eastside, status="matching")
    MatchFactory(help_request=late, volunteer=UserFactory(), proposed_at=timezone.now() - timedelta(hours=49))
    MatchFactory(help_request=recent, volunteer=UserFactory())
    text = client_for(organizer).get(reverse("needs:queue")).text
    late_row = text[text.index(late.reference_code) :].split("</tr>", 1)[0]
    recent_row = text[text.index(recent.reference_code) :].split("</tr>", 1)[0]
    assert "no answer yet" in late_row
    assert "no answer yet" not in recent_row


def test_links_in_emails_sent_before_the_move_still_open_the_request(client_for, organizer, help_request):
    # The paths did not change when the pages moved from matching to needs: links already sent keep working.
    assert reverse("needs:request_detail", args=[help_request.pk]) == f"/en/organize/requests/{help_request.pk}/"
    assert client_for(organizer).get(f"/en/organize/requests/{help_request.pk}/").status_code == 200
