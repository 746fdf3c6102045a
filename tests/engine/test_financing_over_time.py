"""Money that holds over the whole route: the engine decides each date with the person's situation
on that date. Every rule at both sides of its boundary, pinned to ../shared/facts and the 2026
amounts in financing.yaml: the programme's 24th month, a child's 11th and 20th birthday and the
half-year after the 18th, 95 vs 96 months of work, 11 vs 12 of the last 24, the year of turning
20 and 25, 12 months after a temporary-protection permit."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.content.facts import financing_facts, route_inputs
from app.content.loaders import load_content
from app.engine.financing import (
    AKTIVITETSSTOD,
    CHILD_AGE_BAND,
    ETABLERING,
    ETABLERING_ENDS,
    ETABLERINGSERSATTNING,
    NEW_YEAR,
    OMSTALLNING,
    STUDIEMEDEL,
    TEMPORARY_PROTECTION,
    UNEMPLOYED,
    FinancingFacts,
    Person,
    StudyStep,
    add_months,
    age_on,
    estimate_financing,
    etablering_end,
    financing_periods,
)
from app.engine.plan import APPLY_FINANCING, Goal, build_plan
from app.engine.routes import build_routes, route_money


@pytest.fixture(scope="module")
def facts() -> FinancingFacts:
    return financing_facts(load_content())


def komvux(start, weeks=40, **kw) -> StudyStep:
    return StudyStep(form="yrkesvux", level="gymnasial", start=start, weeks=weeks, **kw)


def person(**kw) -> Person:
    base = dict(birth_year=1990, situation=UNEMPLOYED, has_grundskola=True, has_gymnasieexamen=True)
    base.update(kw)
    return Person(**base)


def tillagg(est) -> list[int]:
    return sorted(line.amount for line in est.option(ETABLERINGSERSATTNING).lines if line.part == "etableringstillagg")


# --- dates ---------------------------------------------------------------------------------------

def test_calendar_helpers():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 1), 24) == date(2028, 3, 1)
    assert age_on(date(2016, 7, 1), date(2027, 6, 30)) == 10 and age_on(date(2016, 7, 1), date(2027, 7, 1)) == 11


# --- the etableringsprogram ends (SFS 2017:820 15 §: insatser for at most 24 months) ---------------

def test_the_programme_lasts_24_months_from_its_start(facts):
    assert etablering_end(date(2026, 3, 1), facts) == date(2028, 2, 29)
    assert etablering_end(date(2026, 9, 15), facts) == date(2028, 9, 14)


@pytest.mark.parametrize("on, in_programme", [(date(2028, 2, 29), True), (date(2028, 3, 1), False)])
def test_in_the_24th_month_the_programme_pays_and_the_day_after_it_does_not(facts, on, in_programme):
    p = person(situation=ETABLERING, etablering_until=etablering_end(date(2026, 3, 1), facts),
               has_gymnasieexamen=False)
    est = estimate_financing(p, komvux(date(2027, 8, 16)), facts, on_date=on)
    assert (est.primary.key == ETABLERINGSERSATTNING) is in_programme
    if not in_programme:
        assert est.primary.key == STUDIEMEDEL
        assert {line.part for line in est.primary.lines} >= {"hogre_bidrag", "lan"}   # 25+, no gymnasium


def test_a_long_step_is_paid_by_the_programme_then_by_studiemedel(facts):
    """A newcomer whose programme ends half-way through a two-year yrkesvux: two periods, the line
    between them on the day after the programme's end."""
    until = date(2027, 3, 31)
    p = person(situation=ETABLERING, etablering_until=until, has_gymnasieexamen=False,
               children_born=(date(2019, 7, 1),))
    step = komvux(date(2026, 8, 17), weeks=80)
    periods = financing_periods(p, step, facts)
    assert periods[0].estimate.primary.key == ETABLERINGSERSATTNING and periods[0].finish == until
    after = periods[1]
    assert after.start == date(2027, 4, 1) and ETABLERING_ENDS in after.because
    assert after.estimate.primary.key == STUDIEMEDEL
    assert after.estimate.option(ETABLERINGSERSATTNING) is None        # never both for the same weeks
    assert periods[-1].finish == date(2026, 8, 17) + timedelta(weeks=80, days=-3)
    assert all(a.finish < b.start for a, b in zip(periods, periods[1:]))


