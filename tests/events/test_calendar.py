import icalendar

from aidhub.events.models import CalendarFeed
from tests.factories import EventFactory, ShiftSignupFactory, language


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def _summaries(calendar):
    return {str(component["SUMMARY"]) for component in calendar.walk("VEVENT")}


def test_feed_of_published_events_is_valid_icalendar(client, event, eastside):
    EventFactory(area=eastside, title="A draft", status="draft", published_at=None)
    calendar = _parse(client.get("/en/events/calendar.ics"))
    assert calendar["VERSION"] == "2.0"
    entries = calendar.walk("VEVENT")
    assert _summaries(calendar) == {"Legal aid night"}
    entry = entries[0]
    assert entry.decoded("DTSTART") == event.starts_at
    assert entry.decoded("DTEND") == event.ends_at
    assert str(entry["UID"]) == f"event-{event.pk}@aidhub.test"
    assert str(entry["URL"]) == f"https://aidhub.test/en/events/{event.pk}/"
    assert "Community Center" in str(entry["LOCATION"])


def test_feed_filtered_by_area_or_language(client, event, lakeview):
    other = EventFactory(area=lakeview, title="Lakeview meal", languages=[language("ht")])
    assert _summaries(_parse(client.get("/en/events/calendar.ics", {"area": lakeview.pk}))) == {"Lakeview meal"}
    assert _summaries(_parse(client.get("/en/events/calendar.ics", {"language": language("ar").pk}))) == {event.title}
    assert other.title in _summaries(_parse(client.get("/en/events/calendar.ics")))


def test_private_address_stays_out_of_public_calendars_and_cancelled_events_say_so(client, event):
    event.venue = "on_signup"
    event.address = "Hidden Hall"
    event.status = "cancelled"
    event.save()
    entry = _parse(client.get(f"/en/events/{event.pk}/calendar.ics")).walk("VEVENT")[0]
    assert "Hidden Hall" not in str(entry["LOCATION"])
    assert str(entry["STATUS"]) == "CANCELLED"


def test_volunteer_gets_a_private_feed_of_their_shifts_and_can_reset_it(client_for, shift, volunteer, client):
    volunteer_client = client_for(volunteer)
    page = volunteer_client.post("/en/my/events/calendar/")
    link = page.text.split("<code>")[1].split("</code>")[0]
    assert link.startswith(("https://", "http://"))
    path = link.split("testserver", 1)[1]
    feed = CalendarFeed.objects.get(user=volunteer)
    assert path.split("/")[-1].removesuffix(".ics") not in feed.token_hash
    volunteer_client.logout()
    response = client.get(path)
    assert "no-store" in response["Cache-Control"]
    calendar = _parse(response)
    assert _summaries(calendar) == {"Welcome desk: Legal aid night"}
    # A new link replaces the old one.
    client_for(volunteer).post("/en/my/events/calendar/")
    assert client.get(path).status_code == 404


def test_the_link_is_shown_once(client_for, volunteer):
    client = client_for(volunteer)
    client.post("/en/my/events/calendar/")
    page = client.get("/en/my/events/calendar/")
    assert "<code>" not in page.text
    assert "We cannot show it again." in page.text


def test_feed_only_holds_the_owners_shifts(client, feed_link, shift):
    ShiftSignupFactory(shift__event=shift.event, shift__role="childcare", shift__language=None)
    calendar = _parse(client.get(f"/en/events/my-shifts/{feed_link['token']}.ics"))
    assert len(calendar.walk("VEVENT")) == 1
