"""Every control a person taps is at least 44 × 44 CSS pixels on a 390 px phone (WCAG 2.5.5):
buttons, inputs, selects, summaries, and the labels of radios and checkboxes (the label is the
target). Measured in Chromium on the pages of a whole journey; inline text links in running text
are not controls and are left out."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import submit_step
from tests.browser.test_besluta_journey import save_targets

pytestmark = pytest.mark.browser

MIN = 44
MEASURE = """() => {
  const out = [];
  const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('.visually-hidden'); };
  const targets = [...document.querySelectorAll(
    'main button, main input:not([type=hidden]):not([type=radio]):not([type=checkbox]), main select, main textarea, ' +
    'main summary, main a.button, header button, header a.button, header summary, ' +
    'main .choice label, main .search-hits button, .language-menu summary')];
  for (const el of targets) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < %d - 0.5 || r.height < %d - 0.5)
      out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} "${(el.innerText || el.value || '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return out;
}""" % (MIN, MIN)


def too_small(page) -> list[str]:
    return page.evaluate(MEASURE)


def test_every_control_is_big_enough_to_tap(new_page, catalogue_server):
    base, app = catalogue_server
    page = new_page()
    small: dict[str, list[str]] = {}

    def check(name: str) -> None:
        found = too_small(page)
        if found:
            small[name] = found

    page.goto(f"{base}/")
    check("start")
    page.goto(f"{base}/inventera/fraga/education")
    check("question")
    page.locator("input[name=level][value=compulsory]").check()
    page.locator("input[name=country][value=abroad]").check()
    submit_step(page, r"/fraga/swedish$")
    page.locator("input[name=level][value=sfi_c]").check()
    submit_step(page, r"/fraga/home")
    page.goto(f"{base}/inventera/fraga/occupations?q=lager")
    check("occupation search")
    page.goto(f"{base}/inventera/resultat")
    check("results")
    save_targets(app, page)
    page.goto(f"{base}/besluta/fraga/situation")
    check("situation")
    page.locator("#birth_year").fill("1988")
    page.locator("input[name=situation][value=unemployed_registered]").check()
    page.locator("#children").fill("0")
    submit_step(page, r"/besluta/fraga/money")
    check("money over time")
    submit_step(page, r"/besluta/fraga/priorities")
    page.goto(f"{base}/besluta/yrke/5321")
    check("decision basis")
    page.goto(f"{base}/besluta/yrke/5321/jamfor")
    check("compare")
    page.locator("li.compare-card form button").first.click()
    page.wait_for_url(re.compile(r"/besluta/plan$"))
    check("plan")
    page.goto(f"{base}/agera/nasta")
    check("next steps")
    page.goto(f"{base}/agera/dela")
    check("share")
    if small:
        print("\n".join(f"{k}: {x}" for k, v in small.items() for x in v))
    assert not small, small
