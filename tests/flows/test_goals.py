"""Issue 11: a decision basis for every one of the 400 groups, naming a goal ("I want to become
..."), making any occupation a target (at most 3, with a swap), and a translated 404 with a search
box for an unknown SSYK code."""
from __future__ import annotations

from tests.conftest import csrf_token
from tests.flows.test_besluta import profile, saved
from tests.pages import assert_page_invariants, text_of


def post(client, url, data, page):
    return client.post(url, data=dict(data, csrf_token=csrf_token(client, page)))


def _all_ssyk(client):
    with client.application.app_context():
        from app.content import catalogue

        return sorted(catalogue.current().by_ssyk)


def test_every_group_has_a_decision_basis(cclient):
    profile(cclient)
    codes = _all_ssyk(cclient)
    assert len(codes) == 400
    no_route = 0
    for ssyk in codes:
        response = cclient.get(f"/besluta/yrke/{ssyk}")
        assert response.status_code == 200, ssyk
        html = response.get_data(as_text=True)
        assert 'id="gap-title"' in html and 'id="work-title"' in html, ssyk
        no_route += 'class="panel no-route"' in html
    assert 0 < no_route < 400          # an honest "no route yet" where the catalogue has none


def test_decision_basis_of_a_group_without_a_route_says_where_to_ask(cclient):
    profile(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/yrke/2611"))    # Advokater: not curated
    panel = doc.select_one(".no-route")
    assert panel and panel.select_one("a[href='https://www.yrkeshogskolan.se/']")
    assert panel.select_one("a[href^='https://www.utbildningsguiden']")
    work = doc.find("section", attrs={"aria-labelledby": "work-title"})
    assert work.select_one("[lang=sv]") or doc.find("html")["lang"] == "sv"   # taxonomy text marked Swedish
    similar = doc.select(".similar-list li")
    assert 3 <= len(similar) <= 5
    assert all(li.select_one("a[href^='/besluta/yrke/']") and li.select_one(".summary-value") for li in similar)


def test_decision_basis_in_arabic_for_a_non_curated_group(cclient):
    profile(cclient)
    assert_page_invariants(cclient.get("/besluta/yrke/2611?lang=ar"), lang="ar", dir="rtl")


def test_unknown_ssyk_gets_a_translated_404_with_a_search_box(cclient):
    for lang, heading in (("sv", None), ("en", "We do not know that occupation")):
        response = cclient.get(f"/besluta/yrke/0000?lang={lang}")
        assert response.status_code == 404
        doc = assert_page_invariants(response, lang=lang)
        assert doc.select_one("form[action='/besluta/mal'] input[name=q]")
        if heading:
            assert text_of(doc.find("h1")) == heading
        else:
            assert text_of(doc.find("h1")) != "We do not know that occupation"   # Swedish


def test_goal_search_finds_occupations_not_in_the_results(cclient):
    doc = assert_page_invariants(cclient.get("/besluta/mal?q=bussförare"))
    links = [a["href"] for a in doc.select(".goal-hits a")]
    assert "/besluta/yrke/8331" in links
    doc = assert_page_invariants(cclient.get("/besluta/mal?q=xqzwv"))
    assert doc.select_one("[role=status]")                                # says nothing was found
    assert len(doc.select(".area-list a")) == 10                          # and offers the areas
    doc = assert_page_invariants(cclient.get("/besluta/mal?omrade=8"))
    assert "/besluta/yrke/8331" in [a["href"] for a in doc.select(".area-groups a")]


def test_make_a_target_from_the_decision_basis(cclient):
    profile(cclient)
    page = "/besluta/yrke/8331"
    response = post(cclient, "/besluta/yrke/8331/mal", {}, page)
    assert response.status_code == 303 and response.headers["Location"] == "/besluta/yrke/8331?added=1"
    details = saved(cclient, "inventera.targets")["details"]
    assert [d["ssyk"] for d in details] == ["5321", "8331"] and details[1]["named"] is True
    doc = assert_page_invariants(cclient.get("/besluta/yrke/8331?added=1"))
    assert doc.select_one(".panel--success") and not doc.select_one("form[action='/besluta/yrke/8331/mal']")
    assert "/besluta/yrke/8331" in [a["href"] for a in assert_page_invariants(cclient.get("/besluta/")).select(".target-list a")]


def test_a_fourth_target_asks_which_to_replace(cclient):
    three = {"targets": ["a", "b", "c"], "details": [
        {"group_id": "jY19_knH_MJp", "ssyk": "5321", "label": "Undersköterska"},
        {"group_id": "x", "ssyk": "8332", "label": "Lastbilsförare"},
        {"group_id": "y", "ssyk": "9111", "label": "Städare"}]}
    profile(cclient, targets=three)
    page = "/besluta/yrke/2611"
    response = post(cclient, "/besluta/yrke/2611/mal", {}, page)
    assert response.status_code == 200
    doc = assert_page_invariants(response)
    assert [i["value"] for i in doc.select("input[name=replace]")] == ["5321", "8332", "9111"]
    bad = post(cclient, "/besluta/yrke/2611/mal", {"replace": "1234"}, page)
    assert bad.status_code == 422 and assert_page_invariants(bad).select_one(".error-summary a[href='#replace']")
    ok = post(cclient, "/besluta/yrke/2611/mal", {"replace": "8332"}, page)
    assert ok.status_code == 303
    assert [d["ssyk"] for d in saved(cclient, "inventera.targets")["details"]] == ["5321", "9111", "2611"]


def test_making_a_target_needs_the_csrf_token(cclient):
    assert cclient.post("/besluta/yrke/8331/mal", data={}).status_code == 400


def test_a_named_goal_keeps_its_card_in_the_results_whatever_its_rank(cclient):
    profile(cclient)
    post(cclient, "/besluta/yrke/2611/mal", {}, "/besluta/yrke/2611")          # Advokater, far from care work
    doc = assert_page_invariants(cclient.get("/inventera/resultat"))
    card = doc.select_one("#target-" + saved(cclient, "inventera.targets")["details"][1]["group_id"])
    assert card is not None and card.select_one("input[name=targets]")
    assert "ditt mål" in text_of(card)                                    # "You named this occupation as your goal."
