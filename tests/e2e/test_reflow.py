"""Every page reflows at 400 % zoom (WCAG 1.4.10): at 320 × 640 CSS px nothing scrolls sideways and no form control
is wider than the screen, in a left-to-right and a right-to-left language (issue 16, item 6).

The pages come from the URL conf through the access matrix (tests/access/), which lists every URL pattern with the
fixtures its arguments need and the status each role gets: every page that answers 200 to an anonymous visitor, to
a family holding its private status link, or to a signed-in volunteer (one who offers help, one who accepted a
match) is opened, in English and Arabic, and checked by `Phone.check()` (axe, touch targets, overflow) and for wide
controls. The header stays at most 120 px tall at 360 px in every interface language, and a few pages are checked
at 1280 px too.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.access import MATRIX, ROLES, url_name
from tests.e2e.browser import Visit, main_menu, sign_in, t
from tests.factories import PASSWORD, SlotFactory, make_booking
from tests.needs.helpers import help_form, token_from
from tests.urls import all_url_names

SMALL = {"width": 320, "height": 640}  # 1280 px at 400 % zoom
PHONE = {"width": 360, "height": 740}
WIDE = {"width": 1280, "height": 900}
HEADER_MAX = 120

# Form controls (and tables) whose box leaves the screen; a data table that says it scrolls (a focusable region
# named for it) may be wider than the screen, and what is inside it too.
WIDE_CONTROLS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  const controls = "input:not([type=hidden]), select, textarea, button, .btn, fieldset, table, img, pre";
  for (const control of document.querySelectorAll(controls)) {
    if (!control.checkVisibility() || control.closest('[role=region][tabindex="0"]')) continue;
    const box = control.getBoundingClientRect();
    if (box.left < -0.5 || box.right > width + 0.5) {
      wide.push(`${Math.round(box.left)}..${Math.round(box.right)} ${control.outerHTML.slice(0, 120)}`);
    }
  }
  return wide;
}"""
SCROLL_WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"
HEADER_HEIGHT = "() => document.querySelector('header.site-header').getBoundingClientRect().height"


def pages_of(role, request, language):
    """(name, path) of every HTML page of the URL conf that answers 200 to this role, made with the matrix's
    fixtures: demo objects for detail pages, the private link of a request sent through the form for the family's."""
    index = ROLES.index(role)
    names = set(all_url_names())
    pages = []
    with translation.override(language):
        for key, (arguments, get_statuses, _post) in MATRIX.items():
            if url_name(key) not in names or get_statuses.split()[index] != "200":
                continue
            pages.append((key, _path(url_name(key), arguments, request)))
    return pages


def _path(name, arguments, request):
    if arguments == "family_link":
        token = request.getfixturevalue("family_link")["k"]
        return f"{reverse(name)}?k={token}"
    if arguments is None:
        return reverse(name)
    if isinstance(arguments, dict):
        return reverse(name, kwargs=arguments)
    value = request.getfixturevalue(arguments)
    return reverse(name, kwargs=value if isinstance(value, dict) else {"pk": value.pk})


def is_html(phone, path):
    """Feeds, calendars, files and health checks are not pages a person reads: asked first, without loading them."""
    response = phone.context.request.get(path, max_redirects=0)
    return response.status == 200 and response.headers.get("content-type", "").startswith("text/html")


def check_reflows(phone, path):
    page = phone.open(path)  # axe, touch targets, no sideways scroll (Phone.check)
    scroll_width, width = page.evaluate(SCROLL_WIDTH)
    assert scroll_width <= width, f"{path}: the page is {scroll_width} px wide on a {width} px screen"
    wide = page.evaluate(WIDE_CONTROLS)
    assert wide == [], f"{path}: wider than the {width} px screen:\n" + "\n".join(wide)
    return page


def _check_each(phone, path, problems):
    """Checks one page; what is wrong is collected, so that one run shows every page that does not reflow."""
    try:
        check_reflows(phone, path)
    except AssertionError as problem:
        problems.append(str(problem))


@pytest.fixture
def family_link(eastside):
    """The status link of a request a family really sent through the help form (in Arabic, with a Latin name and a
    best time ticked): the query string {"k": token} of the page the form sends it to."""
    # The e2e settings answer only to 127.0.0.1 (ALLOWED_HOSTS). The request switches this thread to Arabic: the
    # language in use before is put back after it.
    with translation.override(translation.get_language()):
        response = Client(HTTP_HOST="127.0.0.1").post(
            "/ar/help/", help_form(eastside, first_name="Rosa María", best_times=["0", "20"])
        )
    assert response.status_code == 302, "the help form did not send the request"
    return {"k": token_from(response["Location"])}


