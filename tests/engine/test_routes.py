"""build_routes: computed, dated routes with skipped steps and reasons; compare_routes."""
from __future__ import annotations

from datetime import date

import pytest

from app.content.facts import financing_facts, language_scale, route_inputs
from app.content.loaders import load_content
from app.engine.financing import EMPLOYED, UNEMPLOYED, Person
from app.engine.routes import (
    AUTUMN,
    CONTINUOUS,
    EDUCATION,
    JOB_SEARCH,
    LANGUAGE,
    LICENCE,
    PREPARATORY,
    RECOGNITION,
    TERM,
    RouteEducation,
    RouteInputs,
    RouteOccupation,
    build_routes,
    compare_routes,
    earliest_start,
    excluded_candidates,
    schedule,
    study_path,
)

TODAY = date(2026, 11, 23)   # a Monday


@pytest.fixture(scope="module")
def content():
    return load_content()


@pytest.fixture(scope="module")
def inputs(content) -> RouteInputs:
    return route_inputs(content)


@pytest.fixture(scope="module")
def facts(content):
    return financing_facts(content)


def kinds(route):
    return [(s.kind, s.key) for s in route.steps]


# --- dates -------------------------------------------------------------------------------


def test_term_start_mid_august_and_mid_january_with_8_weeks_to_apply():
    # Today 2026-11-23: the spring term (Monday on/after 12 Jan 2027 = 18 Jan) is ≥ 8 weeks away.
    assert earliest_start(TERM, TODAY, TODAY) == (date(2027, 1, 18), date(2026, 11, 23))
    # A week later it is too late for spring: the next start is the autumn term (Monday on/after 17 Aug).
    start, apply_by = earliest_start(TERM, date(2026, 11, 30), date(2026, 11, 30))
    assert start == date(2027, 8, 23) and apply_by == date(2027, 6, 28)


def test_sfi_continuous_intake_two_weeks_after_applying():
    assert earliest_start(CONTINUOUS, TODAY, TODAY) == (date(2026, 12, 7), date(2026, 11, 23))
    # Later in a route: the Monday after the previous step.
    assert earliest_start(CONTINUOUS, date(2027, 7, 3), TODAY)[0] == date(2027, 7, 5)


def test_university_autumn_only_apply_by_15_april():
    assert earliest_start(AUTUMN, TODAY, TODAY) == (date(2027, 8, 23), date(2027, 4, 15))


def test_study_path_from_schooling():
    assert study_path(Person(birth_year=1990, has_gymnasieexamen=False, years_of_schooling=4)) == 1
    assert study_path(Person(birth_year=1990, has_gymnasieexamen=False, years_of_schooling=9)) == 2
    assert study_path(Person(birth_year=1990, has_gymnasieexamen=True)) == 3
    assert study_path(Person(birth_year=1990, has_gymnasieexamen=False)) is None


# --- a small synthetic catalogue (no content) --------------------------------------------


@pytest.fixture(scope="module")
def tiny(content) -> RouteInputs:
    scale = language_scale(content)
    edus = {
        "sfi-d": RouteEducation("sfi-d", "sfi", "none", "Sfi D", weeks=30, pace_options=(50, 100),
                                gives_language_level="sfi_d"),
        "prep": RouteEducation("komvux-grundlaggande-amnen", "komvux_grundlaggande", "grundlaggande", "Grund"),
        "vux": RouteEducation("vux", "yrkesvux", "gymnasial", "Vux", weeks=40, pace_options=(50, 75, 100),
                              language_requirement="sfi_d", leads_to=("1234",), gives=(("1234", "cert"),)),
        "amu": RouteEducation("amu", "arbetsmarknadsutbildning", "gymnasial", "AMU", weeks=10,
                              language_requirement="sfi_c", leads_to=("1234",), via_af=True),
        "kurs": RouteEducation("kurs", "arbetsmarknadsutbildning", "gymnasial", "Card course", weeks=1,
                               gives=(("1234", "card"),)),
    }
    edus["komvux-grundlaggande-amnen"] = edus.pop("prep")
    occ = RouteOccupation("1234", "Tester", "upper_secondary", 40, "sfi_d", ("vux", "amu"),
                          licences=(("cert", "Certificate"), ("card", "Card"), ("own", "Own licence")))
    return RouteInputs(edus, {"1234": occ}, scale)


def person(**kw):
    base = dict(birth_year=1990, situation=UNEMPLOYED, swedish_level="sfi_c", has_grundskola=True)
    base.update(kw)
    return Person(**base)


