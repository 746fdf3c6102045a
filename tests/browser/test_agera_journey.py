"""Agera on a phone, in Swedish and Arabic (RTL), with and without JavaScript: write the first step,
tick a step off, choose the route, download the calendar and the plan file, share the plan, open the
link in another browser, stop sharing. axe (WCAG 2.2 AA) on every page."""
from __future__ import annotations

import json
import re

import pytest
from flask import session as flask_session
from playwright.sync_api import expect

from tests.test_sharing import sample_plan

pytestmark = pytest.mark.browser


def save_plan(app, page):
    """The route the person chose in Besluta (its own journey covers that), written into the
    browser's plan: the id comes from the browser's signed session cookie."""
    from app.plans import store

    cookie = next(c for c in page.context.cookies() if c["name"] == app.config.get("SESSION_COOKIE_NAME", "session"))
    with app.test_request_context(headers={"Cookie": f"{cookie['name']}={cookie['value']}"}):
        assert flask_session.get(store.SESSION_KEY)
        store.save_answers(store.current_plan(), "besluta.plan", dict(sample_plan().to_dict(), user_notes={}))


@pytest.mark.parametrize("locale_id,direction,javascript", [
    ("sv", "ltr", True), ("ar", "rtl", True), ("sv", "ltr", False)], ids=["sv-js", "ar-js", "sv-no-js"])
def test_agera_journey_on_a_phone(new_page, app_server, check_a11y, tmp_path, locale_id, direction, javascript):
    base, app = app_server
    page = new_page(javascript=javascript)
    # The if-then commitment (this also creates the browser's plan).
    page.goto(f"{base}/agera/fraga/commitment?lang={locale_id}")
    assert page.evaluate("document.documentElement.dir") == direction
    check_a11y(page)
    page.locator("#when").fill("på måndag efter frukost")
    page.locator("#then").fill("ringer jag Komvux")
    page.locator("#step-form button.button[type=submit]").click()
    page.wait_for_url(re.compile(r"/agera/nasta$"))
    save_plan(app, page)

    # Next steps: tick the first one off; the progress shows it.
    page.goto(f"{base}/agera/nasta")
    check_a11y(page)
    assert page.locator("progress").get_attribute("value") == "0"
    page.locator("#step-1-language-sfi_d form button").click()
    page.wait_for_url(re.compile(r"/agera/nasta#step-1-language-sfi_d$"))
    expect(page.locator("progress")).to_have_attribute("value", "1")
    assert page.locator("#when-done + ol #step-1-language-sfi_d").count() == 1
    check_a11y(page)

    # The decision moment.
    page.locator("form[action='/agera/valj'] button").click()
    page.wait_for_url(re.compile(r"/agera/nasta#decision$"))
    page.wait_for_selector("#decision + .panel--success")
    assert page.locator("form[action='/agera/valj']").count() == 0
    check_a11y(page)

    # Downloads: the calendar and the plan file.
    with page.expect_download() as info:
        page.locator("a[href='/agera/plan.ics']").click()
    ics = tmp_path / "plan.ics"
    info.value.save_as(ics)
    assert ics.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    with page.expect_download() as info:
        page.locator("a[href='/agera/plan.json']").click()
    saved = tmp_path / "plan.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["schema"] == "vagval.plan" and data["progress"]["done"] == ["1-language-sfi_d"]

    # Share: consent is required, then a link and its QR code.
    page.goto(f"{base}/agera/dela")
    check_a11y(page)
    page.locator("form[action='/agera/dela'] button[type=submit]").click()
    page.wait_for_selector("#error-summary")
    check_a11y(page)
    page.locator("#consent").check()
    page.locator("form[action='/agera/dela'] button[type=submit]").click()
    page.wait_for_selector("#active-shares + ul input[readonly]")
    link = page.locator("#active-shares + ul input[readonly]").input_value()
    assert re.fullmatch(rf"{re.escape(base)}/delad/[A-Za-z0-9_-]{{22,}}", link)
    if javascript:
        img = page.locator("#active-shares + ul img")
        img.wait_for()
        page.wait_for_load_state("load")
        assert img.evaluate("el => el.complete && el.naturalWidth") > 0
        # one tap copies the link (and says so)
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        page.locator("button.copy-button").click()
        expect(page.locator(".copy-status")).not_to_have_text("")
        assert page.evaluate("navigator.clipboard.readText()") == link
    else:
        assert not page.locator("button.copy-button").is_visible()        # the field is there to select
    check_a11y(page)

    # Someone else opens the link on their phone: read only.
    other = new_page(javascript=javascript)
    response = other.goto(link)
    assert response.status == 200
    assert other.locator("main form").count() == 0 and other.locator("main input").count() == 0
    assert other.locator("ol.timeline > li").count() == len(sample_plan().steps)
    check_a11y(other)

    # Stop sharing: the link says so at once.
    page.locator("#active-shares + ul form button").click()
    page.wait_for_url(re.compile(r"/agera/dela$"))
    expect(page.locator("#active-shares + ul input[readonly]")).to_have_count(0)
    check_a11y(page)
    response = other.goto(link)
    assert response.status == 410
    assert other.locator("ol.timeline").count() == 0
    check_a11y(other)
