"""'Underlag för beslut' to take along: per target the work, the gap, the routes compared with money
and the Swedish on the way, the chosen route and its plan, and every source with its date — as a
page to print and as a server PDF (text read back, no missing glyph), in Swedish and in Arabic."""
from __future__ import annotations

import pytest

from tests.flows.test_besluta import choose, profile
from tests.pages import assert_page_invariants, text_of
from tests.test_exports import missing_glyphs

SECTIONS = {
    "sv": ("Arbetet", "Vägarna jämförda", "Din valda väg och din plan", "Var uppgifterna kommer ifrån"),
    "ar": None,
}


def test_the_decision_page_has_a_print_link_to_the_basis(cclient):
    profile(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321"))
    assert doc.find("a", href="/besluta/underlag#target-5321")


def test_basis_page_holds_every_section(cclient):
    profile(cclient)
    choose(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/underlag?lang=en"), lang="en")
    target = doc.find(id="target-5321")
    assert target is not None
    headings = [text_of(h) for h in target.find_all("h3")]
    assert headings[:2] == ["The work", "What you have and what you need"]
    assert "The routes compared" in headings and "Your chosen route and your plan" in headings
    table = target.select_one("table.basis-compare")
    rows = [text_of(tr.find("th")) for tr in table.select("tbody tr")]
    assert {"Time to work", "Ready to work", "Money per month while studying", "Swedish"} <= set(rows)
    assert "(your choice)" in text_of(table.find("thead"))
    sources = doc.select(".basis-sources li")
    assert sources and all(li.find("a", href=lambda h: h and h.startswith("https://")) for li in sources)
    assert any("2026" in text_of(li) for li in sources)                     # with their dates
    assert doc.select_one("a[href='/besluta/underlag.pdf']")


def test_without_the_situation_the_basis_asks_for_it_first(cclient):
    response = cclient.get("/besluta/underlag")
    assert response.status_code == 303 and response.headers["Location"] == "/besluta/fraga/situation"


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_basis_pdf_has_the_sections_and_every_glyph(cclient, lang):
    import pymupdf

    profile(cclient)
    choose(cclient)
    cclient.get(f"/?lang={lang}")
    response = cclient.get("/besluta/underlag.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    text, missing = missing_glyphs(response.get_data())
    assert missing == 0
    flat = " ".join(text.split())
    if lang == "sv":
        for heading in SECTIONS["sv"]:
            assert heading in flat, heading
    else:
        assert "أساس القرار" in flat or "القرار" in flat                 # the Arabic heading, shaped
        fonts = {f[3] for page in pymupdf.open(stream=response.get_data(), filetype="pdf") for f in page.get_fonts()}
        assert any("Noto-Sans-Arabic" in f for f in fonts), fonts
    assert "https://" in flat                                              # the sources, written out


def test_the_decision_page_leads_with_a_summary_and_its_action_at_both_ends(cclient):
    profile(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321?lang=en"), lang="en")
    main = doc.find("main")
    summary = main.select_one(".decision-summary")
    assert summary is not None
    labels = [text_of(dt) for dt in summary.select("dt")]
    assert labels[:3] == ["What you have and need", "The best route for you", "Ready to work"]
    buttons = main.select("a.button[href='/besluta/yrke/5321/jamfor']")
    assert len(buttons) == 2                                               # at the top and at the end
    first_section = main.find("section")
    assert "decision-summary" in first_section.get("class", [])            # the answer before the details
    assert main.select("details.section-details") and main.select("details.route-steps")


def test_the_basis_table_scrolls_in_its_own_region(cclient):
    profile(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/underlag"))
    region = doc.select_one("#target-5321 .table-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert doc.find(id=region["aria-labelledby"]).name == "caption"