# --- etableringstillägg by the children's ages that day (SFS 2017:819 3 kap. 12 §) -----------------

@pytest.mark.parametrize("on, expected", [
    (date(2027, 6, 30), [800]),      # the day before the 11th birthday
    (date(2027, 7, 1), [1500]),      # on it: 11–19
])
def test_a_childs_11th_birthday(facts, on, expected):
    p = person(situation=ETABLERING, etablering_until=date(2028, 6, 30), children_born=(date(2016, 7, 1),))
    assert tillagg(estimate_financing(p, komvux(date(2026, 8, 17)), facts, on_date=on)) == expected


@pytest.mark.parametrize("on, expected", [(date(2027, 6, 30), [1500]), (date(2027, 7, 1), [])])
def test_a_childs_20th_birthday(facts, on, expected):
    p = person(situation=ETABLERING, etablering_until=date(2028, 6, 30), children_born=(date(2007, 7, 1),))
    assert tillagg(estimate_financing(p, komvux(date(2026, 8, 17)), facts, on_date=on)) == expected


def test_tillagg_by_age_band_not_per_head_and_oldest_three_under_20(facts):
    born = (date(2005, 1, 1), date(2014, 3, 1), date(2016, 5, 1), date(2021, 2, 1), date(2023, 2, 1))
    p = person(situation=ETABLERING, etablering_until=date(2028, 6, 30), children_born=born)
    # on 2027-01-15: 22 (no longer counted), 12, 10, 5, 3 → the oldest three under 20: 12, 10, 5
    assert tillagg(estimate_financing(p, komvux(date(2026, 8, 17)), facts, on_date=date(2027, 1, 15))) == [800, 800, 1500]


def test_the_supplement_changes_inside_a_step_on_the_birthday(facts):
    p = person(situation=ETABLERING, etablering_until=date(2028, 6, 30), children_born=(date(2016, 10, 3),))
    periods = financing_periods(p, komvux(date(2026, 8, 17), weeks=60), facts)
    change = next(x for x in periods if CHILD_AGE_BAND in x.because)
    assert change.start == date(2027, 10, 3)
    assert tillagg(change.estimate) == [1500]


# --- tilläggsbidrag up to the half-year the child turns 18 (3 kap. 13 a §) -------------------------

@pytest.mark.parametrize("on, counted", [(date(2027, 6, 30), True), (date(2027, 7, 1), False)])
def test_tillaggsbidrag_until_the_half_year_of_the_18th_birthday(facts, on, counted):
    p = person(situation="other", children_born=(date(2009, 3, 15),))
    est = estimate_financing(p, komvux(date(2026, 8, 17)), facts, on_date=on)
    assert any(line.part == "tillaggsbidrag" for line in est.option(STUDIEMEDEL).lines) is counted


# --- omställningsstudiestöd: the work history, and the income before (SFS 2022:856 6, 24 §) --------

@pytest.mark.parametrize("months_14y, months_24, qualifies", [
    (95, 24, False), (96, 24, True), (96, 11, False), (96, 12, True)])
def test_omstallning_work_conditions_at_their_boundaries(facts, months_14y, months_24, qualifies):
    p = person(birth_year=1975, work_months_last_14_years=months_14y, work_months_last_24=months_24,
               income_before=30_000)
    est = estimate_financing(p, komvux(date(2027, 1, 18)), facts)
    assert (est.option(OMSTALLNING) is not None) is qualifies
    assert (est.reason("omstallning_work_conditions_not_met") is None) is qualifies


def test_omstallning_for_someone_just_unemployed_is_80_percent_of_the_income_before(facts):
    """A warehouse worker with 20 years of work who lost his job this spring: unemployed now,
    not zero income but the wage before the studies counts."""
    p = person(birth_year=1975, situation=UNEMPLOYED, work_months_last_14_years=168, work_months_last_24=18,
               income_before=28_000, prior_year_income=None)
    est = estimate_financing(p, komvux(date(2027, 1, 18)), facts)
    grant = next(line for line in est.option(OMSTALLNING).lines if line.part == "omstallningsstudiebidrag")
    assert grant.amount == int(28_000 * 12 * 0.80 / 52)          # 5 169 kr a week, under the cap
    # the cap: 80 % of at most 4.5 IBB (375 300 kr) a year, i.e. 5 774 kr a week in 2026
    rich = person(birth_year=1975, work_months_last_14_years=168, work_months_last_24=24, income_before=60_000)
    top = next(line for line in estimate_financing(rich, komvux(date(2026, 8, 17)), facts).option(OMSTALLNING).lines
               if line.part == "omstallningsstudiebidrag")
    assert top.amount == min(int(375_300 * 0.80 / 52), 5774) == 5773


