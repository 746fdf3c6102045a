"""The personas' routes and money are what a study and career counsellor would find right."""
from __future__ import annotations

from datetime import date

from app.engine.financing import (
    AKTIVITETSSTOD,
    ETABLERINGSERSATTNING,
    OMSTALLNING,
    STUDIEMEDEL,
    UTVECKLING,
    household_view,
)
from app.engine.routes import (
    EDUCATION,
    JOB_SEARCH,
    LANGUAGE,
    LICENCE,
    PREPARATORY,
    RECOGNITION,
    compare_routes,
    excluded_candidates,
)
from tests.engine.personas import PERSONAS, engine_inputs, persona, routes_for, summary


def route(key, education_id):
    return next(r for r in routes_for(persona(key)) if r.education_id == education_id)


def money(step):
    return step.financing.primary


def test_every_persona_gets_one_to_three_routes_and_a_summary():
    assert len(PERSONAS) >= 5
    for p in PERSONAS:
        routes = routes_for(p)
        assert 1 <= len(routes) <= 3
        assert all(r.steps[-1].kind == JOB_SEARCH for r in routes)
        text = summary(p)
        assert p.key in text and routes[0].id in text


# --- Amina: sfi C, elderly care abroad → undersköterska ----------------------------------


def test_amina_fastest_route_is_the_sfi_kombo():
    routes = routes_for(persona("amina"))
    assert [r.education_id for r in routes] == [
        "sfi-kombo-underskoterska", "validering-underskoterska", "yrkesvux-underskoterska"]
    kombo = routes[0]
    assert kombo.swedish_integrated and not kombo.language_steps
    assert kombo.step(EDUCATION).start == date(2027, 1, 18)
    assert kombo.step(LICENCE).key == "title-certificate"


def test_amina_experience_opens_validation():
    validation = route("amina", "validering-underskoterska")
    assert [s.kind for s in validation.steps] == [LANGUAGE, LANGUAGE, "validation", LANGUAGE, LICENCE, JOB_SEARCH]
    assert "complete_missing_parts_at_school" in validation.step("validation").notes


def test_amina_ordinary_yrkesvux_needs_sfi_d_and_sas_grund_first():
    r = route("amina", "yrkesvux-underskoterska")
    assert [(s.key, s.weeks) for s in r.language_steps] == [("sfi_d", 30), ("sas_grund", 40)]
    assert r.step(EDUCATION).weeks == 75                  # 1 500 poäng ÷ 20 per week
    assert r.ready_date == date(2030, 1, 28)


def test_amina_money_sfi_nothing_then_hogre_bidrag():
    r = route("amina", "yrkesvux-underskoterska")
    sfi, sas, edu = r.steps[0], r.steps[1], r.steps[2]
    assert sfi.financing.options == () and sfi.financing.reason("sfi_no_studiemedel")
    # SAS grund is grundläggande level and she has grundskola: generellt bidrag (no högre bidrag)
    assert (money(sas).key, money(sas).grant_per_month, money(sas).loan_per_month) == (STUDIEMEDEL, 4463, 10261)
    assert sas.financing.option(AKTIVITETSSTOD) is not None            # if AF decides (förberedande)
    # Yrkesvux: 38, lacks gymnasieexamen → högre bidrag 2 279 + loan 1 119 per week
    assert (money(edu).grant_per_month, money(edu).loan_per_month) == (9876, 4849)
    assert "csn" in money(edu).check_with        # 2028 study: 2026 figures, check with CSN


# --- Lars: 45, warehouse, no gymnasium → lastbilsförare -----------------------------------


