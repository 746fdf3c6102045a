"""estimate_financing: each rule and each 2026 amount pinned to its source (financing.yaml,
which cites /work/shared/facts/swedish-education-and-financing.md)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.content.facts import financing_facts
from app.content.loaders import load_content
from app.engine.financing import (
    AKTIVITETSSTOD,
    EMPLOYED,
    ETABLERING,
    ETABLERINGSERSATTNING,
    OMSTALLNING,
    STUDIEMEDEL,
    STUDIESTARTSSTOD,
    UNEMPLOYED,
    UTVECKLING,
    FinancingFacts,
    Person,
    StudyStep,
    estimate_financing,
    household_view,
)

SFS_STUDIESTOD = "https://selex.se/eli/sfs/1999/1395"
SFS_FORORDNING = "https://selex.se/eli/sfs/2000/655"
SFS_AF_ERSATTNING = "https://selex.se/eli/sfs/2017/819"
SFS_STUDIESTART = "https://selex.se/eli/sfs/2017/527"
SFS_OMSTALLNING = "https://selex.se/eli/sfs/2022/856"

D2026 = date(2026, 8, 17)


@pytest.fixture(scope="module")
def facts() -> FinancingFacts:
    return financing_facts(load_content())


def step(form="yrkesvux", level="gymnasial", start=D2026, weeks=40, pace=100, **kw) -> StudyStep:
    return StudyStep(form=form, level=level, start=start, weeks=weeks, pace=pace, **kw)


def adult(**kw) -> Person:
    base = dict(birth_year=1990, situation="other", has_grundskola=True, has_gymnasieexamen=True)
    base.update(kw)
    return Person(**base)


def csn(person, st, facts, on=None):
    est = estimate_financing(person, st, facts, on)
    return est, est.option(STUDIEMEDEL)


def parts(option):
    return {line.part: line for line in option.lines}


# --- 2026 amounts, full time -------------------------------------------------------------


def test_generellt_bidrag_and_loan_2026(facts):
    _, opt = csn(adult(), step(), facts)
    p = parts(opt)
    assert p["generellt_bidrag"].amount == 1030 and p["generellt_bidrag"].kind == "grant"
    assert p["lan"].amount == 2368 and p["lan"].kind == "loan"
    # month convention: weekly × 52/12, half up (1030 × 52/12 = 4463.33; 2368 × 52/12 = 10261.33)
    assert (opt.grant_per_month, opt.loan_per_month, opt.total_per_month) == (4463, 10261, 14724)
    line = p["generellt_bidrag"]
    assert line.source_url == SFS_STUDIESTOD and line.status == "computed"
    assert (line.valid_from, line.valid_to) == (date(2026, 1, 1), date(2026, 12, 31))
    assert not line.stale and line.check_with is None


def test_total_matches_csn_4_week_payment_2026(facts):
    # 4 120 + 9 472 = 13 592 per 4 weeks (fact sheet §1.2)
    _, opt = csn(adult(), step(), facts)
    p = parts(opt)
    assert 4 * (p["generellt_bidrag"].amount + p["lan"].amount) == 13592


@pytest.mark.parametrize("pace, grant, loan", [(75, 775, 1776), (50, 509, 1190)])
def test_part_time_amounts_2026(facts, pace, grant, loan):
    _, opt = csn(adult(), step(pace=pace), facts)
    assert parts(opt)["generellt_bidrag"].amount == grant
    assert parts(opt)["lan"].amount == loan


@pytest.mark.parametrize("pace, grant, loan", [(100, 2279, 1119), (75, 1710, 841), (50, 1136, 563)])
def test_hogre_bidrag_amounts_2026(facts, pace, grant, loan):
    _, opt = csn(adult(has_gymnasieexamen=False), step(pace=pace), facts)
    p = parts(opt)
    assert p["hogre_bidrag"].amount == grant and p["lan"].amount == loan
    assert "generellt_bidrag" not in p


def test_hogre_bidrag_month_2026(facts):
    _, opt = csn(adult(has_gymnasieexamen=False), step(), facts)
    assert (opt.grant_per_month, opt.loan_per_month) == (9876, 4849)   # 2279, 1119 × 52/12


# --- the year a figure is valid for -------------------------------------------------------


def test_2025_study_date_uses_2025_amounts(facts):
    _, opt = csn(adult(), step(start=date(2025, 9, 1)), facts)
    line = parts(opt)["generellt_bidrag"]
    assert line.amount == 1023 and line.year == 2025 and line.status == "secondary"
    _, opt = csn(adult(has_gymnasieexamen=False), step(start=date(2025, 9, 1)), facts)
    assert parts(opt)["hogre_bidrag"].amount == 2263


def test_2024_study_date_uses_verified_2024_amounts(facts):
    _, opt = csn(adult(), step(start=date(2024, 9, 2)), facts)
    assert parts(opt)["generellt_bidrag"].amount == 997
    assert parts(opt)["generellt_bidrag"].status == "verified"


def test_boundary_new_year(facts):
    _, dec = csn(adult(), step(start=date(2025, 12, 31)), facts)
    _, jan = csn(adult(), step(start=date(2026, 1, 1)), facts)
    assert parts(dec)["generellt_bidrag"].amount == 1023
    assert parts(jan)["generellt_bidrag"].amount == 1030


def test_study_date_after_known_figures_uses_latest_and_says_check_with_csn(facts):
    _, opt = csn(adult(), step(start=date(2027, 1, 18)), facts)
    line = parts(opt)["generellt_bidrag"]
    assert line.amount == 1030 and line.stale and line.check_with == "csn"
    assert "csn" in opt.check_with


def test_unverified_figure_is_not_stated(facts):
    amounts = tuple(replace(a, status="unverified") if a.key == "generellt_bidrag_per_week" else a
                    for a in facts.amounts)
    hidden = replace(facts, amounts=amounts)
    _, opt = csn(adult(), step(), hidden)
    line = parts(opt)["generellt_bidrag"]
    assert line.amount is None and line.per_month is None and line.check_with == "csn"


# --- tilläggsbidrag, tilläggslån ---------------------------------------------------------


@pytest.mark.parametrize("kids, weekly", [(1, 195), (2, 319), (3, 384), (4, 449), (5, 514)])
def test_tillaggsbidrag_2026(facts, kids, weekly):
    _, opt = csn(adult(children_ages=(5,) * kids), step(), facts)
    line = parts(opt)["tillaggsbidrag"]
    assert line.amount == weekly and line.kind == "grant" and line.source_url == SFS_FORORDNING


def test_tillaggsbidrag_part_time_and_only_children_under_18(facts):
    _, opt = csn(adult(children_ages=(3, 8, 12)), step(pace=75), facts)
    assert parts(opt)["tillaggsbidrag"].amount == 289
    _, opt = csn(adult(children_ages=(18, 20)), step(), facts)
    assert "tillaggsbidrag" not in parts(opt)
    _, opt = csn(adult(children_ages=(17, 20)), step(), facts)
    assert parts(opt)["tillaggsbidrag"].amount == 195


def test_tillaggslan_threshold_415_pct_pbb_2026(facts):
    # 4.15 × 59 200 = 245 680
    _, opt = csn(adult(prior_year_income=245_680), step(), facts)
    assert parts(opt)["tillaggslan"].amount == 1172 and parts(opt)["tillaggslan"].kind == "loan"
    assert parts(opt)["tillaggslan"].per_month == 5079
    _, opt = csn(adult(prior_year_income=245_679), step(), facts)
    assert "tillaggslan" not in parts(opt)


def test_tillaggslan_threshold_for_a_year_without_pbb_uses_the_latest_and_says_check(facts):
    _, opt = csn(adult(prior_year_income=245_680), step(start=date(2027, 1, 18)), facts)
    assert parts(opt)["tillaggslan"].stale
    note = next(n for n in opt.notes if n.key == "tillaggslan_income_over_threshold")
    assert note.check_with == "csn" and dict(note.detail)["threshold"] == 245_680


def test_tillaggslan_from_year_turning_25(facts):
    _, opt = csn(adult(birth_year=2001, prior_year_income=300_000), step(), facts)   # turns 25 in 2026
    assert "tillaggslan" in parts(opt)
    _, opt = csn(adult(birth_year=2002, prior_year_income=300_000), step(), facts)   # turns 24
    assert "tillaggslan" not in parts(opt)


# --- högre bidrag conditions -------------------------------------------------------------


def test_hogre_bidrag_from_the_year_turning_25(facts):
    _, opt = csn(adult(birth_year=2001, has_gymnasieexamen=False), step(start=date(2026, 1, 12)), facts)
    assert "hogre_bidrag" in parts(opt)      # turns 25 during 2026: from January
    _, opt = csn(adult(birth_year=2002, has_gymnasieexamen=False), step(), facts)
    assert "generellt_bidrag" in parts(opt)
    note = next(n for n in opt.notes if n.key == "hogre_bidrag_from_year_turning_25")
    assert dict(note.detail)["from_year"] == 2027 and note.source_url == SFS_STUDIESTOD


def test_hogre_bidrag_needs_grund_or_gymnasial_level(facts):
    _, opt = csn(adult(has_gymnasieexamen=False), step(form="hogskola", level="eftergymnasial"), facts)
    assert "generellt_bidrag" in parts(opt)


def test_hogre_bidrag_grundlaggande_only_when_lacking_grundskola(facts):
    grund = step(form="komvux_grundlaggande", level="grundlaggande")
    _, opt = csn(adult(has_grundskola=False, has_gymnasieexamen=False), grund, facts)
    assert "hogre_bidrag" in parts(opt)
    _, opt = csn(adult(has_grundskola=True, has_gymnasieexamen=False), grund, facts)
    assert "generellt_bidrag" in parts(opt)
    assert any(n.key == "hogre_bidrag_not_lacking_education" and n.source_url == SFS_FORORDNING for n in opt.notes)


def test_hogre_bidrag_not_with_120_university_credits(facts):
    _, opt = csn(adult(has_gymnasieexamen=False, hogskolepoang=120), step(), facts)
    assert "generellt_bidrag" in parts(opt)
    _, opt = csn(adult(has_gymnasieexamen=False, hogskolepoang=119), step(), facts)
    assert "hogre_bidrag" in parts(opt)


def test_hogre_bidrag_is_budget_limited_check_with_csn(facts):
    _, opt = csn(adult(has_gymnasieexamen=False), step(), facts)
    note = next(n for n in opt.notes if n.key == "hogre_bidrag_budget_limited")
    assert note.check_with == "csn"


def test_hogre_bidrag_exception_20_24_in_jobbgaranti(facts):
    young = adult(birth_year=2004, has_gymnasieexamen=False, situation=UNEMPLOYED, in_jobbgaranti=True)
    _, opt = csn(young, step(), facts)
    assert "hogre_bidrag" in parts(opt)
    assert any(n.key == "hogre_bidrag_youth_exception" for n in opt.notes)
    _, opt = csn(replace(young, in_jobbgaranti=False), step(), facts)
    assert "generellt_bidrag" in parts(opt)


# --- age limits --------------------------------------------------------------------------


def test_grund_gymnasial_from_second_half_of_year_turning_20(facts):
    person = adult(birth_year=2006, has_gymnasieexamen=False)
    est, opt = csn(person, step(start=date(2026, 6, 30)), facts)
    assert opt is None
    reason = est.reason("too_young_grund_gymnasial")
    assert reason.source_url == SFS_STUDIESTOD and dict(reason.detail)["from_date"] == "2026-07-01"
    _, opt = csn(person, step(start=date(2026, 7, 1)), facts)
    assert opt is not None


def test_no_lower_age_for_eftergymnasial(facts):
    _, opt = csn(adult(birth_year=2007), step(form="hogskola", level="eftergymnasial", start=date(2026, 1, 19)), facts)
    assert opt is not None


def test_upper_age_up_to_the_year_turning_60(facts):
    _, opt = csn(adult(birth_year=1966), step(), facts)          # turns 60 in 2026
    assert opt is not None
    est, opt = csn(adult(birth_year=1965), step(), facts)        # turns 61
    assert opt is None and est.reason("too_old").source_url == SFS_STUDIESTOD


@pytest.mark.parametrize("birth_year, max_weeks", [(1975, 220), (1970, 120), (1966, 40)])
def test_loan_weeks_reduced_from_the_year_turning_51(facts, birth_year, max_weeks):
    _, opt = csn(adult(birth_year=birth_year), step(), facts)
    note = next(n for n in opt.notes if n.key == "loan_weeks_limited_by_age")
    assert dict(note.detail)["max_loan_weeks"] == max_weeks


def test_no_loan_reduction_at_50(facts):
    _, opt = csn(adult(birth_year=1976), step(), facts)
    assert not any(n.key == "loan_weeks_limited_by_age" for n in opt.notes)


# --- pace, length, forms -----------------------------------------------------------------


@pytest.mark.parametrize("pace, ok", [(100, True), (75, True), (50, True), (25, False), (60, False), (20, False)])
def test_studiemedel_paces(facts, pace, ok):
    est, opt = csn(adult(), step(pace=pace), facts)
    assert (opt is not None) == ok
    if not ok:
        assert est.reason("pace_not_allowed").source_url == SFS_STUDIESTOD


def test_at_least_3_weeks(facts):
    est, opt = csn(adult(), step(weeks=2), facts)
    assert opt is None and est.reason("too_short")
    assert csn(adult(), step(weeks=3), facts)[1] is not None


def test_sfi_gives_no_studiemedel(facts):
    est, opt = csn(adult(), step(form="sfi", level="none", education_id="sfi-kurs-c"), facts)
    assert opt is None
    assert est.reason("sfi_no_studiemedel").source_url.startswith("https://utbildningsguiden.skolverket.se")


def test_residence_permit(facts):
    est, opt = csn(adult(residence_ok=False), step(), facts)
    assert opt is None and est.reason("residence_permit").check_with == "csn"


# --- studiestartsstöd: repealed 2026-01-01 -----------------------------------------------


def test_studiestartsstod_never_offered_for_studies_from_2026(facts):
    person = adult(birth_year=1980, situation=UNEMPLOYED, has_gymnasieexamen=False)
    est = estimate_financing(person, step(start=date(2026, 1, 1)), facts)
    assert est.option(STUDIESTARTSSTOD) is None
    reason = est.reason("studiestartsstod_repealed")
    assert reason.source_url == SFS_STUDIESTART and dict(reason.detail)["repealed_from"] == "2026-01-01"


def test_studiestartsstod_for_2025_studies_only(facts):
    person = adult(birth_year=1980, situation=UNEMPLOYED, has_gymnasieexamen=False)
    est = estimate_financing(person, step(start=date(2025, 8, 18)), facts)
    opt = est.option(STUDIESTARTSSTOD)
    assert opt.lines[0].amount == 2793 and opt.lines[0].kind == "grant" and opt.decided_by == "municipality"
    assert any(n.key == "only_weeks_before_repeal" for n in opt.notes)


# --- Arbetsförmedlingen: not the same time as studiemedel --------------------------------


def test_arbetsmarknadsutbildning_gives_aktivitetsstod_not_studiemedel(facts):
    person = adult(situation=UNEMPLOYED)
    est = estimate_financing(person, step(form="arbetsmarknadsutbildning", via_af=True), facts)
    assert est.option(STUDIEMEDEL) is None
    assert est.reason("af_programme_pays_instead").source_url == SFS_STUDIESTOD
    assert est.primary.key == AKTIVITETSSTOD
    line = est.primary.lines[0]
    assert line.amount == 365 and line.unit == "SEK/day" and line.source_url == SFS_AF_ERSATTNING
    assert line.per_month == 7908          # 365 × 5 × 52/12 = 7908.33
    assert est.option(OMSTALLNING) is None


def test_amu_needs_registration(facts):
    est = estimate_financing(adult(situation=EMPLOYED), step(form="arbetsmarknadsutbildning", via_af=True), facts)
    assert est.options == () and est.reason("af_programme_needs_registration")


def test_komvux_with_aktivitetsstod_is_an_option_af_decides(facts):
    person = adult(situation=UNEMPLOYED, has_gymnasieexamen=False)
    est = estimate_financing(person, step(), facts)
    assert est.primary.key == STUDIEMEDEL            # the entitlement first
    akt = est.option(AKTIVITETSSTOD)
    note = next(n for n in akt.notes if n.key == "af_decides_forberedande_max_12_months")
    assert note.check_with == "arbetsformedlingen" and dict(note.detail)["max_months"] == 12


@pytest.mark.parametrize("gymnasium, per_day", [(True, 206), (False, 57)])
def test_utvecklingsersattning_18_24(facts, gymnasium, per_day):
    person = adult(birth_year=2004, situation=UNEMPLOYED, has_gymnasieexamen=gymnasium)
    est = estimate_financing(person, step(form="arbetsmarknadsutbildning", via_af=True), facts)
    assert est.primary.key == UTVECKLING and est.primary.lines[0].amount == per_day


def test_etableringsprogram_gives_etableringsersattning_and_tillagg(facts):
    person = adult(situation=ETABLERING, children_ages=(3, 8, 12, 15), etablering_until=date(2027, 6, 30))
    est = estimate_financing(person, step(form="sfi", level="none"), facts)
    opt = est.primary
    # who decides, who pays: Arbetsförmedlingen decides, Försäkringskassan pays (and is applied to monthly)
    assert opt.key == ETABLERINGSERSATTNING and opt.decided_by == "arbetsformedlingen"
    assert opt.payer == "forsakringskassan"
    ers = [x for x in opt.lines if x.part == "etableringsersattning"][0]
    assert ers.amount == 308 and ers.per_month == 6673 and ers.source_url == SFS_AF_ERSATTNING
    tillagg = sorted(x.amount for x in opt.lines if x.part == "etableringstillagg")
    assert tillagg == [800, 1500, 1500]          # oldest three: 15, 12 (11–19: 1 500) and 8 (< 11: 800)
    assert opt.total_per_month == 6673 + 3800
    assert est.reason("sfi_no_studiemedel")


def test_komvux_within_etableringsprogram_is_not_studiemedel(facts):
    person = adult(situation=ETABLERING, etablering_until=date(2027, 6, 30))
    est = estimate_financing(person, step(), facts)
    assert est.option(STUDIEMEDEL) is None and est.reason("etableringsprogram_pays_instead")
    after = estimate_financing(person, step(start=date(2027, 8, 16)), facts)
    assert after.primary.key == STUDIEMEDEL and after.option(ETABLERINGSERSATTNING) is None


def test_after_the_etableringsprogram_an_af_course_gives_aktivitetsstod(facts):
    person = adult(situation=ETABLERING, etablering_until=date(2027, 6, 30))
    est = estimate_financing(person, step(form="arbetsmarknadsutbildning", via_af=True, start=date(2027, 8, 16)), facts)
    assert est.primary.key == AKTIVITETSSTOD


def test_prisbasbelopp_by_year(facts):
    # SFS 2025:872 (2026 verified); 2025 secondary; 2024, 2023 verified
    assert [facts.pbb(y) for y in (2023, 2024, 2025, 2026)] == [52_500, 57_300, 58_800, 59_200]
    assert facts.pbb_or_latest(2027) == (59_200, True)
    assert facts.repealed(STUDIESTARTSSTOD) == date(2026, 1, 1)


# --- omställningsstudiestöd --------------------------------------------------------------


def worker(**kw):
    base = dict(birth_year=1981, situation=EMPLOYED, work_months_last_24=24, work_months_last_14_years=168,
                prior_year_income=300_000)
    return adult(**{**base, **kw})


def test_omstallning_bidrag_80_pct_of_income(facts):
    est = estimate_financing(worker(), step(), facts)
    opt = est.option(OMSTALLNING)
    line = opt.lines[0]
    assert line.amount == 4615 and line.kind == "grant" and line.source_url == SFS_OMSTALLNING   # 300 000 × 0.8 / 52
    assert est.primary.key == OMSTALLNING     # more grant than studiemedel
    assert any(n.key == "budget_limited" and n.check_with == "csn" for n in opt.notes)


def test_omstallning_capped_and_loan_above_cap_2026(facts):
    opt = estimate_financing(worker(prior_year_income=500_000), step(), facts).option(OMSTALLNING)
    p = parts(opt)
    assert p["omstallningsstudiebidrag"].amount == 5773      # cap 4.5 IBB = 375 300 × 0.8 / 52 (≤ 5 774)
    assert p["omstallningsstudielan"].amount == 2420         # 0.63 × (500 000/52 − 5 773), ≤ 3 540


@pytest.mark.parametrize("pace, ok", [(20, True), (40, True), (60, True), (25, False)])
def test_omstallning_paces(facts, pace, ok):
    est = estimate_financing(worker(), step(pace=pace), facts)
    assert (est.option(OMSTALLNING) is not None) == ok
    if pace in (20, 40, 60):
        assert est.option(STUDIEMEDEL) is None


def test_omstallning_needs_work_history(facts):
    est = estimate_financing(worker(work_months_last_14_years=95), step(), facts)
    assert est.option(OMSTALLNING) is None and est.reason("omstallning_work_conditions_not_met")


def test_omstallning_bidrag_up_to_year_turning_63(facts):
    est = estimate_financing(worker(birth_year=1963), step(), facts)
    opt = est.option(OMSTALLNING)
    assert opt is not None and any(n.key == "omstallning_max_10_weeks_from_62" for n in opt.notes)
    assert estimate_financing(worker(birth_year=1962), step(), facts).option(OMSTALLNING) is None


# --- household view ----------------------------------------------------------------------


def test_household_view(facts):
    est = estimate_financing(adult(has_gymnasieexamen=False), step(), facts)
    view = household_view(22_000, est)
    assert view.option == STUDIEMEDEL
    assert (view.studying_grant_per_month, view.studying_loan_per_month) == (9876, 4849)
    assert view.difference_per_month == 9876 + 4849 - 22_000
    assert view.difference_without_loan == 9876 - 22_000 and view.estimate


def test_household_view_without_any_money(facts):
    est = estimate_financing(adult(), step(form="sfi", level="none"), facts)
    view = household_view(0, est)
    assert view.option is None and view.studying_total_per_month == 0


def test_deterministic(facts):
    p = adult(children_ages=(2, 4), has_gymnasieexamen=False, prior_year_income=260_000)
    assert estimate_financing(p, step(), facts) == estimate_financing(p, step(), facts)