# --- the year of turning 20 and 25 -------------------------------------------------------------------

def test_hogre_bidrag_from_the_year_of_turning_25_inside_a_step(facts):
    p = person(birth_year=2002, situation="other", has_gymnasieexamen=False)       # turns 25 in 2027
    periods = financing_periods(p, komvux(date(2026, 8, 17), weeks=60), facts)
    first, second = periods[0], periods[1]
    assert {x.part for x in first.estimate.primary.lines} >= {"generellt_bidrag"}
    assert second.start == date(2027, 1, 1) and NEW_YEAR in second.because
    assert {x.part for x in second.estimate.primary.lines} >= {"hogre_bidrag"}


@pytest.mark.parametrize("on, allowed", [(date(2026, 6, 30), False), (date(2026, 7, 1), True)])
def test_komvux_studiemedel_from_the_second_half_of_the_year_of_turning_20(facts, on, allowed):
    p = person(birth_year=2006, situation="other")
    est = estimate_financing(p, komvux(on), facts, on_date=on)
    assert (est.option(STUDIEMEDEL) is not None) is allowed
    assert (est.reason("too_young_grund_gymnasial") is None) is allowed


# --- temporary protection: not in the first 12 months (3 kap. 4 b §, from 2026) ---------------------

@pytest.mark.parametrize("on, allowed", [(date(2027, 2, 28), False), (date(2027, 3, 1), True)])
def test_temporary_protection_12_months_after_the_permit(facts, on, allowed):
    p = person(situation="other", permit=TEMPORARY_PROTECTION, permit_from=date(2026, 3, 1))
    est = estimate_financing(p, komvux(on), facts, on_date=on)
    assert (est.option(STUDIEMEDEL) is not None) is allowed
    assert (est.reason("temporary_protection_first_months") is None) is allowed


def test_temporary_protection_without_a_date_says_what_to_check(facts):
    p = person(situation="other", permit=TEMPORARY_PROTECTION)
    opt = estimate_financing(p, komvux(date(2027, 8, 16)), facts).option(STUDIEMEDEL)
    note = next(n for n in opt.notes if n.key == "temporary_protection_check_months")
    assert note.check_with == "csn"


def test_temporary_protection_step_over_the_12_months_changes_inside_it(facts):
    p = person(situation="other", permit=TEMPORARY_PROTECTION, permit_from=date(2026, 3, 1))
    periods = financing_periods(p, komvux(date(2026, 8, 17), weeks=40), facts)
    assert periods[0].estimate.option(STUDIEMEDEL) is None
    assert periods[1].start == date(2027, 3, 1) and periods[1].estimate.primary.key == STUDIEMEDEL


# --- aktivitetsstöd: the income-based level is said for a-kassa members -----------------------------

def test_aktivitetsstod_names_the_income_based_level_for_akassa_members(facts):
    base = dict(situation=UNEMPLOYED)
    amu = StudyStep(form="arbetsmarknadsutbildning", level="gymnasial", start=date(2027, 1, 18), weeks=20, via_af=True)
    plain = estimate_financing(person(**base), amu, facts).primary
    member = estimate_financing(person(has_akassa=True, **base), amu, facts).primary
    assert plain.key == member.key == AKTIVITETSSTOD
    assert not any(n.key == "aktivitetsstod_income_based_may_be_higher" for n in plain.notes)
    assert any(n.key == "aktivitetsstod_income_based_may_be_higher" and n.check_with == "arbetsformedlingen"
               for n in member.notes)


# --- through the route and the plan -------------------------------------------------------------------

