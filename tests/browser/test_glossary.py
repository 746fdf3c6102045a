"""The glossary in a real browser at 390 px, with and without JavaScript: the page of its own
(axe, no sideways scroll, an anchor per term) and a glossary word on a page, whose "?" opens a
popover with the explanation (HTML popover: no JavaScript needed) and whose link leads to the entry."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

NO_SIDEWAYS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize("lang", ["sv", "ar"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_glossary_page_at_390_px(new_page, catalogue_server, check_a11y, javascript, lang):
    base, _app = catalogue_server
    page = new_page(javascript=javascript)
    page.goto(f"{base}/ordlista?lang={lang}#studiemedel")
    assert page.locator("#studiemedel dfn").inner_text() == "studiemedel"
    assert page.locator("#studiemedel").is_visible()
    assert page.evaluate(NO_SIDEWAYS)
    check_a11y(page)
    page.locator(".glossary-index a[href='#komvux']").click()
    page.wait_for_url(re.compile("#komvux$"))
    assert page.locator("#komvux dd").is_visible()


@pytest.mark.parametrize("lang", ["sv", "ar"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_glossary_word_opens_its_explanation_in_a_popover(new_page, catalogue_server, check_a11y, javascript, lang):
    base, _app = catalogue_server
    page = new_page(javascript=javascript)
    page.goto(f"{base}/upptacka/las/vuxenutbildning?lang={lang}")
    link = page.locator("main a.term[href='/ordlista#komvux']")
    button = page.locator("main a.term[href='/ordlista#komvux'] + button.term__help")
    popover = page.locator("#" + button.get_attribute("popovertarget"))
    assert not popover.is_visible()
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44           # a control in running text, still tappable
    check_a11y(page)
    button.click()
    assert popover.is_visible()
    assert "komvux" in popover.inner_text().lower()                # the Swedish word is kept in every language
    pop = popover.bounding_box()
    assert pop["x"] >= 0 and pop["x"] + pop["width"] <= 390
    assert page.evaluate(NO_SIDEWAYS)
    check_a11y(page)
    page.keyboard.press("Escape")
    assert not popover.is_visible()
    link.click()
    page.wait_for_url(re.compile(r"/ordlista#komvux$"))
    assert page.locator("#komvux").is_visible()