def test_routes_are_computed_and_ordered_by_ready_date(tiny):
    routes = build_routes(tiny, person(), "1234", start=TODAY)
    assert [r.id for r in routes] == ["1234:amu", "1234:vux"]
    assert routes[0].ready_date < routes[1].ready_date


def test_language_then_education_then_licences_then_job_search(tiny):
    vux = next(r for r in build_routes(tiny, person(), "1234", start=TODAY) if r.education_id == "vux")
    assert kinds(vux) == [(LANGUAGE, "sfi_d"), (EDUCATION, "vux"), (LICENCE, "cert"), (LICENCE, "card"),
                          (LICENCE, "own"), (JOB_SEARCH, "job_search")]
    cert, card, own = vux.steps[2:5]
    assert cert.weeks == 0 and "apply_when_education_done" in cert.notes       # the education gives it
    assert card.education_id == "kurs" and card.weeks == 1                    # a course that gives it
    assert own.weeks_assumed and "licence_course_unknown" in own.notes
    # dates chain: sfi D from 7 Dec (continuous), vux at the next term after it ends
    sfi, edu = vux.steps[0], vux.steps[1]
    assert sfi.start == date(2026, 12, 7) and sfi.finish == date(2027, 7, 2)
    assert edu.start == date(2027, 8, 23) and edu.apply_by == date(2027, 6, 28)
    assert vux.ready_date == own.finish + (date(2027, 1, 4) - date(2027, 1, 1))
    assert vux.steps[-1].start == vux.ready_date


def test_skipped_steps_carry_reasons(tiny):
    route = next(r for r in build_routes(tiny, person(swedish_level="sas_1", licences=("own",)), "1234", start=TODAY)
                 if r.education_id == "vux")
    skipped = {(s.kind, s.key): s.reason for s in route.skipped}
    assert skipped[(LANGUAGE, "sfi_d")] == "swedish_enough"
    assert skipped[(PREPARATORY, "komvux-grundlaggande-amnen")] == "has_grundskola"
    assert skipped[(LICENCE, "own")] == "already_has"
    assert not route.language_steps


def test_no_grundskola_means_komvux_grundlaggande_before_yrkesvux(tiny):
    route = next(r for r in build_routes(tiny, person(has_grundskola=False), "1234", start=TODAY)
                 if r.education_id == "vux")
    assert [k for k, _ in kinds(route)][:3] == [LANGUAGE, PREPARATORY, EDUCATION]
    prep = route.steps[1]
    assert prep.key == "komvux-grundlaggande-amnen" and prep.weeks == 40 and prep.weeks_assumed


def test_af_course_only_for_registered_job_seekers(tiny):
    routes = build_routes(tiny, person(situation=EMPLOYED), "1234", start=TODAY)
    assert [r.education_id for r in routes] == ["vux"]
    assert ("amu", "needs_registration_at_arbetsformedlingen") in excluded_candidates(tiny, person(situation=EMPLOYED), "1234")


def test_pace_changes_calendar_time(tiny):
    full = next(r for r in build_routes(tiny, person(swedish_level="sfi_d"), "1234", start=TODAY) if r.education_id == "vux")
    half = next(r for r in build_routes(tiny, person(swedish_level="sfi_d", preferred_pace=50), "1234", start=TODAY)
                if r.education_id == "vux")
    assert half.step(EDUCATION).pace == 50 and half.step(EDUCATION).calendar_weeks == 80
    assert half.ready_date > full.ready_date
    # 60 % is not offered: the next higher option (75 %) is used
    r75 = next(r for r in build_routes(tiny, person(swedish_level="sfi_d", preferred_pace=60), "1234", start=TODAY)
               if r.education_id == "vux")
    assert r75.step(EDUCATION).pace == 75


def test_komvux_from_the_second_half_of_the_year_turning_20(tiny):
    young = person(birth_year=2008, swedish_level="sfi_d")          # turns 20 in 2028
    vux = next(r for r in build_routes(tiny, young, "1234", start=TODAY) if r.education_id == "vux")
    assert vux.step(EDUCATION).start == date(2028, 8, 21)
    # sfi has no such limit (right from the year turning 16)
    sfi_route = next(r for r in build_routes(tiny, person(birth_year=2008), "1234", start=TODAY) if r.education_id == "vux")
    assert sfi_route.steps[0].start == date(2026, 12, 7)
    # finished a national programme: komvux gymnasial earlier
    older = person(birth_year=2008, swedish_level="sfi_d", has_gymnasieexamen=True)
    vux = next(r for r in build_routes(tiny, older, "1234", start=TODAY) if r.education_id == "vux")
    assert vux.step(EDUCATION).start == date(2027, 1, 18)