def test_route_totals_and_plan_follow_the_programme_end(facts):
    content = load_content()
    inputs = route_inputs(content)
    p = person(birth_year=1990, situation=ETABLERING, etablering_until=date(2028, 3, 31),
               has_grundskola=True, has_gymnasieexamen=False, swedish_level="sas_grund", years_of_schooling=9)
    routes = build_routes(inputs, p, "5321", start=date(2026, 12, 1), facts=facts)
    long_route = next(r for r in routes if any(len(s.financing_periods) > 1 for s in r.steps))
    step = next(s for s in long_route.steps if len(s.financing_periods) > 1)
    keys = [x.estimate.primary.key for x in step.financing_periods]
    assert keys[0] == ETABLERINGSERSATTNING and STUDIEMEDEL in keys
    lowest, grant, loan = route_money(long_route)
    assert loan > 0                                      # studiemedel's loan appears after the programme
    plan = build_plan(long_route, Goal("5321"), date(2026, 12, 1))
    applies = [s for s in plan.steps if s.kind == APPLY_FINANCING]
    later = next(s for s in applies if s.key == STUDIEMEDEL)
    assert "financing_after_programme" in later.notes
    assert later.apply_by <= date(2028, 4, 1) and later.money.scheme == STUDIEMEDEL
    assert not any(s.kind == APPLY_FINANCING and s.key == ETABLERINGSERSATTNING and s.start > date(2028, 3, 31)
                   for s in plan.steps)                   # never "apply for etableringsersättning" after it ends


def test_who_decides_and_who_pays_for_each_scheme(facts):
    """Every option says who decides and who pays: the same authority for CSN's schemes,
    Arbetsförmedlingen deciding and Försäkringskassan paying for the programme's benefits."""
    cases = [
        (person(situation=ETABLERING, etablering_until=date(2028, 6, 30)), komvux(date(2027, 1, 18)),
         ETABLERINGSERSATTNING, ("arbetsformedlingen", "forsakringskassan")),
        (person(), StudyStep(form="arbetsmarknadsutbildning", level="gymnasial", start=date(2027, 1, 18), weeks=20,
                             via_af=True), AKTIVITETSSTOD, ("arbetsformedlingen", "forsakringskassan")),
        (person(situation="other"), komvux(date(2027, 1, 18)), STUDIEMEDEL, ("csn", "csn")),
        (person(birth_year=1975, work_months_last_14_years=168, work_months_last_24=24, income_before=30_000),
         komvux(date(2027, 1, 18)), OMSTALLNING, ("csn", "csn")),
    ]
    for p, st, key, (decides, pays) in cases:
        opt = estimate_financing(p, st, facts).option(key)
        assert (opt.decided_by, opt.payer) == (decides, pays), key


def test_rules_that_shape_the_route_are_said():
    """The age-20 rule that holds a young person's komvux start back, and utbildningsplikt for a
    newcomer with a short education, are notes on the route, never silent."""
    inputs = route_inputs(load_content())
    young = person(birth_year=2007, has_gymnasieexamen=False, swedish_level="svenska_3")
    route = build_routes(inputs, young, "5321", start=date(2026, 12, 1))[0]
    held = [s for s in route.steps if "starts_later_age_rule" in s.notes]
    assert held and held[0].start >= date(2027, 7, 1)
    older = person(birth_year=1990, has_gymnasieexamen=False, swedish_level="svenska_3")
    assert not any("starts_later_age_rule" in s.notes for s in build_routes(inputs, older, "5321",
                                                                            start=date(2026, 12, 1))[0].steps)
    newcomer = person(situation=ETABLERING, has_gymnasieexamen=False, swedish_level="sfi_b")
    assert "utbildningsplikt" in build_routes(inputs, newcomer, "5321", start=date(2026, 12, 1))[0].notes
    schooled = person(situation=ETABLERING, has_gymnasieexamen=True, swedish_level="sfi_b")
    assert "utbildningsplikt" not in build_routes(inputs, schooled, "5321", start=date(2026, 12, 1))[0].notes


def test_the_programme_end_is_noted_only_on_the_step_it_falls_inside(facts):
    p = person(situation=ETABLERING, etablering_until=date(2028, 2, 29))
    before = estimate_financing(p, komvux(date(2026, 12, 21), weeks=20), facts).primary       # ends mid-2027
    across = estimate_financing(p, komvux(date(2027, 8, 16), weeks=40), facts).primary        # ends mid-2028
    assert not any(n.key == "etablering_ends" for n in before.notes)
    assert any(n.key == "etablering_ends" for n in across.notes)
