"""Prepaid data: what a family's phone downloads, counted in bytes over the wire (compressed, headers included),
as Chromium's network events report them. The help form's first visit stays under 150 KB; a later page, with
the static files already in the browser's cache, under 40 KB."""

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import t
from tests.e2e.test_family_asks_for_help import fill_help_form
from tests.factories import OfferFactory, VolunteerProfileFactory
from tests.factories import language as spoken_language

FIRST_VISIT_BUDGET = 150_000
LATER_PAGE_BUDGET = 40_000
FOREVER = "max-age=315360000, public, immutable"


class Meter:
    """Counts the bytes a page's requests transfer, from Chromium's own network events (DevTools protocol)."""

    def __init__(self, phone):
        self.page = phone.page
        self.responses = {}
        self.sizes = {}
        cdp = phone.context.new_cdp_session(phone.page)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.send("Network.enable")

    def _response(self, event):
        response = event["response"]
        headers = {name.lower(): value for name, value in response["headers"].items()}
        self.responses[event["requestId"]] = (response["url"], headers)

    def _finished(self, event):
        self.sizes[event["requestId"]] = event["encodedDataLength"]

    def reset(self):
        self.responses.clear()
        self.sizes.clear()

    def total(self):
        """Bytes received since the last reset, once nothing is loading any more (the icon comes after "load")."""
        self.page.wait_for_load_state("networkidle")
        return sum(self.sizes.values())

    def static_files(self):
        return [(url, headers) for url, headers in self.responses.values() if "/static/" in url]

    def breakdown(self):
        return ", ".join(
            f"{self.responses.get(key, ('?',))[0].rsplit('/', 1)[-1] or '/'}={size}" for key, size in self.sizes.items()
        )


@pytest.mark.parametrize("language", ["es", "ar"])
def test_help_form_and_later_pages_fit_a_prepaid_plan(visit, eastside, language):
    volunteer = VolunteerProfileFactory(areas=[eastside]).user
    for number in range(10):
        OfferFactory(
            volunteer=volunteer, areas=[eastside], languages=[spoken_language(language)], title=f"Offer {number}"
        )
    family = visit.phone("family")
    meter = Meter(family)

    page = family.open(f"/{language}/help/")
    expect(page.get_by_role("status")).to_have_text(t(language, "Check done. You can send the form."))
    first_visit = meter.total()
    print(f"\n{language} help form, first visit: {first_visit} bytes ({meter.breakdown()})")
    assert first_visit <= FIRST_VISIT_BUDGET, meter.breakdown()
    # Static files come compressed, under hashed names, and may be kept for ever.
    statics = meter.static_files()
    assert {url.rsplit(".", 1)[-1] for url, _headers in statics} >= {"css", "js"}
    for url, headers in statics:
        assert headers["cache-control"] == FOREVER, url
        if url.endswith((".css", ".js")):
            assert headers["content-encoding"] == "br", url
    # The page itself is compressed too.
    (page_headers,) = [headers for url, headers in meter.responses.values() if url.endswith("/help/")]
    assert page_headers["content-encoding"] == "gzip"

    fill_help_form(page, language)
    family.submit(page.get_by_role("button", name=t(language, "Send my request")))
    status_link = page.url

    for path in (status_link, f"/{language}/offers/"):
        meter.reset()
        page = family.open(path)
        later = meter.total()
        print(f"{language} {path.split('?')[0]}, warm cache: {later} bytes ({meter.breakdown()})")
        assert later <= LATER_PAGE_BUDGET, meter.breakdown()
