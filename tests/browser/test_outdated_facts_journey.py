"""An outdated forecast on a phone: with the app's clock past the outlook's last valid day, the
decision basis marks it in the person's language beside its source link, in Swedish and in Arabic
(RTL); axe (WCAG 2.2 AA) finds nothing on the page."""
from __future__ import annotations

import re
from datetime import date

import pytest

from tests.browser.conftest import submit_step
from tests.browser.test_besluta_journey import newcomer_with_target

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("locale_id, direction, words", [
    ("sv", "ltr", "Prognosen gällde till 31 december 2026"), ("ar", "rtl", "كانت التوقعات سارية حتى")])
def test_expired_forecast_is_marked_on_a_phone(new_page, catalogue_server, check_a11y, monkeypatch,
                                                locale_id, direction, words):
    from app import clock

    base, app = catalogue_server
    monkeypatch.setattr(clock, "today", lambda: date(2027, 3, 1))   # the server runs in this process
    page = new_page()
    newcomer_with_target(page, base, app, locale_id)
    submit_step(page, r"/besluta/fraga/priorities")               # every money question may stay empty

    page.goto(f"{base}/besluta/yrke/5321")
    page.wait_for_url(re.compile(r"/besluta/yrke/5321$"))
    assert page.evaluate("document.documentElement.dir") == direction
    marker = page.locator("section[aria-labelledby=work-title] .fact-expired").first
    assert marker.is_visible()
    assert words in marker.inner_text()
    # the marker sits with the source link, so the newer forecast is one tap away
    assert marker.locator("xpath=..").locator("a[href^='https://']").count() == 1
    check_a11y(page)