@pytest.fixture
def slot(event, shift):
    """conftest's slot, an hour later: the lawyers' slot of `legal_night_served` takes the event's first minutes,
    and this test asks for both."""
    return SlotFactory(event=event, shift=shift, starts_at=event.starts_at + timedelta(hours=1))


@pytest.fixture
def booking_link(slot):
    """conftest's booking link, from another family than the booking of `legal_night_served`."""
    _booking, token = make_booking(slot, first_name="Rosa", contact="+12025550148")
    return {"token": token}


@pytest.fixture
def small_visit(browser, e2e_server):
    people = Visit(browser, e2e_server, SMALL)
    yield people
    people.close()


@pytest.mark.long(90)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_public_family_and_volunteer_page_reflows_at_320_px(small_visit, request, language):
    seen = set()
    checked = []
    problems = []
    # Anonymous visitors, then the family with its link: the pages only the link opens.
    for role in ("anonymous", "family"):
        phone = small_visit.phone(role)
        for key, path in pages_of(role, request, language):
            if path in seen or not is_html(phone, path):
                continue
            seen.add(path)
            _check_each(phone, path, problems)
            checked.append(key)
    # Volunteers, signed in: their own pages, and the public ones with a signed-in header. The two volunteers have
    # the same header, so the one who accepted a match is shown only the pages the other was not: its match's.
    for role in ("volunteer", "accepted_volunteer"):
        person = request.getfixturevalue(role)
        phone = small_visit.phone(role)
        sign_in(phone, language, person.email, password=PASSWORD)
        for key, path in pages_of(role, request, language):
            if ("signed in", path) in seen or not is_html(phone, path):
                continue
            seen.add(("signed in", path))
            _check_each(phone, path, problems)
            checked.append(key)
    assert problems == [], "\n\n".join(problems)
    # The list is the URL conf's: families' pages and volunteers' own pages are among them.
    for expected in (
        "core:home",
        "needs:ask",
        "needs:status",
        "needs:change",
        "offers:detail",
        "events:detail",
        "events:book",
        "accounts:profile",
        "offers:create",
        "matching:match_detail",
        "events:my_slots",
    ):
        assert expected in checked, f"{expected} was not checked"


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_header_is_at_most_120_px_tall_at_360_px(browser, e2e_server, request, language):
    people = Visit(browser, e2e_server, PHONE)
    try:
        anonymous = people.phone("anonymous")
        page = anonymous.open(f"/{language}/")
        assert page.evaluate(HEADER_HEIGHT) <= HEADER_MAX, f"/{language}/: header {page.evaluate(HEADER_HEIGHT)} px"
        # The menu opens without script and reaches every page of the main menu.
        menu = main_menu(page, language)
        assert menu.get_by_role("link", name=t(language, "Ask for help")).is_visible()
        # Opening the language menu closes the main menu: the two never lie on top of each other.
        page.locator("header summary").filter(has_text=t(language, "Language")).click()
        assert page.get_by_role("link", name="Español").is_visible()
        assert not menu.get_by_role("link", name=t(language, "Ask for help")).is_visible()
        if language in ("en", "es", "ar"):
            volunteer = people.phone("volunteer")
            page = sign_in(volunteer, language, request.getfixturevalue("volunteer").email, password=PASSWORD)
            page = volunteer.open(f"/{language}/my/")
            height = page.evaluate(HEADER_HEIGHT)
            assert height <= HEADER_MAX, f"/{language}/my/ signed in: header {height} px"
    finally:
        people.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_few_pages_at_1280_px(browser, e2e_server, request, language):
    people = Visit(browser, e2e_server, WIDE)
    try:
        phone = people.phone("desktop")
        paths = [f"/{language}/", f"/{language}/help/", f"/{language}/offers/", f"/{language}/events/"]
        with translation.override(language):
            paths.append(_path("events:detail", "event", request))
            paths.append(_path("needs:status", "family_link", request))
        for path in paths:
            page = check_reflows(phone, path)
            # Wide screens show the main menu in the header, without the "Menu" button.
            assert page.get_by_role("navigation", name=t(language, "Main menu")).is_visible()
            assert not page.locator("header summary").filter(has_text=t(language, "Menu")).is_visible()
    finally:
        people.close()
