"""The first screen answers the page's question: on a 320 and a 390 px phone the results show the
first occupation with how well it fits and why, the comparison shows route 1's rows, the decision
basis its summary — each with the page's primary action — without scrolling."""
from __future__ import annotations

import re

import pytest

from tests.browser.test_besluta_journey import newcomer_with_target

pytestmark = pytest.mark.browser

FIRST_SCREEN = """sel => { const el = document.querySelector(sel);
  if (!el) return null; const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"""


@pytest.mark.parametrize("width, height", [(320, 640), (390, 844)])
def test_first_screen_holds_the_answer_and_the_primary_action(new_page, catalogue_server, check_a11y, width, height):
    base, app = catalogue_server
    page = new_page()
    page.set_viewport_size({"width": width, "height": height})
    newcomer_with_target(page, base, app)

    checks = {
        "/inventera/resultat": (".target-card .target-card__match", "#targets-form button[type=submit]"),
        "/besluta/yrke/5321/jamfor": ("li.compare-card dl", "li.compare-card form button"),
        "/besluta/yrke/5321": (".decision-summary dl", "main a.button[href='/besluta/yrke/5321/jamfor']"),
    }
    for path, (answer, action) in checks.items():
        page.goto(f"{base}{path}")
        page.wait_for_url(re.compile(re.escape(path) + "$"))
        assert page.evaluate(FIRST_SCREEN, answer), (path, "answer")
        assert page.evaluate(FIRST_SCREEN, action), (path, "action")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        check_a11y(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_language_menu_fits_a_320_px_phone(new_page, live_server, check_a11y, javascript):
    """One control in the header opens the list of languages, each in its own script; it works
    without JavaScript and nothing scrolls sideways on a 320 px phone."""
    page = new_page(javascript=javascript)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server}/?lang=sv")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 90                                   # one row: the name and the menu
    summary = page.locator(".language-menu summary")
    box = summary.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert not page.locator(".language-switcher [lang=ar]").is_visible()
    summary.click()
    for tag in ("sv", "en", "ar"):
        assert page.locator(f".language-switcher ul [lang={tag}]").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    check_a11y(page)
    page.locator(".language-switcher [lang=ar]").click()
    page.wait_for_url(re.compile(r"lang=ar"))
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
