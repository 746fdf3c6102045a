"""A job seeker on a phone: start page and a question in every language, saving, reloading,
switching language, resuming on another browser; with and without JavaScript; axe on every page."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

LOCALES = {"sv": ("sv", "ltr"), "sv@lattlast": ("sv", "ltr"), "en": ("en", "ltr"), "ar": ("ar", "rtl"),
           "so": ("so", "ltr"), "ti": ("ti", "ltr"), "prs": ("prs", "rtl"), "uk": ("uk", "ltr")}


def _lang_dir(page):
    return page.evaluate("[document.documentElement.lang, document.documentElement.dir]")


@pytest.mark.parametrize("locale_id", LOCALES)
def test_start_page_and_a_question_in_every_language(new_page, live_server, check_a11y, locale_id):
    page = new_page()
    page.goto(f"{live_server}/?lang={locale_id}")
    assert _lang_dir(page) == list(LOCALES[locale_id])
    assert page.locator(".task-list__item").count() == 4
    check_a11y(page)
    page.locator(".task-list__link").nth(1).click()            # Inventera
    page.wait_for_url(re.compile(r"/inventera/$"))
    check_a11y(page)
    page.goto(f"{live_server}/inventera/fraga/swedish")
    assert _lang_dir(page) == list(LOCALES[locale_id])
    check_a11y(page)
    # Submitting nothing: the error summary and the message at the field, still accessible.
    page.locator("#step-form button[type=submit]").click()
    page.locator("#error-summary").wait_for()
    assert page.locator("#level-error").is_visible()
    check_a11y(page)


def test_arabic_layout_is_mirrored(new_page, live_server):
    page = new_page()
    page.goto(f"{live_server}/?lang=ar")
    width = page.viewport_size["width"]
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > width / 2, "in RTL the brand sits on the right"
    page.goto(f"{live_server}/?lang=sv")
    assert page.locator(".brand").bounding_box()["x"] < width / 2


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_answer_survives_reload_back_and_language_switch(new_page, live_server, check_a11y, javascript):
    page = new_page(javascript=javascript)
    page.goto(f"{live_server}/inventera/fraga/swedish?lang=sv")
    page.get_by_label("SFI kurs C").check()
    page.locator("#step-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/inventera/fraga/home"))
    page.goto(f"{live_server}/inventera/fraga/swedish")
    assert page.get_by_label("SFI kurs C").is_checked()
    page.reload()
    assert page.get_by_label("SFI kurs C").is_checked()
    # Switch to Arabic from the question page: the answer is there, right to left.
    page.locator(".language-menu summary").click()                  # the menu opens the list
    page.locator(".language-switcher [lang=ar]").click()
    page.wait_for_url(re.compile(r"lang=ar"))
    assert _lang_dir(page) == ["ar", "rtl"]
    assert page.locator("input[value=sfi_c]").is_checked()
    check_a11y(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_typed_text_is_kept_through_a_language_switch(new_page, live_server, javascript):
    page = new_page(javascript=javascript)
    page.goto(f"{live_server}/inventera/fraga/home?lang=sv")
    field = page.locator("#municipality")
    field.click()
    field.press_sequentially("Göteborg")
    page.locator("#max_commute").press_sequentially("fyrtio")   # not a number yet: kept as a draft
    page.locator(".language-menu summary").click()
    page.locator(".language-switcher [lang=en]").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert _lang_dir(page) == ["en", "ltr"]
    assert page.locator("#municipality").input_value() == "Göteborg"
    assert page.locator("#max_commute").input_value() == "fyrtio"


def test_autosave_with_htmx_keeps_text_after_a_closed_tab(new_page, live_server):
    page = new_page()
    page.goto(f"{live_server}/agera/fraga/commitment?lang=sv")
    page.locator("#when").press_sequentially("på måndag")
    page.locator("#then").press_sequentially("ringer jag Komvux")
    with page.expect_response(lambda r: r.request.method == "POST" and r.status == 204):
        page.locator("#then").blur()
    context = page.context
    page.close()                                   # the tab is closed, the cookie stays
    again = context.new_page()
    again.goto(f"{live_server}/agera/fraga/commitment")
    assert again.locator("#when").input_value() == "på måndag"
    assert again.locator("#then").input_value() == "ringer jag Komvux"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_resume_code_restores_the_plan_in_a_second_browser(new_page, live_server, check_a11y, javascript):
    first = new_page(javascript=javascript)
    first.goto(f"{live_server}/upptacka/fraga/goal?lang=sv")
    first.get_by_label("Byta till ett annat yrke").check()
    first.locator("#step-form button[type=submit]").click()
    first.wait_for_url(re.compile(r"/upptacka/fraga/worries"))
    first.goto(f"{live_server}/spara")
    first.locator("main form button[type=submit]").click()
    first.locator(".resume-code").wait_for()
    check_a11y(first)
    code = first.locator(".resume-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}", code), code

    second = new_page(javascript=javascript)               # a new context: another device
    second.goto(f"{live_server}/fortsatt?lang=sv")
    second.locator("#code").fill("AAAAA-BBBBB")
    second.locator("main form button[type=submit]").click()
    second.locator("#code-error").wait_for()
    assert second.locator("#code").input_value() == "AAAAA-BBBBB"
    check_a11y(second)
    second.locator("#code").fill(code.lower())
    second.locator("main form button[type=submit]").click()
    second.wait_for_url(re.compile(r"/$"))
    second.goto(f"{live_server}/upptacka/fraga/goal")
    assert second.get_by_label("Byta till ett annat yrke").is_checked()


@pytest.mark.parametrize("locale_id", ["sv", "ar"])
@pytest.mark.parametrize("width", [320, 640], ids=["320px", "200pct-zoom"])
def test_no_sideways_scrolling_on_small_screens(browser, live_server, locale_id, width):
    # 640 CSS px is what a 1280 px laptop shows at 200 % zoom.
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    try:
        for path in ("/", "/inventera/fraga/swedish", "/inventera/fraga/home", "/spara", "/fortsatt"):
            page.goto(f"{live_server}{path}?lang={locale_id}")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (path, overflow)
    finally:
        context.close()


def test_boosted_navigation_keeps_history_and_back_button(new_page, live_server):
    page = new_page()
    page.goto(f"{live_server}/?lang=sv")
    page.locator(".task-list__link").first.click()
    page.wait_for_url(re.compile(r"/upptacka/$"))
    assert page.locator("h1").inner_text()
    page.go_back()
    page.wait_for_url(re.compile(r"/(\?lang=sv)?$"))
    page.locator(".task-list__item").nth(3).wait_for()
    assert page.locator(".task-list__item").count() == 4
    page.go_forward()
    page.wait_for_url(re.compile(r"/upptacka/$"))
