"""Besluta: the situation question, the decision basis per target (work, gap, routes, money),
the comparison, choosing a route and editing the plan (valid / invalid / CSRF), on the real
catalogue. Words are checked by structure and values, not by Swedish wording."""
from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from app import wording as words
from tests.conftest import csrf_token
from tests.pages import assert_page_invariants, soup, text_of

ENGINE = Path(__file__).resolve().parents[2] / "app" / "engine"


def post(client, url, data, page=None):
    return client.post(url, data=dict(data, csrf_token=csrf_token(client, page or url)))


def plan_id(client):
    from app.plans import store

    with client.session_transaction() as sess:
        return sess.get(store.SESSION_KEY)


def save(client, step, data):
    """Write one saved answer straight into the client's plan (answers that other tests cover)."""
    from flask import session as flask_session

    from app.plans import store

    pid = plan_id(client)
    with client.application.test_request_context():
        flask_session[store.SESSION_KEY] = pid
        store.save_answers(store.current_plan(), step, data)


def saved(client, step):
    from flask import session as flask_session

    from app.plans import store

    pid = plan_id(client)
    with client.application.test_request_context():
        flask_session[store.SESSION_KEY] = pid
        return store.answers_for(store.current_plan(), step)


SITUATION = {"birth_year": "1988", "situation": "unemployed_registered", "children": "0", "income": ""}
AMINA_TARGETS = {"targets": ["jY19_knH_MJp"], "details": [
    {"group_id": "jY19_knH_MJp", "ssyk": "5321", "label": "Undersköterska"}]}


def profile(client, *, education="compulsory", swedish="sfi_c", situation=None, targets=AMINA_TARGETS):
    """A newcomer: Inventera answers through the pages, the situation question, and targets."""
    assert post(client, "/inventera/fraga/education", {"level": education, "country": "abroad"}).status_code == 303
    assert post(client, "/inventera/fraga/swedish", {"level": swedish}).status_code == 303
    response = post(client, "/besluta/fraga/situation", situation or SITUATION)
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    if targets:
        save(client, "inventera.targets", targets)


# --- 1. the situation question -------------------------------------------------------------------

def test_situation_is_the_first_besluta_question_and_saves(client):
    post(client, "/inventera/fraga/education", {"level": "upper_secondary", "country": "sweden"})
    doc = assert_page_invariants(client.get("/besluta/fraga/situation"))
    names = {i["name"] for i in doc.select("#step-form input")}
    assert {"birth_year", "situation", "children", "income", "upper_secondary"} <= names
    response = post(client, "/besluta/fraga/situation", dict(SITUATION, income="12000", upper_secondary="yes"))
    # someone unemployed is asked next what decides money over a long route
    assert response.status_code == 303 and response.headers["Location"] == "/besluta/fraga/money"
    assert saved(client, "besluta.situation") == {"birth_year": 1988, "situation": "unemployed_registered",
                                                  "children": 0, "income": 12000, "upper_secondary": "yes",
                                                  "driving_licences": []}
    assert assert_page_invariants(client.get("/besluta/fraga/priorities")).select("input[name=priorities]")


@pytest.mark.parametrize("level,asked", [("compulsory", False), ("post_secondary", False),
                                         ("upper_secondary", True), (None, True)])
def test_upper_secondary_is_asked_only_when_inventera_does_not_tell(client, level, asked):
    if level:
        post(client, "/inventera/fraga/education", {"level": level, "country": "abroad"})
    doc = assert_page_invariants(client.get("/besluta/fraga/situation"))
    assert bool(doc.select("input[name=upper_secondary]")) is asked
    response = post(client, "/besluta/fraga/situation", SITUATION)
    assert response.status_code == (422 if asked else 303)


@pytest.mark.parametrize("field,value", [("birth_year", "1939"), ("birth_year", "2011"), ("birth_year", "nittio"),
                                         ("birth_year", ""), ("children", "11"), ("children", ""),
                                         ("income", "-5"), ("situation", "retired")])
