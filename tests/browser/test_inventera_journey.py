"""A newcomer on a phone walks Upptäcka -> Inventera -> results, in Swedish and in Arabic (RTL),
with and without JavaScript: search and add a job, confirm competences, answer interests and
what matters, see ranked occupations and choose targets. axe on every page."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import submit_step

pytestmark = pytest.mark.browser



@pytest.mark.parametrize("locale_id,direction,javascript", [
    ("sv", "ltr", True), ("sv", "ltr", False), ("ar", "rtl", True)], ids=["sv-js", "sv-no-js", "ar-js"])
def test_upptacka_inventera_results_journey(new_page, catalogue_server, check_a11y, locale_id, direction, javascript):
    base, _app = catalogue_server
    page = new_page(javascript=javascript)
    page.goto(f"{base}/upptacka/?lang={locale_id}")
    assert page.evaluate("document.documentElement.dir") == direction
    check_a11y(page)
    page.locator("main a.button").click()                 # Start: the short guide pages
    for _ in range(5):
        page.wait_for_url(re.compile(r"/upptacka/las/"))
        check_a11y(page)
        page.locator("main a.button").click()
    page.wait_for_url(re.compile(r"/upptacka/fraga/goal"))
    check_a11y(page)
    page.locator("input[name=goal][value=study]").check()
    submit_step(page, r"/upptacka/fraga/worries")
    page.locator("input[name=worries][value=swedish]").check()
    submit_step(page, r"/upptacka/svar")
    check_a11y(page)
    page.locator("main a.button[href='/inventera/']").click()   # on into Inventera
    page.wait_for_url(re.compile(r"/inventera/$"))

    page.goto(f"{base}/inventera/fraga/education")
    page.locator("input[name=level][value=compulsory]").check()
    page.locator("input[name=country][value=abroad]").check()
    submit_step(page, r"/fraga/swedish$")
    page.locator("input[name=level][value=unknown]").check()
    submit_step(page, r"/fraga/swedish_can_do")
    check_a11y(page)
    page.locator("input[name=level][value=sfi_c]").check()
    submit_step(page, r"/fraga/home")
    page.locator("#municipality").fill("Malmö")
    page.locator("#max_commute").fill("45")
    submit_step(page, r"/fraga/occupations")

    # Search and add a job: htmx refreshes the hits in place; without JS the search form reloads.
    search = page.locator("#search-q")
    if javascript:
        search.press_sequentially("underskoterska")
        page.locator("#occupation-hits .hit").first.wait_for()
        assert re.search(r"/fraga/occupations$", page.url), "htmx search keeps the page"
    else:
        search.fill("undersköterska")
        page.locator("form[role=search] button[type=submit]").click()
        page.wait_for_url(re.compile(r"q=und"))
    check_a11y(page)
    hit = page.locator("#occupation-hits .hit", has_text="5321").first
    hit.locator("button[name=add]").click()
    page.wait_for_url(re.compile(r"/fraga/occupations"))
    page.locator("#occupations-0-years").wait_for()
    check_a11y(page)
    page.locator("#step-form button.button[type=submit]").click()      # years missing: stays, explains
    page.locator("#error-summary").wait_for()
    check_a11y(page)
    page.locator("#occupations-0-years").fill("3")
    page.locator("input[name='occupations-0-where'][value=abroad]").check()
    submit_step(page, r"/fraga/competences")

    boxes = page.locator("input[name=skills]")
    assert 15 <= boxes.count() <= 25
    assert page.locator("input[name=skills]:checked").count() == 0      # nothing assumed
    check_a11y(page)
    for i in range(6):
        boxes.nth(i).check()
    if javascript:                                       # re-ranked in place as boxes are ticked
        page.locator("#rank-preview li").first.wait_for()
        check_a11y(page)
    submit_step(page, r"/fraga/interests")
    for key in ("s_care", "s_listen", "r_build"):
        page.locator(f"input[name=likes][value={key}]").check()
    check_a11y(page)
    submit_step(page, r"/fraga/drivers")
    page.locator("input[name=work_with][value=people]").check()
    for name, value in (("physical", "some"), ("place", "indoor"), ("hours", "evenings"), ("pay", "some"),
                        ("education_weeks", "80")):
        page.locator(f"input[name={name}][value='{value}']").check()
    check_a11y(page)
    submit_step(page, r"/inventera/svar")
    check_a11y(page)

    page.locator("a[href='/inventera/resultat']").click()
    page.wait_for_url(re.compile(r"/inventera/resultat"))
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        locale_id, direction]
    cards = page.locator(".target-card")
    assert cards.count() == 10
    first = cards.first
    first.locator("summary").click()                    # details opens without JS too
    assert first.locator("details").get_attribute("open") is not None
    check_a11y(page)
    page.locator("input[name=targets]").nth(0).check()
    page.locator("input[name=targets]").nth(1).check()
    page.locator("#targets-form button[type=submit]").last.click()        # the same button is at the top too
    page.wait_for_url(re.compile(r"saved=1"))
    page.locator("#saved-targets").wait_for()
    assert page.locator("input[name=targets]:checked").count() == 2
    check_a11y(page)
