"""build_plan: goal + dated steps with whom and follow-ups; JSON round trip for the plan store."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.content.facts import financing_facts, route_inputs
from app.content.loaders import load_content
from app.engine.financing import ETABLERING, UNEMPLOYED, Person
from app.engine.plan import APPLY_FINANCING, APPLY_LICENCE, Goal, Plan, build_plan
from app.engine.routes import build_routes

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine():
    content = load_content()
    return route_inputs(content), financing_facts(content)


@pytest.fixture(scope="module")
def yrkesvux_plan(engine) -> Plan:
    inputs, facts = engine
    p = Person(birth_year=1988, situation=UNEMPLOYED, swedish_level="sfi_c", experience_ssyk=("5321",))
    route = next(r for r in build_routes(inputs, p, "5321", start=TODAY, facts=facts)
                 if r.education_id == "yrkesvux-underskoterska")
    return build_plan(route, Goal("5321", "Undersköterska"), TODAY)


def test_chain_of_dated_steps_with_whom(yrkesvux_plan):
    plan = yrkesvux_plan
    assert plan.goal.ssyk == "5321" and plan.route_id == "5321:yrkesvux-underskoterska"
    assert [(s.kind, s.key, s.with_whom) for s in plan.steps] == [
        ("language", "sfi_d", "municipality_adult_education"),
        (APPLY_FINANCING, "csn-studiemedel", "csn"),
        ("language", "sas_grund", "municipality_adult_education"),
        (APPLY_FINANCING, "csn-studiemedel", "csn"),
        ("education", "yrkesvux-underskoterska", "municipality_adult_education"),
        (APPLY_LICENCE, "title-certificate", "socialstyrelsen"),
        ("job_search", "job_search", "employer"),
    ]
    starts = [s.start for s in plan.steps]
    assert starts == sorted(starts)
    assert plan.ready_date == plan.steps[-1].start


def test_financing_application_due_when_the_study_application_is(yrkesvux_plan):
    apply_csn, sas = yrkesvux_plan.steps[1], yrkesvux_plan.steps[2]
    assert apply_csn.apply_by == sas.apply_by and apply_csn.apply_by < sas.start
    assert apply_csn.money.scheme == "csn-studiemedel" and apply_csn.money.estimate
    edu = yrkesvux_plan.steps[4]
    assert (edu.money.grant_per_month, edu.money.loan_per_month) == (9876, 4849)


def test_follow_ups(yrkesvux_plan):
    edu = yrkesvux_plan.steps[4]
    assert edu.follow_up == (edu.start + timedelta(weeks=4), edu.finish - timedelta(weeks=4))
    job = yrkesvux_plan.steps[-1]
    assert job.follow_up == tuple(job.start + timedelta(weeks=4 * i) for i in (1, 2))
    assert yrkesvux_plan.next_follow_up(TODAY) == yrkesvux_plan.steps[0].start + timedelta(weeks=4)
    licence = yrkesvux_plan.steps[5]
    assert licence.follow_up == (licence.start + timedelta(weeks=4),)


def test_json_round_trip(yrkesvux_plan):
    data = json.loads(json.dumps(yrkesvux_plan.to_dict()))
    assert data["steps"][0]["start"] == "2026-12-07"
    assert Plan.from_dict(data) == yrkesvux_plan


def test_plan_from_a_later_start_date_moves_every_step(engine):
    inputs, facts = engine
    p = Person(birth_year=1988, situation=UNEMPLOYED, swedish_level="sfi_c")
    route = next(r for r in build_routes(inputs, p, "5321", start=TODAY, facts=facts)
                 if r.education_id == "yrkesvux-underskoterska")
    later = build_plan(route, Goal("5321"), date(2027, 3, 1))
    assert later.start == date(2027, 3, 1)
    assert all(s.start >= date(2027, 3, 1) for s in later.steps if s.start)
    assert later.ready_date > build_plan(route, Goal("5321"), TODAY).ready_date


def test_etablering_money_is_applied_for_each_month_at_forsakringskassan(engine):
    inputs, facts = engine
    p = Person(birth_year=1992, situation=ETABLERING, swedish_level="sfi_b", children_ages=(3, 8, 12),
               has_grundskola=False)
    route = next(r for r in build_routes(inputs, p, "9412", start=TODAY, facts=facts) if r.education_id is None)
    plan = build_plan(route, Goal("9412"), TODAY)
    assert [s.kind for s in plan.steps] == [APPLY_FINANCING, "language", "job_search"]
    apply = plan.steps[0]
    assert apply.with_whom == "forsakringskassan" and apply.notes == ("apply_each_month",)
    assert plan.steps[1].money.scheme == "etableringsersattning"
    assert plan.steps[1].money.grant_per_month == 6673 + 800 + 800 + 1500


def test_plan_money_keeps_the_source_and_period_of_its_figures():
    """The plan records where each step's money comes from and the period the figures hold for, so
    the plan, Agera, the PDF and the shared view can show the source and mark it once expired."""
    from app.engine.financing import FinancingOption, Line
    from app.engine.plan import Money, Plan, PlanStep

    url = "https://www.csn.se/bidrag-och-lan/studiemedel.html"
    option = FinancingOption("csn-studiemedel", "csn", (
        Line("csn-studiemedel", "generellt_bidrag", "grant", 1000, "SEK/week", 4000, url, date(2026, 1, 1), date(2026, 12, 31),
             "computed", year=2026),
        Line("csn-studiemedel", "lan", "loan", 2000, "SEK/week", 8000, url, date(2026, 3, 1), date(2026, 11, 30), "computed",
             stale=True, year=2026),
        Line("csn-studiemedel", "tillaggsbidrag", "grant", None, None, None, None, None, None, None)))
    money = Money.of(option)
    assert (money.grant_per_month, money.loan_per_month) == (4000, 8000)
    assert money.source_url == url and money.year == 2026 and money.stale is True
    assert (money.valid_from, money.valid_to) == (date(2026, 3, 1), date(2026, 11, 30))   # where all hold
    plan = Plan(goal=Goal("5321"), route_id="r", start=date(2026, 12, 1), ready_date=date(2027, 6, 1),
                steps=(PlanStep(id="1-apply_financing-x", kind="apply_financing", key="x", label="x",
                                with_whom="csn", money=money),))
    assert Plan.from_dict(plan.to_dict()) == plan
    # a plan saved before money carried its source still loads
    old = plan.to_dict()
    for key in ("source_url", "valid_from", "valid_to", "year", "stale"):
        del old["steps"][0]["money"][key]
    assert Plan.from_dict(old).steps[0].money.source_url is None
