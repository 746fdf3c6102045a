"""Right-to-left pages: Latin-script text (Swedish names and fallback content, codes, dates, URLs)
sits inside an element that isolates it (`dir` or <bdi>), so its punctuation and parts stay in
place; dates in sentences are kept left to right (no "31-12-2026")."""
from __future__ import annotations

import re

import pytest
from bs4 import NavigableString

from app.i18n import SUPPORTED_LOCALES, LocaleInfo
from tests.flows.test_besluta import choose, profile
from tests.pages import soup

RTL = [i for i in SUPPORTED_LOCALES if LocaleInfo.for_id(i).dir == "rtl"]
PAGES = ["/", "/inventera/fraga/swedish", "/inventera/resultat", "/besluta/yrke/5321", "/besluta/yrke/5321/jamfor",
         "/besluta/underlag", "/besluta/plan", "/agera/", "/integritet"]
LATIN_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]{3,}")
RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
SKIP = {"script", "style", "title", "head", "template"}


def unisolated_latin(html: str) -> list[str]:
    """Text nodes of Latin script with no right-to-left letter and no isolating ancestor below <html>."""
    doc = soup(html)
    found = []
    for node in doc.body.descendants:
        if not isinstance(node, NavigableString) or not LATIN_WORD.search(node) or RTL_LETTER.search(node):
            continue
        parents = [p for p in node.parents if p.name and p.name != "[document]"]
        if any(p.name in SKIP for p in parents):
            continue
        if any(p.name == "bdi" or (p.name != "html" and p.has_attr("dir")) for p in parents):
            continue
        found.append(node.strip())
    return found


@pytest.mark.parametrize("locale_id", RTL)
def test_latin_text_is_isolated_on_rtl_pages(cclient, locale_id):
    profile(cclient)
    choose(cclient)
    cclient.get(f"/?lang={LocaleInfo.for_id(locale_id).code}")
    problems = {}
    for url in PAGES:
        response = cclient.get(url)
        assert response.status_code == 200, url
        bad = unisolated_latin(response.get_data(as_text=True))
        if bad:
            problems[url] = bad[:8]
    assert not problems, problems


def test_dates_in_a_sentence_stay_left_to_right(app):
    from datetime import date

    from flask_babel import force_locale

    from app.wording.sentences import period

    with app.test_request_context():
        with force_locale("ar"):
            text = period(date(2026, 1, 1), date(2026, 12, 31))
            assert "\u20662026-12-31\u2069" in text and "\u20662026-01-01\u2069" in text
        with force_locale("sv"):
            assert "\u2066" not in period(date(2026, 1, 1), date(2026, 12, 31))