def test_schedule_is_reusable_from_another_date(tiny):
    route = build_routes(tiny, person(), "1234", start=TODAY)[0]
    later, ready = schedule(route.steps, date(2027, 3, 1))
    assert later[0].start >= date(2027, 3, 1) and ready > route.ready_date


# --- the real catalogue -------------------------------------------------------------------


def test_undersköterska_routes_for_a_newcomer_with_sfi_c(inputs, facts):
    p = Person(birth_year=1988, situation=UNEMPLOYED, swedish_level="sfi_c", experience_ssyk=("5321",),
               years_of_schooling=9)
    routes = build_routes(inputs, p, "5321", start=TODAY, facts=facts)
    assert 1 <= len(routes) <= 3
    ids = [r.education_id for r in routes]
    assert ids[0] == "sfi-kombo-underskoterska" and routes[0].swedish_integrated
    assert "yrkesvux-underskoterska" in ids
    yrkesvux = routes[ids.index("yrkesvux-underskoterska")]
    assert [s.key for s in yrkesvux.language_steps] == ["sfi_d", "sas_grund"]
    assert yrkesvux.step(EDUCATION).weeks == 75 and not yrkesvux.step(EDUCATION).weeks_assumed
    assert yrkesvux.step(LICENCE).key == "title-certificate" and yrkesvux.step(LICENCE).with_whom == "socialstyrelsen"


def test_a_full_degree_is_not_offered_to_someone_holding_one(inputs):
    p = Person(birth_year=1985, situation=UNEMPLOYED, swedish_level="none", has_gymnasieexamen=True,
               hogskolepoang=300, foreign_degree_ssyk=("2142",))
    routes = build_routes(inputs, p, "2142", start=TODAY)
    assert [r.education_id for r in routes] == ["hogskola-komplettering-ingenjor"]
    assert routes[0].steps[0].kind == RECOGNITION
    assert ("hogskola-civilingenjor-bygg", "has_degree_complement_instead") in excluded_candidates(inputs, p, "2142")


def test_complementary_education_needs_a_foreign_degree(inputs):
    p = Person(birth_year=1985, swedish_level="sas_3", has_gymnasieexamen=True)
    assert ("hogskola-komplettering-sjukskoterska", "needs_foreign_degree_in_field") in \
        excluded_candidates(inputs, p, "2221")


def test_university_route_adds_behorighet_when_no_gymnasium(inputs):
    p = Person(birth_year=1995, swedish_level="sas_3", has_gymnasieexamen=False)
    route = next(r for r in build_routes(inputs, p, "2221", start=TODAY) if r.education_id == "hogskola-sjukskoterskeprogrammet")
    assert route.step(PREPARATORY).key == "komvux-gy-hogskolebehorighet"
    assert route.step(EDUCATION).intake == AUTUMN


def test_direct_route_when_the_job_needs_no_education(inputs):
    p = Person(birth_year=1990, situation=UNEMPLOYED, swedish_level="sfi_b")
    routes = build_routes(inputs, p, "9412", start=TODAY)
    direct = next(r for r in routes if r.education_id is None)
    assert kinds(direct) == [(LANGUAGE, "sfi_c"), (JOB_SEARCH, "job_search")]
    assert "practice_via_arbetsformedlingen" in direct.steps[-1].notes


def test_compare_routes(inputs, facts):
    p = Person(birth_year=1988, situation=UNEMPLOYED, swedish_level="sfi_c", experience_ssyk=("5321",))
    routes = build_routes(inputs, p, "5321", start=TODAY, facts=facts)
    rows = compare_routes(routes)
    assert [r.route_id for r in rows] == [r.id for r in routes]
    kombo = rows[0]
    assert kombo.swedish_integrated and kombo.language_steps == 0 and kombo.weeks_assumed
    assert kombo.lowest_per_month == 9876 + 4849     # högre bidrag + loan, 2026 amounts (week × 52/12)
    yrkesvux = next(r for r in rows if r.education_id == "yrkesvux-underskoterska")
    assert yrkesvux.language_steps == 2 and yrkesvux.lowest_per_month == 0   # sfi gives no money
    assert yrkesvux.weeks_to_ready > kombo.weeks_to_ready


def test_deterministic(inputs, facts):
    p = Person(birth_year=1988, situation=UNEMPLOYED, swedish_level="sfi_c", experience_ssyk=("5321",))
    assert build_routes(inputs, p, "5321", start=TODAY, facts=facts) == build_routes(inputs, p, "5321", start=TODAY, facts=facts)
