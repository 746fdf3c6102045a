"""Facts that age honestly, as a person sees them: past a fact's ``valid_to`` the page says so in the
person's language, next to the source link, wherever the fact appears (the decision basis, the
results, the plan and its print view, Agera, the PDF and the shared view); before it, nothing.
The clock is set through ``app.clock``, never read from the machine."""
from __future__ import annotations

import re
from datetime import date

import pytest

from tests.flows.test_besluta import choose, post, profile
from tests.pages import assert_page_invariants, text_of
from tests.test_exports import missing_glyphs
from tests.test_sharing import share, share_links

OUTLOOK_URL = "https://data.arbetsformedlingen.se/data/yrkesbarometer/"
LAST_DAY = date(2026, 12, 31)          # the curated outlook (Yrkesbarometern 2026-1) is valid to this day
AFTER = date(2027, 3, 1)

# The outdated marker in each language, with the date as Babel writes it there.
MARKER = {
    "sv": "Prognosen gällde till 31 december 2026 – en nyare kan finnas hos Arbetsförmedlingen.",
    "sv@lattlast": "Prognosen gällde till 31 december 2026. Det kan finnas en nyare prognos hos Arbetsförmedlingen.",
    "en": "The forecast was valid until December 31, 2026 – a newer one may be available from Arbetsförmedlingen.",
    "ar": "كانت التوقعات سارية حتى 31 ديسمبر 2026 – قد تتوفر توقعات أحدث لدى Arbetsförmedlingen.",
}


@pytest.fixture
def clock(monkeypatch):
    """Set the app's clock: ``clock(date(2027, 3, 1))``."""
    import app.clock

    def set_today(day: date) -> None:
        monkeypatch.setattr(app.clock, "today", lambda: day)
    return set_today


def outlook_source(doc):
    link = doc.find("section", attrs={"aria-labelledby": "work-title"}).find("a", href=OUTLOOK_URL)
    assert link is not None, "the outlook's source link is on the decision basis"
    return link.find_parent(class_="fact-source")


@pytest.mark.parametrize("lang", sorted(MARKER))
def test_decision_basis_marks_an_expired_forecast_in_each_language(cclient, clock, lang):
    profile(cclient)
    clock(AFTER)
    tag, direction = {"sv@lattlast": ("sv", "ltr"), "ar": ("ar", "rtl")}.get(lang, (lang, "ltr"))
    doc = assert_page_invariants(cclient.get(f"/besluta/yrke/5321?lang={lang}"), lang=tag, dir=direction)
    marker = outlook_source(doc).select_one(".fact-expired")
    assert marker is not None
    assert text_of(marker) == MARKER[lang]
    # the source link stays, so the person can look for the newer forecast
    assert outlook_source(doc).find("a", href=OUTLOOK_URL)


@pytest.mark.parametrize("day, expired", [(date(2026, 12, 1), False), (LAST_DAY, False),
                                          (date(2027, 1, 1), True), (AFTER, True)])
def test_the_marker_appears_the_day_after_the_last_valid_day(cclient, clock, day, expired):
    profile(cclient)
    clock(day)
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321"))
    assert (outlook_source(doc).select_one(".fact-expired") is not None) is expired
    # the guide keeps working on the last known facts: the forecast itself is still shown
    work = doc.find("section", attrs={"aria-labelledby": "work-title"})
    assert len(work.select(".fact-source a")) == 2


def test_results_cards_mark_expired_forecasts(cclient, clock):
    profile(cclient)
    post(cclient, "/inventera/fraga/competences", {"skills": []})
    clock(date(2026, 12, 30))
    before = assert_page_invariants(cclient.get("/inventera/resultat"))
    clock(AFTER)
    after = assert_page_invariants(cclient.get("/inventera/resultat"))
    cards_with_outlook = [a for a in after.find_all("a", href=OUTLOOK_URL)]
    assert cards_with_outlook, "the results show outlooks with their source"
    assert not before.select(".fact-expired")
    assert all(a.find_parent(class_="fact-source").select_one(".fact-expired") for a in cards_with_outlook)


def _money_markers(doc) -> list[str]:
    return [text_of(m) for m in doc.select(".fact-expired")]


def test_plan_agera_print_pdf_and_shared_view_mark_expired_amounts(cclient, clock):
    """A plan chosen in December 2026 carries the 2026 amounts; opened in March 2027 every place
    that shows an amount says its period has ended."""
    profile(cclient)
    clock(date(2026, 12, 1))
    choose(cclient)
    plan_doc = assert_page_invariants(cclient.get("/besluta/plan"))
    money_sources = [s for s in plan_doc.select("ol.timeline .fact-source")]
    assert money_sources, "amounts in the plan carry their source"
    assert all(re.search(r"2026", text_of(s)) for s in money_sources)          # with the period
    assert not any(m.startswith("Beloppet gällde till") for m in _money_markers(plan_doc))   # not yet expired

    assert share(cclient).status_code == 303
    link = share_links(cclient)[0].replace("http://localhost", "")

    clock(AFTER)
    expected = "This amount was valid until December 31, 2026"
    for url in ("/besluta/plan?lang=en", "/besluta/plan?print=1&lang=en", "/agera/nasta?lang=en"):
        doc = assert_page_invariants(cclient.get(url), lang="en")
        assert any(m.startswith(expected) for m in _money_markers(doc)), url
    shared = assert_page_invariants(cclient.get(link + "?lang=en"), lang="en")
    assert any(m.startswith(expected) for m in _money_markers(shared))

    cclient.get("/?lang=sv")
    pdf = cclient.get("/agera/plan.pdf")
    assert pdf.status_code == 200
    text, missing = missing_glyphs(pdf.get_data())
    assert missing == 0
    assert "Beloppet gällde till 31 december 2026" in " ".join(text.split())