def test_situation_invalid_answers_are_refused_at_the_field(client, field, value):
    post(client, "/inventera/fraga/education", {"level": "compulsory", "country": "abroad"})
    response = post(client, "/besluta/fraga/situation", dict(SITUATION, **{field: value}))
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find(id=f"{field}-error") is not None
    assert doc.select_one(f"#error-summary a[href^='#{field}']") is not None
    if field != "situation":
        assert doc.find(id=field)["value"] == value      # what was typed stays


def test_situation_without_csrf_is_refused_and_keeps_the_input(client):
    response = client.post("/besluta/fraga/situation", data=SITUATION)
    assert response.status_code == 400
    doc = assert_page_invariants(response)
    assert doc.find(id="birth_year")["value"] == "1988"


def test_person_is_built_from_besluta_and_inventera_answers(cclient):
    from flask import session as flask_session

    from app.flows.besluta.person import person_from
    from app.plans import store

    profile(cclient, education="none", swedish="unknown",
            situation=dict(SITUATION, situation="etableringsprogram", children="3", income="9000"))
    post(cclient, "/inventera/fraga/swedish_can_do", {"level": "sfi_b"})
    pid = plan_id(cclient)
    with cclient.application.test_request_context():
        flask_session[store.SESSION_KEY] = pid
        person = person_from(store.all_answers(store.current_plan()))
    assert person.birth_year == 1988 and person.situation == "etableringsprogram"
    assert person.children == 3 and person.prior_year_income == 108000
    assert person.swedish_level == "sfi_b"               # from the can-do follow-up
    assert not person.has_grundskola and not person.has_gymnasieexamen
    assert person.years_of_schooling == 6


def test_licences_and_jobs_from_inventera_reach_the_person(cclient):
    from flask import session as flask_session

    from app.flows.besluta.person import person_from
    from app.plans import store

    profile(cclient, education="post_secondary", situation=dict(SITUATION, situation="employed", income="30000"))
    save(cclient, "inventera.competences", {"skills": ["curated:8321:b-licence"]})
    save(cclient, "inventera.occupations", {"occupations": [
        {"occupation_id": "a", "label": "Ingenjör", "group_id": "g1", "ssyk": "2142", "years": 6, "where": "abroad"},
        {"occupation_id": "b", "label": "Lagerarbetare", "group_id": "g2", "ssyk": "4322", "years": 3, "where": "sweden"}]})
    pid = plan_id(cclient)
    with cclient.application.test_request_context():
        flask_session[store.SESSION_KEY] = pid
        person = person_from(store.all_answers(store.current_plan()))
    assert person.licences == ("b-licence",)
    assert person.experience_ssyk == ("2142", "4322") and person.foreign_degree_ssyk == ("2142",)
    assert person.has_gymnasieexamen and person.hogskolepoang > 0
    assert person.work_months_last_14_years == 36 and person.work_months_last_24 == 24
    assert person.prior_year_income == 360000


# --- 2. the start page and the decision basis ----------------------------------------------------

