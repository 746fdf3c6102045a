"""Besluta's money-over-time questions: asked only when they matter for the person, each answer
reaching the engine's Person, and the money that follows on the decision basis (the programme
that ends half-way, the supplement by the children's ages, the income before the studies)."""
from __future__ import annotations

from datetime import date

import pytest

from tests.flows.test_besluta import SITUATION, plan_id, post, profile
from tests.pages import assert_page_invariants, text_of


def person_of(client):
    from flask import session as flask_session

    from app.flows.besluta.person import person_from
    from app.plans import store

    with client.application.test_request_context():
        flask_session[store.SESSION_KEY] = plan_id(client)
        return person_from(store.all_answers(store.current_plan()))


def asked(doc) -> set[str]:
    return {i["name"] for i in doc.select("#step-form input") if i["name"] != "csrf_token"}


@pytest.mark.parametrize("situation, children, country, expected", [
    ("etableringsprogram", "2", "abroad", {"programme_month", "programme_year", "children_born", "permit",
                                           "permit_month", "permit_year"}),
    ("unemployed_registered", "0", "sweden", {"work_years", "work_months_recent", "income_before", "akassa"}),
    ("employed", "1", "sweden", {"children_born", "work_years", "work_months_recent", "akassa"}),
])
def test_only_the_questions_that_matter_are_asked(client, situation, children, country, expected):
    post(client, "/inventera/fraga/education", {"level": "compulsory", "country": country})
    response = post(client, "/besluta/fraga/situation", dict(SITUATION, situation=situation, children=children))
    assert response.headers["Location"] == "/besluta/fraga/money"
    assert asked(assert_page_invariants(client.get("/besluta/fraga/money"))) == expected


def test_the_step_is_skipped_when_nothing_matters(client):
    post(client, "/inventera/fraga/education", {"level": "upper_secondary", "country": "sweden"})
    response = post(client, "/besluta/fraga/situation", dict(SITUATION, situation="other", children="0",
                                                             upper_secondary="yes"))
    assert response.headers["Location"] == "/besluta/fraga/priorities"
    doc = assert_page_invariants(client.get("/besluta/fraga/priorities"))
    assert doc.find("a", class_="back-link")["href"] == "/besluta/fraga/situation"


def test_a_newcomers_answers_reach_the_person(cclient):
    profile(cclient, situation=dict(SITUATION, situation="etableringsprogram", children="3"))
    response = post(cclient, "/besluta/fraga/money", {
        "programme_month": "3", "programme_year": "2026", "children_born": "2016, 2019",
        "permit": "refugee", "permit_month": "", "permit_year": ""})
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    p = person_of(cclient)
    assert p.etablering_until == date(2028, 2, 29)                 # 24 months of the programme
    assert p.children_born[:2] == (date(2016, 7, 1), date(2019, 7, 1)) and len(p.children_born) == 3
    assert p.permit == "refugee" and p.residence_ok


def test_temporary_protection_and_swedish_as_first_language(cclient):
    profile(cclient, swedish="native", situation=dict(SITUATION, situation="other", children="0"))
    post(cclient, "/besluta/fraga/money", {"permit": "temporary_protection", "permit_month": "4", "permit_year": "2026"})
    p = person_of(cclient)
    assert p.permit == "temporary_protection" and p.permit_from == date(2026, 4, 1)
    assert p.swedish_level == "svenska_3"


def test_a_long_working_life_before_unemployment_reaches_omstallningsstudiestod(cclient):
    """Twenty years in a warehouse, unemployed since spring: the work history and the wage before
    decide omställningsstudiestöd (not "you have not worked long enough")."""
    profile(cclient, education="compulsory", situation=dict(SITUATION, birth_year="1975", income=""))
    post(cclient, "/besluta/fraga/money", {"work_years": "14", "work_months_recent": "16",
                                           "income_before": "27000", "akassa": "yes"})
    p = person_of(cclient)
    assert (p.work_months_last_14_years, p.work_months_last_24, p.income_before) == (168, 16, 27000)
    assert p.has_akassa and p.yearly_income_before == 324000
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321?lang=en"), lang="en")
    text = text_of(doc.find("main"))
    assert "You have not worked long enough" not in text
    assert "transition study grant" in text                           # omställningsstudiebidrag's line


def test_the_decision_basis_shows_where_the_programme_ends_inside_a_step(cclient, monkeypatch):
    from app import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 1))
    profile(cclient, situation=dict(SITUATION, situation="etableringsprogram", children="0"))
    post(cclient, "/besluta/fraga/money", {"programme_month": "4", "programme_year": "2026", "permit": "refugee"})
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321?lang=en"), lang="en")
    changes = doc.select(".money-change")
    assert changes, "the change of money inside a long step is shown"
    line = text_of(changes[0].select_one(".money-change__line"))
    assert line.startswith("From April 1, 2028 (the introduction programme has ended)"), line
    assert "Student finance from CSN" in line or "CSN" in line


