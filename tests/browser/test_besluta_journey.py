"""Besluta on a phone, in Swedish and in Arabic (RTL): a newcomer's profile through the question
pages, a target occupation, its decision basis, two routes compared, one chosen, the plan edited
(a date moved, an own step added) and the print view. axe (WCAG 2.2 AA) on every page."""
from __future__ import annotations

import re

import pytest
from flask import session as flask_session

from tests.browser.conftest import submit_step

pytestmark = pytest.mark.browser

TARGETS = {"targets": ["jY19_knH_MJp"], "details": [
    {"group_id": "jY19_knH_MJp", "ssyk": "5321", "label": "Undersköterska"}]}


def save_targets(app, page):
    """The targets the person chose on Inventera's results page (covered by its own journey),
    written into the browser's plan: its id comes from the browser's signed session cookie."""
    from app.plans import store

    cookie = next(c for c in page.context.cookies() if c["name"] == app.config.get("SESSION_COOKIE_NAME", "session"))
    with app.test_request_context(headers={"Cookie": f"{cookie['name']}={cookie['value']}"}):
        assert flask_session.get(store.SESSION_KEY)
        store.save_answers(store.current_plan(), "inventera.targets", TARGETS)


@pytest.mark.parametrize("locale_id,direction,javascript", [
    ("sv", "ltr", True), ("ar", "rtl", True), ("sv", "ltr", False)], ids=["sv-js", "ar-js", "sv-no-js"])