def test_start_page_lists_targets_or_links_to_the_results(cclient):
    doc = assert_page_invariants(cclient.get("/besluta/"))
    assert doc.select_one("main a[href='/inventera/resultat']")
    profile(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/"))
    assert [a["href"] for a in doc.select(".target-list a")] == ["/besluta/yrke/5321"]


def test_decision_page_answers_without_a_target_or_the_situation(cclient):
    """Issue 11: every group has a decision basis; the routes wait for the situation."""
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321"))          # not a target, no answers
    assert doc.find("section", attrs={"aria-labelledby": "gap-title"})
    assert doc.select_one("form[action='/besluta/yrke/5321/mal'] button")  # make it a target
    assert doc.select_one("a[href='/besluta/fraga/situation']")            # routes need the situation
    assert not doc.select("article.route")
    post(cclient, "/inventera/fraga/education", {"level": "compulsory", "country": "abroad"})
    save(cclient, "inventera.targets", AMINA_TARGETS)
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321"))
    assert not doc.select_one("form[action='/besluta/yrke/5321/mal']")     # already a target
    assert cclient.get("/besluta/yrke/5321/jamfor").status_code == 303      # comparing needs the situation


def test_decision_page_shows_the_work_the_gap_and_the_routes_with_sources(cclient):
    profile(cclient)
    response = cclient.get("/besluta/yrke/5321")
    doc = assert_page_invariants(response)
    work = doc.find("section", attrs={"aria-labelledby": "work-title"})
    sources = work.select(".fact-source a")
    assert len(sources) == 2 and all(a["href"].startswith("https://") for a in sources)   # outlook and pay
    assert all(re.search(r"\d{4}-\d\d-\d\d", text_of(s.parent)) for s in sources)       # with the period
    gap = doc.find("section", attrs={"aria-labelledby": "gap-title"})
    assert gap.find("h3") and gap.select(".gap-list li")
    routes = doc.select("article.route")
    assert 1 <= len(routes) <= 3
    first = routes[0]
    kinds = [li["class"][1] for li in first.select("ol.timeline > li")]
    assert kinds[-1] == "timeline__step--job_search"
    assert first.select(".money .fact-source a")                     # money lines with their source
    assert first.select_one(".money .tag")                             # marked as an estimate
    assert re.search(r"\d", text_of(first.select_one(".summary-list__row dd")))   # ready date
    assert "_" not in text_of(doc.find("main")).replace("__", "")  # no raw engine key leaks


def test_personas_like_profiles_get_routes(cclient):
    """Lars-like: employed, Swedish at basic level, wants to drive trucks (8332)."""
    profile(cclient, education="compulsory", swedish="sas_grund",
            situation=dict(SITUATION, situation="employed", children="2", income="29000"),
            targets={"targets": ["x"], "details": [{"group_id": "x", "ssyk": "8332", "label": "Lastbilsförare"}]})
    doc = assert_page_invariants(cclient.get("/besluta/yrke/8332"))
    assert doc.select("article.route")
    household = doc.select_one("article.route .summary-list").get_text()
    assert "29" in household                                           # money now: 29 000 kr


def test_besluta_pages_in_arabic_are_rtl(cclient):
    profile(cclient)
    for url in ("/besluta/?lang=ar", "/besluta/yrke/5321", "/besluta/yrke/5321/jamfor", "/besluta/plan"):
        assert_page_invariants(cclient.get(url), lang="ar", dir="rtl")
    choose(cclient)
    for url in ("/besluta/plan", "/besluta/plan?print=1"):
        assert_page_invariants(cclient.get(url), lang="ar", dir="rtl")


# --- 3. compare --------------------------------------------------------------------------------------

def test_compare_is_route_cards_with_the_same_rows_in_the_same_order(cclient):
    """On a phone every route shows (stacked cards), each with the same rows in the same order and
    its own choose button."""
    profile(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321/jamfor"))
    cards = doc.select("ol.compare-cards > li.compare-card")
    assert 2 <= len(cards) <= 3
    labels = [[text_of(dt) for dt in card.select("dt")] for card in cards]
    assert len(labels[0]) >= 5 and all(row == labels[0] for row in labels)
    assert all(text_of(dd) for card in cards for dd in card.select("dd"))
    for card in cards:
        assert card.find("h2") and card.select("form[action='/besluta/yrke/5321/valj'] input[name=route]")
    assert len(doc.select("form[action='/besluta/yrke/5321/valj'] input[name=route]")) == len(cards)


# --- 4. choose a route, the plan, editing -----------------------------------------------------------

def choose(client, n=0):
    html = client.get("/besluta/yrke/5321/jamfor").get_data(as_text=True)
    route = re.findall(r'name="route" value="([^"]+)"', html)[n]
    response = post(client, "/besluta/yrke/5321/valj", {"route": route}, page="/besluta/yrke/5321/jamfor")
    assert response.status_code == 303 and response.headers["Location"] == "/besluta/plan"
    return route


def test_choosing_a_route_saves_the_plan(cclient):
    profile(cclient)
    assert "_" not in text_of(assert_page_invariants(cclient.get("/besluta/plan")).find("h1"))   # no plan yet
    route = choose(cclient, 1)
    plan = saved(cclient, "besluta.plan")
    assert plan["route_id"] == route and plan["goal"]["ssyk"] == "5321" and plan["steps"]
    assert plan["user_notes"] == {}
    doc = assert_page_invariants(cclient.get("/besluta/plan"))
    steps = doc.select("ol.timeline > li")
    assert len(steps) == len(plan["steps"])
    dates = [s["start"] for s in plan["steps"]]
    assert dates == sorted(dates)


def test_choose_with_an_unknown_route_or_without_csrf(cclient):
    profile(cclient)
    response = post(cclient, "/besluta/yrke/5321/valj", {"route": "5321:nope"}, page="/besluta/yrke/5321/jamfor")
    assert response.status_code == 303 and response.headers["Location"] == "/besluta/yrke/5321/jamfor"
    assert saved(cclient, "besluta.plan") == {}
    assert cclient.post("/besluta/yrke/5321/valj", data={"route": "5321:direct"}).status_code == 400


def _step(client, kind):
    return next(s for s in saved(client, "besluta.plan")["steps"] if s["kind"] == kind)


def test_move_a_step_keeps_its_length(cclient):
    profile(cclient)
    choose(cclient)
    step = _step(cclient, "education")
    doc = soup(cclient.get("/besluta/plan").get_data(as_text=True))
    form = doc.select_one(f"form[action='/besluta/plan/steg/{step['id']}/move']")
    field = form.select_one("input[type=date]")
    response = post(cclient, form["action"], {field["name"]: "2027-08-16"}, page="/besluta/plan")
    assert response.status_code == 303
    moved = _step(cclient, "education")
    assert moved["start"] == "2027-08-16"
    length = date.fromisoformat(step["finish"]) - date.fromisoformat(step["start"])
    assert date.fromisoformat(moved["finish"]) - date.fromisoformat(moved["start"]) == length


@pytest.mark.parametrize("value", ["", "16/08/2027", "1999-12-31"])
def test_move_with_a_bad_date_shows_the_error_at_the_field(cclient, value):
    profile(cclient)
    choose(cclient)
    step = _step(cclient, "education")
    doc = soup(cclient.get("/besluta/plan").get_data(as_text=True))
    form = doc.select_one(f"form[action='/besluta/plan/steg/{step['id']}/move']")
    name = form.select_one("input[type=date]")["name"]
    response = post(cclient, form["action"], {name: value}, page="/besluta/plan")
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find(id=f"{name}-error") and doc.select_one(f"#error-summary a[href='#{name}']")
    assert doc.find(id=name).find_parent("details").has_attr("open")
    assert _step(cclient, "education")["start"] == step["start"]


def test_notes_are_saved_and_limited_to_500_characters(cclient):
    profile(cclient)
    choose(cclient)
    step = _step(cclient, "education")
    doc = soup(cclient.get("/besluta/plan").get_data(as_text=True))
    form = doc.select_one(f"form[action='/besluta/plan/steg/{step['id']}/note']")
    name = form.select_one("textarea")["name"]
    assert form.select_one("textarea")["maxlength"] == "500"
    response = post(cclient, form["action"], {name: "x" * 501}, page="/besluta/plan")
    assert response.status_code == 422 and assert_page_invariants(response).find(id=f"{name}-error")
    assert post(cclient, form["action"], {name: "Ring skolan"}, page="/besluta/plan").status_code == 303
    assert saved(cclient, "besluta.plan")["user_notes"] == {step["id"]: "Ring skolan"}
    assert "Ring skolan" in cclient.get("/besluta/plan").get_data(as_text=True)


def test_add_and_remove_steps(cclient):
    profile(cclient)
    choose(cclient)
    before = len(saved(cclient, "besluta.plan")["steps"])
    response = post(cclient, "/besluta/plan/steg", {"add-title": "", "add-start": "2027-02-01"}, page="/besluta/plan")
    assert response.status_code == 422
    assert assert_page_invariants(response).find(id="add-title-error")
    response = post(cclient, "/besluta/plan/steg", {"add-title": "Besök jobbmässan", "add-start": "2027-02-01"},
                    page="/besluta/plan")
    assert response.status_code == 303
    own = _step(cclient, "own")
    assert own["label"] == "Besök jobbmässan" and own["start"] == "2027-02-01" and own["with_whom"] == "person"
    doc = assert_page_invariants(cclient.get("/besluta/plan"))
    assert doc.find(id=f"step-{own['id']}")
    response = post(cclient, f"/besluta/plan/steg/{own['id']}/remove", {}, page="/besluta/plan")
    assert response.status_code == 303
    assert len(saved(cclient, "besluta.plan")["steps"]) == before
    assert cclient.post(f"/besluta/plan/steg/{own['id']}/remove").status_code == 400   # no CSRF token
    assert post(cclient, "/besluta/plan/steg/nope/remove", {}, page="/besluta/plan").status_code == 404


def test_plan_edits_without_csrf_are_refused(cclient):
    profile(cclient)
    choose(cclient)
    step = _step(cclient, "education")
    assert cclient.post(f"/besluta/plan/steg/{step['id']}/move", data={"x-start": "2027-08-16"}).status_code == 400
    assert cclient.post("/besluta/plan/steg", data={"add-title": "x", "add-start": "2027-01-01"}).status_code == 400
    assert cclient.post(f"/besluta/plan/steg/{step['id']}/note", data={"x-n-note": "hej"}).status_code == 400
    assert saved(cclient, "besluta.plan")["user_notes"] == {}
    assert _step(cclient, "education")["start"] == step["start"]


def test_print_view_is_the_basis_for_decision_without_forms(cclient):
    profile(cclient)
    choose(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/plan?print=1"))
    assert not doc.select("main form")
    assert doc.select("ol.timeline > li")
    normal = assert_page_invariants(cclient.get("/besluta/plan"))
    assert normal.select_one("a[href='/besluta/plan?print=1']")
    assert text_of(doc.find("h1")) != text_of(normal.find("h1"))
    assert any("timeline" in link["href"] for link in doc.select("link[rel=stylesheet]"))


# --- every key the engine can emit has a sentence ------------------------------------------------------

def routes_inputs():
    from app.content.facts import route_inputs
    from app.content.loaders import load_content

    return route_inputs(load_content())      # the same as the catalogue's (tests/content/test_catalogue.py)


def test_every_engine_key_has_a_sentence():
    from app.engine import financing, plan, routes

    kinds = {v for k, v in vars(routes).items() if k.isupper() and isinstance(v, str)} & {
        "language", "preparatory", "recognition", "education", "validation", "licence", "job_search"}
    kinds |= {plan.APPLY_FINANCING, plan.APPLY_LICENCE}
    assert kinds <= set(words.KINDS)
    with_whom = set(routes.ISSUERS.values()) | set(routes.WITH_BY_FORM.values()) | {
        routes.PERSON, routes.EMPLOYER, financing.CSN, financing.AF, financing.FK, financing.MUNICIPALITY}
    assert with_whom <= set(words.WITH_WHOM)
    # Reason keys: the first argument of every Reason(...) / _reason(facts, ...) call.
    reasons = set()
    for node in ast.walk(ast.parse((ENGINE / "financing.py").read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            args = node.args[1:] if node.func.id == "_reason" else node.args if node.func.id == "Reason" else []
            if args and isinstance(args[0], ast.Constant):
                reasons.add(args[0].value)
    assert reasons and reasons <= set(words.REASONS), reasons - set(words.REASONS)
    parts = set()
    for node in ast.walk(ast.parse((ENGINE / "financing.py").read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_line" and len(node.args) > 3 \
                and isinstance(node.args[3], ast.Constant):
            parts.add(node.args[3].value)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Line" and len(node.args) > 1 \
                and isinstance(node.args[1], ast.Constant):
            parts.add(node.args[1].value)
    assert parts and parts <= set(words.PARTS), parts - set(words.PARTS)
    schemes = {financing.STUDIEMEDEL, financing.OMSTALLNING, financing.AKTIVITETSSTOD, financing.UTVECKLING,
               financing.ETABLERINGSERSATTNING, financing.STUDIESTARTSSTOD}
    assert schemes <= set(words.SCHEMES)
    # Route and plan keys: every note (notes=(...), notes.append(...)), skip reason
    # (SkippedStep(kind, key, reason)) and exclusion reason (return "..." in _exclusion).
    notes, skips, exclusions = set(), set(), set()
    for module in ("routes.py", "plan.py"):
        for node in ast.walk(ast.parse((ENGINE / module).read_text())):
            if isinstance(node, ast.keyword) and node.arg == "notes":
                notes |= {c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)}
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "append" \
                    and getattr(node.func.value, "id", "") == "notes" and isinstance(node.args[0], ast.Constant):
                notes.add(node.args[0].value)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "SkippedStep" \
                    and isinstance(node.args[2], ast.Constant):
                skips.add(node.args[2].value)
            elif isinstance(node, ast.FunctionDef) and node.name == "_exclusion":
                exclusions |= {r.value.value for r in ast.walk(node)
                               if isinstance(r, ast.Return) and isinstance(r.value, ast.Constant) and r.value.value}
    notes.discard("notes")                 # Plan.from_dict reads data.get("notes")
    assert notes and notes <= set(words.NOTES), notes - set(words.NOTES)
    assert skips and skips <= set(words.SKIPPED), skips - set(words.SKIPPED)
    assert exclusions and exclusions <= set(words.EXCLUDED), exclusions - set(words.EXCLUDED)
    requires = {r for e in routes_inputs().educations.values() for r in e.requires}
    assert requires <= set(words.NOTES), requires - set(words.NOTES)      # recognition notes carry them
    from app.engine.language import MSG_CHECK_MERIT, MSG_ENOUGH, MSG_FIRST_THEN, MSG_UNKNOWN
    assert {MSG_ENOUGH, MSG_FIRST_THEN, MSG_UNKNOWN, MSG_CHECK_MERIT} <= set(words.LANGUAGE)


def test_every_key_from_the_personas_becomes_words(app):
    """Run the five personas through routes and plans; every emitted key has its sentence."""
    from app.engine import build_plan
    from app.engine.plan import Goal
    from app.engine.routes import excluded_candidates
    from tests.engine.personas import PERSONAS, TODAY, engine_inputs, routes_for

    inputs, _facts = engine_inputs()
    for p in PERSONAS:
        for route in routes_for(p):
            for s in route.steps:
                assert s.kind in words.KINDS and s.with_whom in words.WITH_WHOM
                assert all(n in words.NOTES for n in s.notes), s.notes
                if s.financing:
                    for o in s.financing.options:
                        assert o.key in words.SCHEMES and o.decided_by in words.WITH_WHOM
                        assert all(line.part in words.PARTS and line.kind in words.LINE_KINDS for line in o.lines)
                        assert all(n.key in words.REASONS for n in o.notes)
                        assert all(c in words.CHECK_WITH for c in o.check_with)
                    assert all(r.key in words.REASONS for r in s.financing.not_eligible)
            assert all(s.reason in words.SKIPPED for s in route.skipped)
            assert all(n in words.NOTES for n in route.notes)
            assert route.language is None or route.language.message_key in words.LANGUAGE
            for s in build_plan(route, Goal(p.target_ssyk), TODAY).steps:
                assert s.kind in words.KINDS and all(n in words.NOTES for n in s.notes)
        assert all(why in words.EXCLUDED for _e, why in excluded_candidates(inputs, p.person, p.target_ssyk))


def test_each_study_step_says_where_it_is_from_home(cclient):
    """Language steps are in every municipality ("in your municipality, usually under 30
    minutes"); a university step far from Kiruna with a 20-minute limit is said to be further
    than the person wants to travel."""
    profile(cclient, education="post_secondary", swedish="sfi_b",
            targets={"targets": ["x"], "details": [{"group_id": "x", "ssyk": "2221", "label": "Sjuksköterska"}]})
    assert post(cclient, "/inventera/fraga/home", {"municipality": "Kiruna", "max_commute": "20"}).status_code == 303
    doc = assert_page_invariants(cclient.get("/besluta/yrke/2221"))
    steps = doc.select("article.route ol.timeline > li")
    language = [s for s in steps if "timeline__step--language" in s["class"]]
    assert language and all(s.select_one("li:not(.timeline__warning)") for s in language)
    # given in every municipality: said as local travel, not as no time at all (issue 17)
    assert all("under 30 minut" in text_of(s) for s in language)
    warnings = doc.select(".timeline__warning")
    assert warnings, "a step beyond the travel limit is said"
    assert "20" in text_of(warnings[0])


def test_where_asks_for_home_when_it_is_unknown(cclient):
    profile(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321"))
    facts = " ".join(text_of(li) for li in doc.select(".timeline__facts li"))
    assert "Take stock" in facts or "Inventera" in facts
