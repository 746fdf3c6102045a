"""Upptäcka: the short guide pages (facts from the catalogue with source and date), the example
routes, and the quick check leading into Inventera with the answers kept."""
from __future__ import annotations

import pytest

from app.flows.upptacka.guide import EXAMPLE_ROUTES, PAGES
from tests.conftest import csrf_token
from tests.pages import assert_page_invariants, soup, text_of

GUIDE_URLS = [f"/upptacka/las/{p.slug}" for p in PAGES]


@pytest.mark.parametrize("url", GUIDE_URLS)
def test_guide_pages_render_even_without_a_catalogue(client, url):
    doc = assert_page_invariants(client.get(url))
    assert doc.find("a", class_="back-link") and doc.select_one("main a.button")


@pytest.mark.parametrize("lang,direction", [("sv", "ltr"), ("ar", "rtl")])
def test_guide_pages_chain_to_the_quick_check(cclient, lang, direction):
    url = GUIDE_URLS[0] + f"?lang={lang}"
    seen = []
    while "/las/" in url:
        doc = assert_page_invariants(cclient.get(url), lang=lang, dir=direction)
        seen.append(url.split("?")[0])
        url = doc.select_one("main a.button")["href"]
    assert seen == GUIDE_URLS
    assert url == "/upptacka/fraga/goal"


def test_facts_on_guide_pages_carry_source_and_date(cclient):
    for slug in ("vuxenutbildning", "alder-och-svenska", "svenska-samtidigt"):
        doc = assert_page_invariants(cclient.get(f"/upptacka/las/{slug}"))
        links = doc.select(".prose a[href^='https://']")
        assert links, slug
        assert "2026-" in text_of(doc.find(class_="prose")), slug
    doc = assert_page_invariants(cclient.get("/upptacka/las/alder-och-svenska"))
    assert "60" in text_of(doc.find(class_="prose"))          # CSN: up to the year you turn 60


def test_examples_are_drawn_from_the_catalogue(cclient):
    doc = assert_page_invariants(cclient.get("/upptacka/las/exempel"))
    routes = doc.select(".example-route")
    assert 2 <= len(routes) <= 3 and len(routes) == len(EXAMPLE_ROUTES)
    for route in routes:
        assert route.find("h2") and route.select(".summary-list__row")
        assert route.select_one("a[href^='https://']")
    assert any("25" in text_of(r) for r in routes)               # the bus driver route: 25 weeks


def test_unknown_guide_page_is_404(client):
    assert client.get("/upptacka/las/nope").status_code == 404


def test_index_lists_the_guide_and_starts_with_it(client):
    doc = assert_page_invariants(client.get("/upptacka/"))
    hrefs = [a["href"] for a in doc.select(".guide-list a")]
    assert hrefs == GUIDE_URLS
    assert doc.select_one("main a.button")["href"] == GUIDE_URLS[0]


def test_quick_check_leads_into_inventera_with_answers_kept(client):
    url = "/upptacka/fraga/goal"
    client.post(url, data={"csrf_token": csrf_token(client, url), "goal": "study"})
    url = "/upptacka/fraga/worries"
    response = client.post(url, data={"csrf_token": csrf_token(client, url), "worries": ["swedish"]})
    assert response.headers["Location"] == "/upptacka/svar"
    doc = assert_page_invariants(client.get("/upptacka/svar"))
    link = doc.find("a", href="/inventera/")
    assert link is not None
    assert_page_invariants(client.get("/inventera/"))
    # Answers kept: back in Upptäcka they are still there.
    page = soup(client.get("/upptacka/fraga/goal").get_data(as_text=True))
    assert page.find("input", attrs={"value": "study"}).has_attr("checked")
    assert soup(client.get("/upptacka/").get_data(as_text=True)).select_one("main a.button")["href"] != GUIDE_URLS[0]