def test_driving_licences_held_are_skipped_and_missing_ones_are_steps(cclient):
    """Yrkesvux for bus drivers needs a B licence: skipped with a reason for someone who has one,
    a step named from the catalogue (never its key) for someone who has not."""
    from tests.flows.test_besluta import save

    targets = {"targets": ["x"], "details": [{"group_id": "x", "ssyk": "8331", "label": "Buss- och spårvagnsförare"}]}
    profile(cclient, situation=dict(SITUATION, driving_licences=["B"]), targets=targets)
    assert "b-licence" in person_of(cclient).licences
    doc = assert_page_invariants(cclient.get("/besluta/yrke/8331?lang=en"), lang="en")
    skipped = [text_of(li) for li in doc.select("article.route li") if "You already have it" in text_of(li)]
    assert any("Car driving licence (B)" in t for t in skipped), skipped

    post(cclient, "/besluta/fraga/situation", dict(SITUATION))           # now without a licence
    save(cclient, "inventera.targets", targets)
    assert "b-licence" not in person_of(cclient).licences
    doc = assert_page_invariants(cclient.get("/besluta/yrke/8331?lang=en"), lang="en")
    titles = [text_of(h) for h in doc.select("ol.timeline .timeline__title")]
    assert any("Car driving licence (B)" in t for t in titles), titles
    assert not any("b-licence" in t for t in titles)


def test_a_last_day_that_has_passed_is_never_shown_as_one(client, monkeypatch):
    """On 1 December a plan made in November must not say "apply by 23 November": it says to apply
    as soon as possible, in the plan and in Agera."""
    from app import clock
    from tests.test_sharing import give_plan, sample_plan

    give_plan(client, sample_plan(date(2026, 11, 16)))                 # deadlines from 16 November on
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 1))
    plan_doc = assert_page_invariants(client.get("/besluta/plan?lang=en"), lang="en")
    agera_doc = assert_page_invariants(client.get("/agera/nasta?lang=en"), lang="en")
    apply_step = plan_doc.find(id="step-2-apply_financing-csn-studiemedel")
    assert "November 24" not in text_of(apply_step)                 # the application's own date is not shown
    for doc in (plan_doc, agera_doc):
        text = text_of(doc.find("main"))
        assert "Apply by November" not in text and "Deadline: November" not in text
        assert "as soon as possible" in text


@pytest.mark.parametrize("town, some_far", [("Kiruna", True), ("Malmö", None)])
def test_routes_beyond_the_travel_limit_come_last_and_compare_says_how_far(cclient, town, some_far):
    profile(cclient)
    post(cclient, "/inventera/fraga/home", {"municipality": town, "max_commute": "15"})
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321/jamfor?lang=en"), lang="en")
    cells = [next(row.find("dd") for row in card.select(".compare-card__row") if text_of(row.find("dt")) == "Distance from home")
             for card in doc.select("li.compare-card")]
    far = ["compare__far" in (td.get("class") or []) for td in cells]
    assert far == sorted(far)                        # every route within the limit before any beyond it
    if some_far:                                     # Kiruna, 15 minutes: a route in Stockholm is beyond it
        assert any(far) and not all(far)
    assert all(text_of(td) for td in cells)
    decision = assert_page_invariants(cclient.get("/besluta/yrke/5321?lang=en"), lang="en")
    assert len(decision.select("article.route")) == len(cells)


def test_the_job_search_has_no_study_pace(cclient):
    profile(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/yrke/5321?lang=en"), lang="en")
    job = doc.select("ol.timeline > li.timeline__step--job_search")
    assert job
    text = text_of(job[0])
    assert "pace" not in text and "weeks of looking for work" in text


def test_money_now_is_not_taken_as_0_kr_when_left_empty(cclient):
    profile(cclient, situation=dict(SITUATION, income=""))
    text = text_of(assert_page_invariants(cclient.get("/besluta/yrke/5321?lang=en"), lang="en").find("main"))
    assert "Now: 0 kr" not in text and "more than now" not in text
    assert "Add your income now" in text
    post(cclient, "/besluta/fraga/situation", dict(SITUATION, income="9000"))
    text = text_of(assert_page_invariants(cclient.get("/besluta/yrke/5321?lang=en"), lang="en").find("main"))
    assert "Now: 9,000 kr" in text


def test_an_occupation_that_is_not_a_target_offers_no_compare_link(cclient):
    profile(cclient)                                           # the target is 5321, not 8331
    doc = assert_page_invariants(cclient.get("/besluta/yrke/8331"))
    assert not doc.select("a[href='/besluta/yrke/8331/jamfor']")
    assert doc.select_one("form.make-target")
