"""Inventera: every new question (valid -> saved -> next, invalid -> 422 with the message at the
field and the input kept), the catalogue search and competence proposals, and the results page
ranked on the real catalogue (curated content + the JobTech exports)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import csrf_token
from tests.pages import assert_page_invariants, soup, text_of

JOBTECH_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "jobtech"


def post(client, url, data, **kw):
    return client.post(url, data=dict(data, csrf_token=csrf_token(client, url.split("#")[0])), **kw)


def saved(client, step):
    """The plan's saved answers (and draft) for a step, read through the store."""
    from flask import session as flask_session

    from app.plans import store

    app = client.application
    with client.session_transaction() as sess:
        plan_id = sess.get(store.SESSION_KEY)
    with app.test_request_context():
        flask_session[store.SESSION_KEY] = plan_id
        plan = store.current_plan()
        return store.answers_for(plan, step), store.draft_for(plan, step)


# --- Swedish: "I don't know" leads to the can-do statements ---------------------------------

@pytest.mark.parametrize("level,expected", [("unknown", "/inventera/fraga/swedish_can_do"),
                                            ("sfi_c", "/inventera/fraga/home")])
def test_swedish_branches_to_can_do_only_when_unknown(client, level, expected):
    response = post(client, "/inventera/fraga/swedish", {"level": level})
    assert response.status_code == 303
    assert response.headers["Location"] == expected
    back = soup(client.get("/inventera/fraga/home").get_data(as_text=True)).find("a", class_="back-link")
    assert back["href"] == ("/inventera/fraga/swedish_can_do" if level == "unknown" else "/inventera/fraga/swedish")


def test_can_do_statements_map_onto_levels_and_show_in_answers(client):
    post(client, "/inventera/fraga/swedish", {"level": "unknown"})
    doc = assert_page_invariants(client.get("/inventera/fraga/swedish_can_do"))
    values = [i["value"] for i in doc.select("input[name=level]")]
    assert values == ["none", "sfi_a", "sfi_b", "sfi_c", "sfi_d", "sas_grund"]
    response = post(client, "/inventera/fraga/swedish_can_do", {"level": "sfi_b"})
    assert response.headers["Location"] == "/inventera/fraga/home"
    assert saved(client, "inventera.swedish_can_do")[0] == {"level": "sfi_b"}
    rows = assert_page_invariants(client.get("/inventera/svar")).select(".summary-list__actions a")
    assert "/inventera/fraga/swedish_can_do?next=check" in [a["href"] for a in rows]
    # Knowing the level after all: the follow-up leaves the list.
    post(client, "/inventera/fraga/swedish", {"level": "sfi_d"})
    rows = soup(client.get("/inventera/svar").get_data(as_text=True)).select(".summary-list__actions a")
    assert "/inventera/fraga/swedish_can_do?next=check" not in [a["href"] for a in rows]


def test_can_do_without_a_choice_is_refused(client):
    response = post(client, "/inventera/fraga/swedish_can_do", {})
    assert response.status_code == 422
    assert assert_page_invariants(response).find(id="level-error")


# --- Occupations: search, add, years and place, remove ---------------------------------------

def _add_occupation(client, query):
    doc = soup(client.get(f"/inventera/fraga/occupations?q={query}").get_data(as_text=True))
    button = doc.select("#occupation-hits button[name=add]")[0]
    response = post(client, "/inventera/fraga/occupations", {"add": button["value"]})
    assert response.status_code == 303
    assert response.headers["Location"] == "/inventera/fraga/occupations#chosen"
    return button["value"]


def test_occupation_search_without_js_lists_hits_with_group_and_code(cclient):
    response = cclient.get("/inventera/fraga/occupations?q=undersköterska")
    doc = assert_page_invariants(response)
    hits = doc.select("#occupation-hits .hit")
    assert 1 <= len(hits) <= 10
    assert all(h.select_one("button[name=add][form=step-form]") for h in hits)
    assert any("5321" in text_of(h) for h in hits)
    assert doc.select_one("form[role=search][method=get] input[name=q]")["value"] == "undersköterska"


