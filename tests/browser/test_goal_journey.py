"""Issue 11 on a phone: name a goal that is not in the results ("I want to become ..."), open its
decision basis, make it one of the occupations; with and without JavaScript; axe (WCAG 2.2 AA)
finds nothing on the pages visited."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_name_a_goal_open_it_and_make_it_a_target(new_page, catalogue_server, check_a11y, javascript):
    base, _app = catalogue_server
    page = new_page(javascript=javascript)
    page.goto(f"{base}/besluta/mal")
    check_a11y(page)
    page.locator("#goal-q").fill("bussförare")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/besluta/mal\?q="))
    link = page.locator(".goal-hits a[href='/besluta/yrke/8331']").first
    assert link.is_visible()
    check_a11y(page)
    link.click()
    page.wait_for_url(re.compile(r"/besluta/yrke/8331$"))
    assert page.locator("#gap-title").is_visible()
    assert page.locator(".similar-list li").count() >= 3
    check_a11y(page)
    page.locator("form.make-target button[type=submit]").click()
    page.wait_for_url(re.compile(r"/besluta/yrke/8331\?added=1$"))
    assert page.locator(".panel--success").is_visible()
    assert page.locator("form.make-target").count() == 0
    check_a11y(page)
    page.goto(f"{base}/besluta/")
    assert page.locator(".target-list a[href='/besluta/yrke/8331']").count() == 1


def test_unknown_occupation_code_on_a_phone(new_page, catalogue_server, check_a11y):
    base, _app = catalogue_server
    page = new_page()
    response = page.goto(f"{base}/besluta/yrke/0000?lang=ar")
    assert response.status == 404
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("#goal-q").is_visible()
    check_a11y(page)


def test_goal_pages_have_big_enough_controls(new_page, catalogue_server):
    """The touch-target check (tests/browser/test_touch_targets.py) on the goal pages: search,
    no hits with the areas, a decision basis that is not a target, the 'which to replace' page."""
    from tests.browser.test_touch_targets import too_small

    base, _app = catalogue_server
    page = new_page()
    small = {}
    for name, url in (("goal search", "/besluta/mal?q=bussförare"), ("no hits", "/besluta/mal?q=xqzwv"),
                      ("area", "/besluta/mal?omrade=8"), ("not a target", "/besluta/yrke/2611"),
                      ("unknown", "/besluta/yrke/0000")):
        page.goto(f"{base}{url}")
        if found := too_small(page):
            small[name] = found
    for ssyk in ("8331", "8332", "9111"):
        page.goto(f"{base}/besluta/yrke/{ssyk}")
        page.locator("form.make-target button[type=submit]").click()
        page.wait_for_url(re.compile(rf"/besluta/yrke/{ssyk}\?added=1$"))
    page.goto(f"{base}/besluta/yrke/2611")
    page.locator("form.make-target button[type=submit]").click()
    page.wait_for_selector("input[name=replace]")
    if found := too_small(page):
        small["replace"] = found
    assert small == {}