def test_lars_route_is_yrkesvux_truck_driver_with_licences():
    routes = routes_for(persona("lars"))
    assert [r.education_id for r in routes] == ["yrkesvux-yrkesforare-gods"]
    r = routes[0]
    assert [(s.kind, s.key) for s in r.steps] == [
        (EDUCATION, "yrkesvux-yrkesforare-gods"), (LICENCE, "ykb"), (LICENCE, "c-ce-licence"),
        (LICENCE, "tachograph"), (JOB_SEARCH, "job_search")]
    assert r.step(EDUCATION).weeks == 40 and r.step(EDUCATION).start == date(2027, 1, 18)
    skipped = {(s.kind, s.key): s.reason for s in r.skipped}
    assert skipped[(LICENCE, "b-licence")] == "already_has"
    assert skipped[(PREPARATORY, "komvux-grundlaggande-amnen")] == "has_grundskola"
    inputs, _ = engine_inputs()
    assert ("amu-yrkesforare-gods", "needs_registration_at_arbetsformedlingen") in \
        excluded_candidates(inputs, persona("lars").person, "8332")


def test_lars_money_omstallningsstudiestod_first_studiemedel_as_alternative():
    est = route("lars", "yrkesvux-yrkesforare-gods").step(EDUCATION).financing
    assert est.primary.key == OMSTALLNING
    assert est.primary.grant_per_month == 23196          # 348 000 × 80 % / 52 = 5 353 per week
    csn = est.option(STUDIEMEDEL)
    parts = {x.part: x.per_month for x in csn.lines}
    assert parts == {"hogre_bidrag": 9876, "lan": 4849, "tillaggsbidrag": 1382, "tillaggslan": 5079}
    view = household_view(29_000, est)
    assert view.difference_per_month == 23196 - 29_000


# --- Sara: 21, no grundskola → barnskötare -------------------------------------------------


def test_sara_grundlaggande_first_then_yrkesvux():
    r = route("sara", "yrkesvux-barnskotare-elevassistent")
    assert [(s.kind, s.key) for s in r.steps] == [
        (PREPARATORY, "komvux-grundlaggande-amnen"), (EDUCATION, "yrkesvux-barnskotare-elevassistent"),
        (JOB_SEARCH, "job_search")]
    assert r.step(EDUCATION).weeks == 65
    assert {(s.kind, s.reason) for s in r.skipped} == {(LANGUAGE, "swedish_enough_check_merit")}


def test_sara_money_under_25_generellt_bidrag_with_hogre_from_2030():
    est = route("sara", "yrkesvux-barnskotare-elevassistent").step(PREPARATORY).financing
    csn = est.primary
    assert (csn.key, csn.grant_per_month, csn.loan_per_month) == (STUDIEMEDEL, 4463, 10261)
    note = next(n for n in csn.notes if n.key == "hogre_bidrag_from_year_turning_25")
    assert dict(note.detail)["from_year"] == 2030
    utv = est.option(UTVECKLING)
    assert utv.lines[0].amount == 57 and utv.grant_per_month == 1235    # lower level: no gymnasieexamen


# --- Reza: foreign civil engineering degree ------------------------------------------------


def test_reza_complement_not_a_new_degree():
    routes = routes_for(persona("reza"))
    assert [r.education_id for r in routes] == ["hogskola-komplettering-ingenjor"]
    r = routes[0]
    assert r.steps[0].kind == RECOGNITION and r.steps[0].with_whom == "uhr"
    # study path 3 (used to studying): sfi C (40 weeks) and D, then SAS grund to SAS 3
    assert [s.key for s in r.language_steps] == ["sfi_c", "sfi_d", "sas_grund", "sas_1", "sas_2", "sas_3"]
    assert r.language_steps[0].weeks == 40
    assert r.step(EDUCATION).weeks_assumed and r.step(EDUCATION).weeks == 50      # 20–80 weeks: middle


def test_reza_money_no_hogre_bidrag_with_a_degree():
    r = routes_for(persona("reza"))[0]
    sas = next(s for s in r.steps if s.key == "sas_grund")
    assert (money(sas).key, money(sas).grant_per_month) == (STUDIEMEDEL, 4463)


# --- Hodan: parent of three on the etableringsprogram --------------------------------------