def test_occupation_search_with_htmx_returns_only_the_hit_list(cclient):
    response = cclient.get("/inventera/fraga/occupations?q=busschaufför", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert "HX-Request" in response.headers["Vary"]
    doc = soup(html)
    assert doc.find(id="occupation-hits") and doc.select(".hit button[name=add]")


def test_added_occupation_is_kept_at_once_then_completed_and_saved(cclient):
    occupation_id = _add_occupation(cclient, "undersköterska")
    answer, draft = saved(cclient, "inventera.occupations")
    assert answer == {}
    row = draft["occupations"][0]
    assert row["occupation_id"] == occupation_id and row["ssyk"] == "5321" and row["group_id"]
    assert row["years"] is None and row["label"]
    doc = assert_page_invariants(cclient.get("/inventera/fraga/occupations"))
    assert doc.find("input", attrs={"name": "occupations-0-occupation_id", "value": occupation_id})
    response = post(cclient, "/inventera/fraga/occupations", {
        "occupations-0-occupation_id": occupation_id, "occupations-0-years": "4", "occupations-0-where": "abroad"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/inventera/fraga/competences"
    answer, draft = saved(cclient, "inventera.occupations")
    assert draft is None
    assert answer["occupations"] == [dict(row, years=4, where="abroad")]


def test_occupation_years_not_a_number_is_refused_and_kept(cclient):
    occupation_id = _add_occupation(cclient, "städare")
    response = post(cclient, "/inventera/fraga/occupations", {
        "occupations-0-occupation_id": occupation_id, "occupations-0-years": "fem"})
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find("input", attrs={"name": "occupations-0-years"})["value"] == "fem"
    assert text_of(doc.find(id="occupations-0-years-error"))
    assert text_of(doc.find(id="occupations-0-where-error"))
    for link in doc.find(id="error-summary").find_all("a"):
        assert doc.find(id=link["href"][1:]) is not None


def test_occupation_can_be_removed(cclient):
    first = _add_occupation(cclient, "undersköterska")
    second = _add_occupation(cclient, "städare")
    assert [r["occupation_id"] for r in saved(cclient, "inventera.occupations")[1]["occupations"]] == [first, second]
    post(cclient, "/inventera/fraga/occupations", {"remove": first})
    assert [r["occupation_id"] for r in saved(cclient, "inventera.occupations")[1]["occupations"]] == [second]


def test_no_occupation_and_no_tick_is_refused(cclient):
    response = post(cclient, "/inventera/fraga/occupations", {})
    assert response.status_code == 422
    assert assert_page_invariants(response).find(id="never_worked-0")


# --- Competences: proposed from the groups, nothing assumed, more by search ------------------

def _with_occupation(client, query="undersköterska"):
    occupation_id = _add_occupation(client, query)
    post(client, "/inventera/fraga/occupations", {
        "occupations-0-occupation_id": occupation_id, "occupations-0-years": "3", "occupations-0-where": "sweden"})


def test_competences_are_proposed_from_the_occupation_group_and_not_ticked(cclient):
    _with_occupation(cclient)
    doc = assert_page_invariants(cclient.get("/inventera/fraga/competences"))
    boxes = doc.select("input[name=skills]")
    assert 15 <= len(boxes) <= 25
    assert not any(b.has_attr("checked") for b in boxes)
    # Curated competences of SSYK 5321 come first.
    assert boxes[0]["value"].startswith("curated:") or len(boxes[0]["value"]) == 12
    from sqlmodel import select as sql_select

    from app.content.models import Competence

    with cclient.application.app_context():
        from app.db import get_session
        curated = {c.skill_id for c in get_session().exec(sql_select(Competence).where(Competence.group_ssyk == "5321"))}
    assert boxes[0]["value"] in curated


def test_competences_confirmed_and_added_by_search_are_saved(cclient):
    _with_occupation(cclient)
    doc = soup(cclient.get("/inventera/fraga/competences").get_data(as_text=True))
    proposed = [b["value"] for b in doc.select("input[name=skills]")]
    doc = soup(cclient.get("/inventera/fraga/competences?sq=truckar").get_data(as_text=True))
    hit = doc.select("#skill-hits button[name=add_skill]")[0]["value"]
    response = post(cclient, "/inventera/fraga/competences", {"skills": proposed[:2], "add_skill": hit})
    assert response.status_code == 303
    doc = assert_page_invariants(cclient.get("/inventera/fraga/competences"))
    checked = [b["value"] for b in doc.select("input[name=skills][checked]")]
    assert checked == proposed[:2] + [hit]
    response = post(cclient, "/inventera/fraga/competences", {"skills": checked})
    assert response.headers["Location"] == "/inventera/fraga/interests"
    answer, _draft = saved(cclient, "inventera.competences")
    assert answer["skills"] == checked and answer["added"] == [hit]


def test_no_competence_and_no_tick_is_refused(cclient):
    response = post(cclient, "/inventera/fraga/competences", {})
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find(id="none_fit-error")


# --- Interests and drivers ----------------------------------------------------------------------

def test_interest_statements_map_to_riasec():
    from app.flows.inventera.forms import INTERESTS, riasec_scores

    assert 12 <= len(INTERESTS) <= 18
    assert {letter for _k, letter, _l in INTERESTS} == set("RIASEC")
    scores = riasec_scores(["s_care", "s_teach", "s_listen", "r_build", "nope"])
    assert scores["S"] == pytest.approx(1.0) and scores["R"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores["I"] == scores["A"] == scores["E"] == scores["C"] == 0


def test_interests_outside_the_list_are_refused(client):
    response = post(client, "/inventera/fraga/interests", {"likes": ["s_care", "juggling"]})
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find(id="likes-error")


def test_drivers_missing_answer_shows_at_that_field_and_keeps_the_rest(client):
    response = post(client, "/inventera/fraga/drivers", {"work_with": ["things"], "physical": "yes",
                                                          "place": "outdoor", "hours": "any", "pay": "very"})
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find(id="education_weeks-error")
    assert not doc.find(id="pay-error")
    assert doc.find("input", attrs={"name": "place", "value": "outdoor"}).has_attr("checked")
    assert doc.find("input", attrs={"name": "work_with", "value": "things"}).has_attr("checked")


# --- Results: the real catalogue, ranked by the engine ------------------------------------------

def _person(client, swedish="sfi_c"):
    _with_occupation(client)
    doc = soup(client.get("/inventera/fraga/competences").get_data(as_text=True))
    skills = [b["value"] for b in doc.select("input[name=skills]")][:8]
    post(client, "/inventera/fraga/competences", {"skills": skills})
    post(client, "/inventera/fraga/swedish", {"level": swedish})
    post(client, "/inventera/fraga/interests", {"likes": ["s_care", "s_listen", "s_teach"]})
    post(client, "/inventera/fraga/drivers", {"work_with": ["people"], "physical": "yes", "place": "indoor",
                                               "hours": "any", "pay": "some", "education_weeks": "any"})
    return skills


def test_results_rank_the_real_catalogue_into_ten_cards(cclient):
    skills = _person(cclient)
    response = cclient.get("/inventera/resultat")
    doc = assert_page_invariants(response)
    cards = doc.select(".target-card")
    assert len(cards) == 10
    ids = [c["id"].removeprefix("target-") for c in cards]
    from app.content import catalogue
    from app.engine import Preferences, rank_targets
    from app.flows.inventera.results import preferences_from

    with cclient.application.test_request_context():
        view = catalogue.current()
        assert catalogue.current() is view                     # built once per process and version
        answers = {"inventera.interests": {"likes": ["s_care", "s_listen", "s_teach"]},
                   "inventera.swedish": {"level": "sfi_c"},
                   "inventera.drivers": {"education_weeks": "any"}}
        prefs = preferences_from(answers, view)
        assert isinstance(prefs, Preferences) and prefs.swedish_level == "sfi_c" and prefs.interests == {"S": 1.0}
        expected = [t.group_id for t in rank_targets(view.catalog, skills, preferences=prefs, top=10)]
    assert ids == expected
    assert any("5321" in text_of(c) for c in cards)
    curated = next(c for c in cards if "5321" in text_of(c))
    # Match in words and numbers, pay with source and date, outlook, education length, language fit.
    facts = " ".join(text_of(f) for f in curated.select(".target-facts"))     # the summary and its details
    assert re.search(r"\d+ .* \d+", facts)
    assert curated.select_one(".match-words")
    assert curated.select(".target-facts a[href^='https://']")
    assert "2026-" in facts and "32" in facts
    details = curated.select_one("details.target-details")
    assert details.find("summary") and details.find_all("ul")
    assert curated.select_one("input[type=checkbox][name=targets]")


def test_results_choose_up_to_three_targets(cclient):
    _person(cclient)
    doc = soup(cclient.get("/inventera/resultat").get_data(as_text=True))
    ids = [b["value"] for b in doc.select("input[name=targets]")]
    response = post(cclient, "/inventera/resultat", {"targets": ids[:4]})
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find(id="targets-error")
    assert len(doc.select("input[name=targets][checked]")) == 4
    response = post(cclient, "/inventera/resultat", {"targets": ids[:2]})
    assert response.status_code == 303
    answer, _draft = saved(cclient, "inventera.targets")
    assert answer["targets"] == ids[:2]
    assert [d["group_id"] for d in answer["details"]] == ids[:2] and all(d["ssyk"] for d in answer["details"])
    doc = assert_page_invariants(cclient.get("/inventera/resultat?saved=1"))
    assert [b["value"] for b in doc.select("input[name=targets][checked]")] == ids[:2]
    assert doc.find(id="saved-targets")


def test_results_in_arabic_are_right_to_left(cclient):
    _person(cclient, swedish="none")
    response = cclient.get("/inventera/resultat?lang=ar")
    doc = assert_page_invariants(response, lang="ar", dir="rtl")
    assert len(doc.select(".target-card")) == 10
    codes = [s for s in doc.select(".target-card span[lang=sv]") if "SSYK" in text_of(s)]
    assert len(codes) == 10 and all(s.get("dir") == "ltr" for s in codes)
    # Swedish-only catalogue labels on an Arabic page are marked as Swedish, once (not escaped).
    assert len(doc.select(".target-details li span[lang=sv]")) > 10
    assert "&lt;span" not in response.get_data(as_text=True)


def test_results_without_answers_still_render(client):
    doc = assert_page_invariants(client.get("/inventera/resultat"))
    assert doc.find("h1")


def test_ticking_a_competence_with_htmx_reranks_in_place(cclient):
    _with_occupation(cclient)
    doc = soup(cclient.get("/inventera/fraga/competences").get_data(as_text=True))
    assert doc.select_one("#rank-preview") and not doc.select("#rank-preview li")
    proposed = [b["value"] for b in doc.select("input[name=skills]")]
    url = "/inventera/fraga/competences"
    response = cclient.post(url, data={"csrf_token": csrf_token(cclient, url), "skills": proposed[:5],
                                       "_autosave": "1"}, headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    items = soup(html).select("#rank-preview li")
    assert len(items) == 5 and any(re.search(r"\d+ .* \d+", text_of(li)) for li in items)
    assert saved(cclient, "inventera.competences")[1]["skills"] == proposed[:5]
    # Without htmx the same autosave answers 204 and the page shows the ranking on load.
    response = cclient.post(url, data={"csrf_token": csrf_token(cclient, url), "skills": proposed[:3],
                                       "_autosave": "1"})
    assert response.status_code == 204
    assert len(soup(cclient.get(url).get_data(as_text=True)).select("#rank-preview li")) == 5


def test_results_without_competences_rank_curated_occupations_by_preferences(cclient):
    post(cclient, "/inventera/fraga/occupations", {"never_worked": ["yes"]})
    post(cclient, "/inventera/fraga/competences", {"none_fit": ["yes"]})
    post(cclient, "/inventera/fraga/swedish", {"level": "sfi_b"})
    post(cclient, "/inventera/fraga/interests", {"likes": ["r_build", "r_machines", "r_outdoors"]})
    post(cclient, "/inventera/fraga/drivers", {"work_with": ["things"], "physical": "yes", "place": "outdoor",
                                               "hours": "any", "pay": "very", "education_weeks": "40"})
    doc = assert_page_invariants(cclient.get("/inventera/resultat"))
    cards = doc.select(".target-card")
    assert len(cards) == 10
    from app.engine.gap import riasec_of

    ssyks = [re.search(r"SSYK (\d{4})", text_of(c)).group(1) for c in cards]
    assert all(max(riasec_of(s), key=riasec_of(s).get) == "R" for s in ssyks[:3]), ssyks
    assert all(c.select_one(".target-facts") for c in cards)


def test_every_explanation_key_becomes_a_sentence(cclient):
    """docs/ENGINE.md's keys, each rendered with its params into a translated sentence."""
    from app.content import catalogue
    from app.engine import Explanation
    from app.wording import explain

    samples = [
        ("have_n_of_m", {"have": 3, "total": 15, "share": 0.2, "missing": (), "more_missing": 0}),
        ("have_all_of_m", {"have": 15, "total": 15, "share": 1.0, "missing": (), "more_missing": 0}),
        ("have_none_of_m", {"have": 0, "total": 15, "share": 0.0, "missing": (), "more_missing": 0}),
        ("missing_taught", {"count": 4, "skills": (), "covered": (), "uncovered": ()}),
        ("missing_licence", {"count": 1, "skills": ()}),
        ("missing_experience", {"count": 2, "skills": ()}),
        ("education_covers", {"education": "yrkesvux-underskoterska", "form": "yrkesvux", "weeks": 75,
                              "skills": ("a", "b"), "leads_to": True}),
        ("interest_fit", {"fit": 0.8, "letters": "SR", "factor": 1.15}),
        ("interest_fit", {"fit": 0.4, "letters": "SR", "factor": 0.95}),
        ("interest_fit", {"fit": 0.1, "letters": "SR", "factor": 0.8}),
        ("outlook", {"outlook": 1.0, "factor": 1.15}),
        ("outlook", {"outlook": 0.0, "factor": 1.0}),
        ("outlook", {"outlook": -1.0, "factor": 0.85}),
        ("education_too_long", {"weeks": 75, "max_weeks": 40, "factor": 0.6}),
        ("education_fits", {"weeks": 25, "max_weeks": 40, "factor": 1.0}),
        ("swedish_below", {"required": "sas_1", "level": "sfi_c", "steps": 30, "factor": 0.8}),
        ("swedish_ok", {"required": "sfi_d", "level": "sas_1", "factor": 1.0}),
        ("commute", {"reachable": 0.5, "factor": 0.85}),
        ("named_goal", {"factor": 1.0}),
        ("education_level_above", {"required": "university", "level": "compulsory", "steps": 3, "factor": 0.25}),
        ("education_level_ok", {"required": "upper_secondary", "level": "upper_secondary", "factor": 1.0}),
        ("no_education_needed", {"names": 2, "total": 7, "factor": 1.0}),
        ("same_work", {"have": 9, "total": 10, "back_have": 8, "back_total": 12}),
        ("has_core", {"have": 4, "total": 15}),
        ("shares_skills", {"count": 3}),
    ]
    with cclient.application.test_request_context("/?lang=sv"):
        view = catalogue.current()
        sentences = [explain(Explanation(key, params), view) for key, params in samples]
    assert all(isinstance(s, str) and len(s) > 10 for s in sentences), sentences
    assert len(set(sentences)) == len(sentences)
    assert "75" in sentences[6] and "Undersköterska" in sentences[6]
    assert "20" in sentences[0]                    # "3 of the 15 core competences (20 %)"
    assert "Sfi" in sentences[15] or "SFI" in sentences[15].upper()


def test_inventera_start_page_links_to_results_once_started(client):
    doc = assert_page_invariants(client.get("/inventera/"))
    assert not doc.find("a", href="/inventera/resultat")
    post(client, "/inventera/fraga/swedish", {"level": "sfi_d"})
    doc = assert_page_invariants(client.get("/inventera/"))
    assert doc.find("a", href="/inventera/resultat")
    assert doc.find("a", href="/inventera/fraga/swedish_can_do") is None      # not applicable
    assert assert_page_invariants(client.get("/inventera/svar")).find("a", href="/inventera/resultat")


def test_results_use_competences_ticked_but_not_yet_continued(cclient):
    _with_occupation(cclient)
    doc = soup(cclient.get("/inventera/fraga/competences").get_data(as_text=True))
    proposed = [b["value"] for b in doc.select("input[name=skills]")]
    url = "/inventera/fraga/competences"
    cclient.post(url, data={"csrf_token": csrf_token(cclient, url), "skills": proposed[:15], "_autosave": "1"})
    cards = assert_page_invariants(cclient.get("/inventera/resultat")).select(".target-card")
    assert "5321" in text_of(cards[0]) or "5321" in text_of(cards[1])
    assert text_of(cards[0].select_one(".match-words"))


@pytest.mark.parametrize("typed,name,code", [("malmo", "Malmö", "1280"), ("Upplands väsby kommun", "Upplands Väsby", "0114"),
                                             ("  GÖTEBORG ", "Göteborg", "1480")])
def test_home_municipality_is_recognised_however_typed(cclient, typed, name, code):
    response = post(cclient, "/inventera/fraga/home", {"municipality": typed, "max_commute": "45"})
    assert response.status_code == 303
    answer, _draft = saved(cclient, "inventera.home")
    assert answer == {"municipality": name, "kommunkod": code, "max_commute": 45}


def test_unknown_municipality_gets_a_message_and_keeps_the_text(cclient):
    response = post(cclient, "/inventera/fraga/home", {"municipality": "Malmöö stadsdel", "max_commute": "30"})
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find("input", attrs={"name": "municipality"})["value"] == "Malmöö stadsdel"
    assert "Malmöö stadsdel" in text_of(doc.find(id="municipality-error"))


def test_commute_limit_from_home_shapes_the_ranking(cclient):
    """From Kiruna with 20 minutes, occupations whose educations are only given far away lose
    ground; komvux routes (every municipality) keep theirs. The pure match does not change."""
    from app.content import catalogue
    from app.flows.inventera.results import commute_from

    post(cclient, "/inventera/fraga/home", {"municipality": "Kiruna", "max_commute": "20"})
    with cclient.application.test_request_context():
        view = catalogue.current()
        answers = {"inventera.home": saved(cclient, "inventera.home")[0]}
        shares = commute_from(answers, view)
    assert shares, "home known: every occupation with routes gets a share"
    assert shares["5321"] > 0                        # komvux/yrkesvux in every municipality
    far = [ssyk for ssyk, share in shares.items() if share == 0]
    assert far, "some routes (högskola, YH in other towns) are out of reach from Kiruna in 20 minutes"
    assert all(view.education_places[e].everywhere is False for ssyk in far for e in view.routes[ssyk]
               if e in view.education_places)
