"""A person's phone in the browser tests: pages opened with Playwright, each one checked as it loads.

Every page a test loads must pass `Phone.check()`: axe-core finds no serious or critical violation of WCAG 2.0,
2.1 or 2.2 (A and AA) or of axe's best practices, every control is big enough for a finger, every icon comes with
words, and nothing is wider than the screen. `Visit.close()` fails the test if a page was loaded but never checked.
"""

import os
import re
from pathlib import Path

from axe_playwright_python.base import AXE_FILE_PATH
from django.utils import translation

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
FAILING_IMPACTS = {"serious", "critical"}
TOUCH_TARGET = 44  # CSS pixels

# Controls a finger must hit whose box is less than `minimum` high or wide. A checkbox or radio button counts
# with its label, which takes the touch too. Links inside running text are exempt, as in WCAG 2.5.8.
SMALL_TARGETS = """(minimum) => {
  const controls = ["a.btn", "button", "input:not([type=hidden])", "select", "textarea", "summary", ".nav-link",
                    ".page-link", ".dropdown-item"].join(",");
  const small = [];
  for (const control of document.querySelectorAll(controls)) {
    if (!control.checkVisibility()) continue;
    let box = control.getBoundingClientRect();
    if (control.type === "checkbox" || control.type === "radio") {
      const label = control.closest("label") || (control.id && document.querySelector(`label[for="${control.id}"]`));
      if (label && label.checkVisibility()) {
        const around = label.getBoundingClientRect();
        if (around.height * around.width > box.height * box.width) box = around;
      }
    }
    if (box.height < minimum - 0.5 || box.width < minimum - 0.5) {
      small.push(`${Math.round(box.width)}x${Math.round(box.height)} ${control.outerHTML.slice(0, 120)}`);
    }
  }
  return small;
}"""
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
# Read in the page at once: a locator's get_attribute waits for its element and cost ~18 ms a call, twice a page.
LANG_AND_DIR = '() => [document.documentElement.getAttribute("lang"), document.documentElement.getAttribute("dir")]'
# Icons are decoration next to words: hidden from screen readers, never alone in their link, button or label.
# A picture with its own name (a QR code: role="img" and aria-label) is not an icon.
LONE_ICONS = """() => [...document.querySelectorAll("main svg:not([role=img][aria-label]), header svg")]
  .filter((svg) => svg.getAttribute("aria-hidden") !== "true" || !svg.parentElement.textContent.trim())
  .map((svg) => svg.parentElement.outerHTML.slice(0, 160))"""


def t(language, message, context=None):
    """What a screen reader reads in that interface language: the catalogs' translation of an AidHub string."""
    with translation.override(language):
        return translation.pgettext(context, message) if context else translation.gettext(message)


def axe_report(url, violations):
    lines = [f"axe on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['html'][:200]}" for node in violation["nodes"][:5])
    return "\n".join(lines)


class Phone:
    """One person's browser (its own cookies and cache) on a phone-sized screen."""

    def __init__(self, browser, base_url, viewport, name):
        self.name = name
        self.context = browser.new_context(base_url=base_url, viewport=viewport)
        # The axe-core that axe-playwright-python ships (nothing is downloaded), in every page from its start:
        # its `Axe.run` sent the 570 KB script again with each check, which cost more (~0.1 s a page on two
        # cores) than Chromium running it as each page starts.
        self.context.add_init_script(path=AXE_FILE_PATH)
        self.page = self.context.new_page()
        self.loads = []
        self.checked = 0
        self.page.on("load", lambda page: self.loads.append(page.url))

    def open(self, path):
        self.page.goto(path)
        return self.check()

    def submit(self, control):
        """Clicks a button or link that loads another page, then checks that page."""
        with self.page.expect_navigation():
            control.click()
        return self.check()

    def check(self):
        """The page has loaded; axe finds nothing serious or critical on it; every control is big enough for a
        finger; every icon has words next to it; nothing is wider than the screen."""
        page = self.page
        page.wait_for_load_state("load")
        self.checked = len(self.loads)
        lang, direction = page.evaluate(LANG_AND_DIR)
        assert lang, f"{page.url}: <html> has no lang"
        assert direction in ("ltr", "rtl"), f"{page.url}: <html> has no dir"
        violations = page.evaluate("(options) => axe.run(options)", AXE_OPTIONS)["violations"]
        failing = [violation for violation in violations if violation["impact"] in FAILING_IMPACTS]
        assert failing == [], axe_report(page.url, failing)
        small = page.evaluate(SMALL_TARGETS, TOUCH_TARGET)
        assert small == [], f"{page.url}: touch targets under {TOUCH_TARGET} px:\n" + "\n".join(small)
        lone_icons = page.evaluate(LONE_ICONS)
        assert lone_icons == [], f"{page.url}: icons without words:\n" + "\n".join(lone_icons)
        overflow = page.evaluate(OVERFLOW)
        assert overflow <= 0, f"{page.url}: {overflow} px wider than the phone's screen"
        self._screenshot()
        return page

    def _screenshot(self):
        """With E2E_SCREENSHOTS=<folder>, every checked page is saved there whole, to look at."""
        folder = os.environ.get("E2E_SCREENSHOTS")
        if folder:
            path = self.page.url.split("//", 1)[-1].split("/", 1)[-1].split("?", 1)[0]
            name = f"{self.name}-{len(self.loads):02d}-{re.sub(r'[^\w-]+', '_', path).strip('_')}.png"
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=Path(folder) / name, full_page=True)

    def unchecked_pages(self):
        return self.loads[self.checked :]

    def close(self):
        self.context.close()


class Visit:
    """The people of one test, each with a phone; at the end, every page any of them loaded must have been checked."""

    def __init__(self, browser, base_url, viewport):
        self.browser = browser
        self.base_url = base_url
        self.viewport = viewport
        self.phones = []

    def phone(self, name="person"):
        phone = Phone(self.browser, self.base_url, self.viewport, f"{len(self.phones)}-{name}")
        self.phones.append(phone)
        return phone

    def close(self):
        unchecked = [url for phone in self.phones for url in phone.unchecked_pages()]
        for phone in self.phones:
            phone.close()
        assert unchecked == [], f"pages loaded but never checked: {unchecked}"


def main_menu(page, language):
    """The main menu's links. On a phone they sit behind the header's "Menu" button, which this opens first."""
    summary = page.locator("header summary").filter(has_text=t(language, "Menu"))
    if summary.is_visible():
        summary.click()
    return page.get_by_role("navigation", name=t(language, "Main menu"))


def totp_code(secret):
    """The current code of an authenticator app holding this secret."""
    from aidhub.lib.adapters import allauth

    return allauth.totp_code(secret)


def sign_in(phone, language, email, *, password, totp_secret=None):
    """Signs in through the pages, in that language: email and password, then the authenticator's code."""
    page = phone.open(f"/{language}/accounts/login/")
    page.get_by_label(t(language, "Email")).fill(email)
    page.get_by_label(t(language, "Password")).fill(password)
    phone.submit(page.get_by_role("button", name=t(language, "Sign In"), exact=True))
    if totp_secret:
        page.get_by_label(t(language, "Code")).fill(totp_code(totp_secret))
        phone.submit(page.get_by_role("button", name=t(language, "Sign In"), exact=True))
    return page
