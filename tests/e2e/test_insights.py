"""Issue 19 in a browser: an organizer opens the charts from the dashboard, in English and Arabic, on a phone
(360 px) and a desktop (1280 px); every chart is an image with a name and its table beside it, and axe finds
nothing serious."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.browser import Visit, sign_in, t
from tests.factories import (
    PASSWORD,
    EventFactory,
    HelpRequestFactory,
    MatchFactory,
    ShiftFactory,
    ShiftSignupFactory,
    UserFactory,
    language,
)


def _figures(organization, eastside, city):
    """Twelve weeks of requests, help and shifts: some weeks with fewer than 5 of something."""
    now = timezone.now()
    for weeks_ago in range(12):
        moment = now - timedelta(weeks=weeks_ago, hours=1)
        count = 3 + weeks_ago % 6
        for index in range(count):
            area = eastside if index % 3 else city
            help_request = HelpRequestFactory(
                area=area,
                created_at=moment,
                status="done" if index % 4 else "new",
                category=("food", "legal", "rides")[index % 3],
                language=language(("es", "ar", "en")[index % 3]),
            )
            if index % 4:
                MatchFactory(
                    help_request=help_request,
                    volunteer=UserFactory(),
                    status="done",
                    answered_at=moment + timedelta(hours=5 + index),
                    done_at=moment + timedelta(hours=30 + index),
                )
        event = EventFactory(
            organization=organization, area=eastside, starts_at=moment, ends_at=moment + timedelta(hours=2)
        )
        shift = ShiftFactory(event=event, places=8)
        for _ in range(weeks_ago % 7):
            ShiftSignupFactory(shift=shift)


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language_code", ["en", "ar"])
def test_the_charts_in_english_and_arabic(
    browser, e2e_server, organizer_e2e, two_factor_secret, organization, eastside, city, language_code, width
):
    _figures(organization, eastside, city)
    visit = Visit(browser, e2e_server, {"width": width, "height": 900})
    organizer = visit.phone(f"organizer-{width}")
    page = sign_in(organizer, language_code, organizer_e2e.email, password=PASSWORD, totp_secret=two_factor_secret)
    organizer.submit(page.get_by_role("link", name=t(language_code, "Charts")))
    assert page.url.endswith(f"/{language_code}/organize/insights/")
    title = t(language_code, "Requests received and met")
    expect(page.get_by_role("img", name=title)).to_be_visible()
    expect(page.get_by_role("table", name=title)).to_be_visible()
    expect(page.get_by_role("img")).to_have_count(7)
    # A year of weeks: bars too narrow for "< 5" carry a marker, which the legend names.
    organizer.open(f"/{language_code}/organize/insights/?weeks=52")
    expect(page.get_by_text(t(language_code, "triangle: fewer than 5 people (< 5)")).first).to_be_visible()
    # A wrong period is said in words, and the default weeks are shown meanwhile.
    organizer.open(f"/{language_code}/organize/insights/?start=2026-03-01")
    expect(page.get_by_text(t(language_code, "Give both dates, or neither.")).first).to_be_visible()
    visit.close()