def test_besluta_journey_on_a_phone(new_page, catalogue_server, check_a11y, locale_id, direction, javascript):
    base, app = catalogue_server
    page = new_page(javascript=javascript)
    # The profile: education and Swedish (Inventera), then Besluta's situation question.
    page.goto(f"{base}/inventera/fraga/education?lang={locale_id}")
    assert page.evaluate("document.documentElement.dir") == direction
    page.locator("input[name=level][value=compulsory]").check()
    page.locator("input[name=country][value=abroad]").check()
    submit_step(page, r"/fraga/swedish$")
    page.locator("input[name=level][value=sfi_c]").check()
    submit_step(page, r"/fraga/home")
    save_targets(app, page)

    page.goto(f"{base}/besluta/")
    check_a11y(page)
    page.goto(f"{base}/besluta/fraga/situation")
    check_a11y(page)
    submit_step(page, r"/besluta/fraga/situation")                       # nothing filled in: errors
    page.locator("#error-summary").wait_for()
    check_a11y(page)
    page.locator("#birth_year").fill("1988")
    page.locator("input[name=situation][value=unemployed_registered]").check()
    page.locator("#children").fill("2")
    submit_step(page, r"/besluta/fraga/money")
    # Money over time: only what matters for an unemployed parent; a wrong year is refused at the field.
    assert page.locator("#programme_month").count() == 0 and page.locator("#children_born").count() == 1
    page.locator("#children_born").fill("2016, tjugo")
    submit_step(page, r"/besluta/fraga/money")
    page.locator("#error-summary").wait_for()
    assert page.locator("#children_born").input_value() == "2016, tjugo"     # what was typed is kept
    check_a11y(page)
    page.locator("#children_born").fill("2016, 2020")
    page.locator("#work_years").fill("3")
    page.locator("input[name=akassa][value=no]").check()
    submit_step(page, r"/besluta/fraga/priorities")

    # The decision basis for the target.
    page.goto(f"{base}/besluta/")
    page.locator(".target-list a[href='/besluta/yrke/5321']").click()
    page.wait_for_url(re.compile(r"/besluta/yrke/5321$"))
    assert page.locator("article.route").count() >= 2
    # Besluta's stylesheet applies also after a boosted link (htmx swaps only the body).
    page.wait_for_function("getComputedStyle(document.querySelector('ol.timeline')).borderInlineStartWidth !== '0px'")
    assert page.locator("section[aria-labelledby=work-title] .fact-source a").count() == 2
    check_a11y(page)

    # Compare: the table scrolls inside its labelled region, never the page.
    page.locator("main a.button[href='/besluta/yrke/5321/jamfor']").first.click()   # at the top (and the end)
    page.wait_for_url(re.compile(r"/jamfor$"))
    assert page.locator("ol.compare-cards > li.compare-card").count() >= 2
    # every route's rows are on the page, none off screen to the side
    for i in range(page.locator("li.compare-card").count()):
        box = page.locator("li.compare-card").nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    check_a11y(page)
    page.set_viewport_size({"width": 320, "height": 700})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 390, "height": 844})

    # Choose route 2: it becomes the plan.
    page.locator("form[action='/besluta/yrke/5321/valj'] button").nth(1).click()
    page.wait_for_url(re.compile(r"/besluta/plan$"))
    steps = page.locator("ol.timeline > li")
    assert steps.count() >= 3
    check_a11y(page)

    # Move the first study step's date: what depends on it follows (the job search, the ready date).
    step = page.locator("ol.timeline > li.timeline__step--language, ol.timeline > li.timeline__step--education").first
    step_id = step.get_attribute("id")
    before = {"step": step.locator(".timeline__dates").inner_text(),
              "job": page.locator("ol.timeline > li.timeline__step--job_search .timeline__dates").inner_text(),
              "ready": page.locator(".plan-summary").inner_text()}
    step.locator("details.step-edit > summary").click()
    step.locator("input[type=date]").fill("2027-09-20")
    step.locator("form[action$='/move'] button").click()
    page.wait_for_url(re.compile(r"/besluta/plan"))
    assert "2027" in page.locator(f"#{step_id} .timeline__dates").inner_text()
    assert page.locator(f"#{step_id} .timeline__dates").inner_text() != before["step"]
    assert page.locator("ol.timeline > li.timeline__step--job_search .timeline__dates").inner_text() != before["job"]
    assert page.locator(".plan-summary").inner_text() != before["ready"]
    # the money shown for the studies keeps its source and period after the move
    assert page.locator("ol.timeline > li.timeline__step--apply_financing .fact-source a").count() >= 1
    check_a11y(page)

    # Remove the education step, see the undo, put it back: the plan is as it was.
    ready = page.locator(".plan-summary").inner_text()
    edu = page.locator("ol.timeline > li.timeline__step--education").first
    edu_id = edu.get_attribute("id")
    edu.locator("details.step-edit > summary").click()
    edu.locator("form[action$='/remove'] button").click()
    page.wait_for_url(re.compile(r"/besluta/plan"))
    page.locator("#undo").wait_for()
    assert page.locator(f"#{edu_id}").count() == 0
    check_a11y(page)
    page.locator("#undo button").click()
    page.wait_for_url(re.compile(r"/besluta/plan"))
    assert page.locator(f"#{edu_id}").count() == 1 and page.locator("#undo").count() == 0
    assert page.locator(".plan-summary").inner_text() == ready

    # Add an own step: first without a title (error at the field), then properly.
    page.locator("#add-start").fill("2027-02-01")
    page.locator("form.add-step button").click()
    page.wait_for_url(re.compile(r"/besluta/plan"))
    page.locator("#add-title-error").wait_for()
    check_a11y(page)
    page.locator("#add-title").fill("Jobbmässa" if locale_id == "sv" else "معرض الوظائف")
    page.locator("#add-start").fill("2027-02-01")
    page.locator("form.add-step button").click()
    page.wait_for_url(re.compile(r"/besluta/plan"))
    assert page.locator("li.timeline__step--own").count() == 1
    check_a11y(page)
    assert page.evaluate("document.documentElement.dir") == direction

    # The print view: no forms, the steps; prints without navigation.
    page.locator("a[href='/besluta/plan?print=1']").click()
    page.wait_for_url(re.compile(r"print=1"))
    assert page.locator("main form").count() == 0
    check_a11y(page)
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.locator("ol.timeline > li").first.is_visible()
    assert not page.locator("details.step-edit, form.add-step").count()
    if javascript:
        assert page.pdf(format="A4").startswith(b"%PDF")               # prints as a document
    page.emulate_media(media="screen")


def newcomer_with_target(page, base: str, app, locale_id: str = "sv", *, situation: bool = True) -> None:
    """The profile the Besluta pages need, through the pages: compulsory school abroad and sfi C
    (Inventera), undersköterska as the target, and (``situation``) unemployed, no children."""
    page.goto(f"{base}/inventera/fraga/education?lang={locale_id}")
    page.locator("input[name=level][value=compulsory]").check()
    page.locator("input[name=country][value=abroad]").check()
    submit_step(page, r"/fraga/swedish$")
    page.locator("input[name=level][value=sfi_c]").check()
    submit_step(page, r"/fraga/home")
    save_targets(app, page)
    if situation:
        page.goto(f"{base}/besluta/fraga/situation")
        page.locator("#birth_year").fill("1988")
        page.locator("input[name=situation][value=unemployed_registered]").check()
        page.locator("#children").fill("0")
        submit_step(page, r"/besluta/fraga/money")