def test_hodan_routes():
    routes = routes_for(persona("hodan"))
    assert [r.education_id for r in routes] == [None, "sfi-kombo-restaurang", "yrkesvux-restaurang-cafe"]
    direct = routes[0]
    assert [(s.kind, s.key) for s in direct.steps] == [(LANGUAGE, "sfi_c"), (JOB_SEARCH, "job_search")]
    assert direct.ready_date == date(2027, 7, 5)
    yrkesvux = routes[2]
    assert (PREPARATORY, "komvux-grundlaggande-amnen", "alongside_sas_grund") in \
        {(s.kind, s.key, s.reason) for s in yrkesvux.skipped}


def test_hodan_money_etablering_then_studiemedel_with_children():
    yrkesvux = routes_for(persona("hodan"))[2]
    sfi = money(yrkesvux.steps[0])
    assert sfi.key == ETABLERINGSERSATTNING
    assert sorted((x.part, x.per_month) for x in sfi.lines) == [
        ("etableringsersattning", 6673), ("etableringstillagg", 800), ("etableringstillagg", 800),
        ("etableringstillagg", 1500)]
    # After the programme ends (2027-12-31): studiemedel with högre bidrag and tilläggsbidrag for 3 children
    sas = next(s for s in yrkesvux.steps if s.key == "sas_grund")
    assert sas.start > date(2027, 12, 31)
    parts = {x.part: x.per_month for x in money(sas).lines}
    assert parts == {"hogre_bidrag": 9876, "lan": 4849, "tillaggsbidrag": 1664}


def test_compare_for_hodan():
    rows = compare_routes(routes_for(persona("hodan")))
    assert [(r.language_steps, r.swedish_integrated) for r in rows] == [(1, False), (0, True), (3, False)]
    assert rows[0].lowest_per_month == 9773


# --- people the rules over time decide ----------------------------------------------------------

def _study(key, education_id=None):
    r = routes_for(persona(key))
    r = next(x for x in r if x.education_id == education_id) if education_id else r[0]
    return r, next(s for s in r.steps if s.kind == EDUCATION)


def test_fatima_programme_ends_half_way_then_studiemedel():
    r, step = _study("fatima")
    keys = [(p.start, p.estimate.primary.key) for p in step.financing_periods]
    assert keys[0][1] == ETABLERINGSERSATTNING and (date(2028, 3, 1), STUDIEMEDEL) in keys
    # the supplement follows the children's ages: 800 each while both are under 11, then 1 500 + 800
    # from the older child's 11th birthday (1 July 2027), never 2 × 800 all along
    supplements = [sorted(x.amount for x in p.estimate.primary.lines if x.part == "etableringstillagg")
                   for p in step.financing_periods if p.estimate.primary.key == ETABLERINGSERSATTNING]
    assert [800, 1500] in supplements
    assert all(p.start >= date(2027, 7, 1) for p in step.financing_periods
               if sorted(x.amount for x in p.estimate.primary.lines if x.part == "etableringstillagg") == [800, 1500])


def test_goran_gets_omstallningsstudiestod_from_his_wage_before():
    r, step = _study("goran", "yrkesvux-yrkesforare-gods")
    primary = step.financing.primary
    assert primary.key == OMSTALLNING and primary.total_per_month == 22_399
    assert step.financing.reason("omstallning_work_conditions_not_met") is None


def test_olena_waits_out_the_first_12_months_of_temporary_protection():
    r, step = _study("olena")
    first, then = step.financing_periods[0], step.financing_periods[1]
    assert first.estimate.option(STUDIEMEDEL) is None and first.estimate.reason("temporary_protection_first_months")
    assert then.start == date(2027, 10, 1) and then.estimate.primary.key == STUDIEMEDEL


def test_ali_starts_komvux_in_the_year_he_turns_20_and_is_told_why():
    r, step = _study("ali")
    assert step.start >= date(2027, 7, 1) and "starts_later_age_rule" in step.notes
