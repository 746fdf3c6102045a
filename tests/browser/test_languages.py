"""All eight languages in the browser: the language menu at 320 px (each language in its own
script, no sideways scroll, with and without JavaScript), the one-time "choose your language" page,
and axe with zero violations at 390 px on the start page, a question, the results, the decision
basis and the plan in each language."""
from __future__ import annotations

import re

import pytest

from app.i18n import SUPPORTED_LOCALES, LocaleInfo
from tests.browser.conftest import PHONE
from tests.browser.test_besluta_journey import newcomer_with_target

pytestmark = pytest.mark.browser
INFOS = [LocaleInfo.for_id(i) for i in SUPPORTED_LOCALES]
FITS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("page_lang", ["sv", "ar", "prs"])
def test_the_menu_holds_eight_languages_at_320_px(new_page, live_server, check_a11y, javascript, page_lang):
    page = new_page(javascript=javascript)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server}/?lang={page_lang}")
    assert page.locator(".site-header").bounding_box()["height"] < 90
    page.locator(".language-menu summary").click()
    items = page.locator(".language-switcher ul li > *")
    assert items.count() == len(SUPPORTED_LOCALES)
    for i, info in enumerate(INFOS):
        item = items.nth(i)
        assert item.is_visible() and item.inner_text().strip() == info.label
        assert (item.get_attribute("lang"), item.get_attribute("dir")) == (info.lang_tag, info.dir)
        box = item.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320 + 0.5, (info.id, box)
        assert box["height"] >= 44
    assert page.evaluate(FITS)
    check_a11y(page)


def test_a_browser_in_another_language_is_asked_once(browser, live_server, check_a11y):
    context = browser.new_context(locale="de-DE", **PHONE)
    try:
        page = context.new_page()
        page.watcher = type("W", (), {"errors": []})()
        page.javascript = True
        page.goto(f"{live_server}/inventera/")
        links = page.locator(".language-choice a")
        assert links.count() == len(SUPPORTED_LOCALES)
        assert [links.nth(i).get_attribute("lang") for i in range(links.count())] == [i.lang_tag for i in INFOS]
        assert page.evaluate(FITS)
        check_a11y(page)
        page.locator('.language-choice a[lang="uk"]').click()
        page.wait_for_url(re.compile(r"/inventera/\?lang=uk$"))
        page.goto(f"{live_server}/")
        assert page.evaluate("document.documentElement.lang") == "uk"
        assert page.locator(".language-choice").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("locale_id", SUPPORTED_LOCALES)
def test_key_pages_pass_axe_in_every_language(new_page, catalogue_server, check_a11y, locale_id):
    base, app = catalogue_server
    info = LocaleInfo.for_id(locale_id)
    page = new_page()
    newcomer_with_target(page, base, app, info.code)
    page.goto(f"{base}/besluta/yrke/5321/jamfor")
    page.locator("form[action='/besluta/yrke/5321/valj'] button").first.click()
    page.wait_for_url(re.compile(r"/besluta/plan$"))
    for path in ("/", "/inventera/fraga/swedish", "/inventera/resultat", "/besluta/underlag", "/besluta/plan"):
        page.goto(f"{base}{path}")
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [info.lang_tag, info.dir]
        assert page.evaluate(FITS), path
        check_a11y(page)
