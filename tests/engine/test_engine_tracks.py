"""Local job tracks as routes (issue 18): eligibility, reach, validity, dates, money on the steps,
and the gap against an employer profile. Pure: no app, no database."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.content.facts import financing_facts, route_inputs
from app.content.loaders import load_content
from app.engine import build_plan
from app.engine.financing import EMPLOYED, ETABLERING, UNEMPLOYED, Person
from app.engine.gap import EmployerNeeds, compute_profile_gap
from app.engine.geo import Place
from app.engine.plan import Goal
from app.engine.routes import (
    APPLY_TRACK,
    CHECK_SWEDISH,
    JOB_SEARCH,
    MISSING_REGISTRATION,
    MISSING_SWEDISH,
    TRACK_STEP,
    RouteTrack,
    TrackIntake,
    TrackStepInput,
    build_routes,
    track_options,
)

TODAY = date(2026, 12, 1)
VASTERAS = Place("1980", 59.61617, 16.55276)
KOPING = Place("1983", 59.51404, 15.99255)
MALMO = Place("1280", 55.60587, 13.00073)


@pytest.fixture(scope="module")
def content():
    return load_content()


@pytest.fixture(scope="module")
def facts(content):
    return financing_facts(content)


def track(**kw) -> RouteTrack:
    base = dict(
        id="jobbspar-buss", ssyk="8331", label="Jobbspår buss", places=(VASTERAS,),
        steps=(TrackStepInput(kind="language", label="Yrkessvenska", weeks=6),
               TrackStepInput(kind="education", education_id="amu-bussforare"),
               TrackStepInput(kind="praktik", label="Praktik", weeks=6, teaches=("LKUu_eHh_QS1",))),
        valid_from=date(2026, 11, 1), valid_to=date(2027, 12, 31),
        intakes=(TrackIntake(date(2027, 2, 1), date(2027, 1, 11)), TrackIntake(date(2027, 9, 6))),
        registered_af=True, swedish_level="sfi_c")
    base.update(kw)
    return RouteTrack(**base)


@pytest.fixture()
def inputs(content):
    return replace(route_inputs(content), tracks=(track(),))


def person(**kw) -> Person:
    return Person(**{"birth_year": 1985, "situation": UNEMPLOYED, "swedish_level": "sfi_d", **kw})


def test_an_eligible_track_is_a_route_with_dated_steps_from_its_intake(inputs, facts):
    routes = build_routes(inputs, person(), "8331", start=TODAY, facts=facts, home=VASTERAS)
    ids = [r.id for r in routes]
    assert ids[0] == "track:jobbspar-buss" and len(ids) > 1        # on top of the national routes
    route = routes[0]
    kinds = [s.kind for s in route.steps]
    assert kinds == [APPLY_TRACK, TRACK_STEP, TRACK_STEP, TRACK_STEP, JOB_SEARCH]
    apply, first, second, third, job = route.steps
    assert apply.apply_by == date(2027, 1, 11)                     # the track's own last day
    assert first.start == date(2027, 2, 1)                         # its intake
    assert second.start > first.finish and third.start > second.finish
    assert "track_normally_leads_to_employment" in route.notes
    assert job.start == route.ready_date


def test_without_a_track_the_routes_are_the_national_ones(content, facts):
    plain = route_inputs(content)
    routes = build_routes(plain, person(), "8331", start=TODAY, facts=facts, home=VASTERAS)
    assert routes and not any(r.id.startswith("track:") for r in routes)


@pytest.mark.parametrize("home, limit, shown", [
    (VASTERAS, None, True),            # in a municipality it serves
    (KOPING, 60, True),                # next door, within the limit
    (KOPING, 15, False),               # beyond a tight limit
    (MALMO, None, False),              # far away, no limit given: not "near"
    (None, None, False),               # home unknown
])
def test_a_track_is_offered_only_within_the_travel_limit(inputs, facts, home, limit, shown):
    options = track_options(inputs, person(), "8331", start=TODAY, facts=facts, home=home, limit_minutes=limit)
    assert bool(options) is shown


def test_expired_closed_or_past_intakes_are_not_routes(content, facts):
    base = route_inputs(content)
    for t in (track(valid_to=date(2026, 11, 30)),                        # expired
              track(valid_from=date(2027, 1, 1)),                         # not yet valid
              track(intakes=(TrackIntake(date(2026, 11, 2)),))):          # the only intake has passed
        options = track_options(replace(base, tracks=(t,)), person(), "8331", start=TODAY, facts=facts, home=VASTERAS)
        assert options == ()


def test_a_person_not_registered_is_told_what_is_missing(inputs, facts):
    [option] = track_options(inputs, person(situation=EMPLOYED), "8331", start=TODAY, facts=facts, home=VASTERAS)
    assert option.route is None and option.missing == (MISSING_REGISTRATION,)
    routes = build_routes(inputs, person(situation=EMPLOYED), "8331", start=TODAY, facts=facts, home=VASTERAS)
    assert not any(r.id.startswith("track:") for r in routes)


def test_swedish_below_the_level_asked_is_missing_and_unknown_is_to_check(inputs, facts):
    [low] = track_options(inputs, person(swedish_level="sfi_a"), "8331", start=TODAY, facts=facts, home=VASTERAS)
    assert low.route is None and MISSING_SWEDISH in low.missing
    [unknown] = track_options(inputs, person(swedish_level=None), "8331", start=TODAY, facts=facts, home=VASTERAS)
    assert unknown.route is not None and unknown.missing == (CHECK_SWEDISH,)


def test_a_continuous_track_starts_after_the_usual_lead(inputs, facts):
    t = track(intakes=(), continuous=True)
    [option] = track_options(replace(inputs, tracks=(t,)), person(), "8331", start=TODAY, facts=facts, home=VASTERAS)
    first = option.route.steps[1]
    assert first.start.weekday() == 0 and (first.start - TODAY).days >= 14


def test_money_on_the_steps_is_aktivitetsstod_for_a_registered_job_seeker(inputs, facts):
    [option] = track_options(inputs, person(), "8331", start=TODAY, facts=facts, home=VASTERAS)
    for step in option.route.steps:
        if step.kind == TRACK_STEP:
            assert step.financing.primary.key == "aktivitetsstod"
            assert step.financing.primary.total_per_month > 0


def test_money_on_the_steps_is_etableringsersattning_in_the_programme(inputs, facts):
    p = person(situation=ETABLERING, etablering_until=date(2028, 6, 30))
    [option] = track_options(inputs, p, "8331", start=TODAY, facts=facts, home=VASTERAS)
    keys = {s.financing.primary.key for s in option.route.steps if s.kind == TRACK_STEP}
    assert keys == {"etableringsersattning"}


def test_choosing_a_track_gives_its_steps_and_the_contact_in_the_plan(inputs, facts):
    route = build_routes(inputs, person(), "8331", start=TODAY, facts=facts, home=VASTERAS)[0]
    plan = build_plan(route, Goal("8331", "Bussförare"), TODAY)
    kinds = [s.kind for s in plan.steps]
    assert kinds[0] == APPLY_TRACK and kinds.count(TRACK_STEP) == 3
    assert "apply_financing" in kinds                        # aktivitetsstöd applied for, month by month
    first = next(s for s in plan.steps if s.kind == TRACK_STEP)
    assert first.start == date(2027, 2, 1)
    assert plan.steps[0].apply_by == date(2027, 1, 11)
    again = type(plan).from_dict(plan.to_dict())
    assert again == plan


def test_gap_against_an_employer_profile_counts_what_the_track_teaches():
    needed = tuple(f"s{i}" for i in range(11))
    profile = EmployerNeeds(id="p", ssyk="8331", employer="Buss AB", needed=needed, learned_on_job=("s10",))
    gap = compute_profile_gap(profile, have=needed[:9], taught=("s9",))
    assert len(gap.have) == 9 and len(gap.needed) == 11
    assert gap.taught_in_track == ("s9",) and gap.learned_on_job == ("s10",) and gap.still_missing == ()
    assert gap.key == "profile_rest_taught"
    assert compute_profile_gap(profile, have=needed[:5]).key == "profile_some_to_get"
    assert compute_profile_gap(profile, have=needed).key == "profile_all_had"


def test_an_employer_profile_is_near_only_within_the_limit_and_valid_only_in_its_period():
    from app.engine.routes import near

    assert near((VASTERAS,), VASTERAS, None) and near((VASTERAS,), KOPING, 60)
    assert not near((VASTERAS,), MALMO, None) and not near((VASTERAS,), None, None)
    profile = EmployerNeeds(id="p", ssyk="8331", employer="X", needed=("a",), valid_from=date(2026, 11, 1),
                            valid_to=date(2027, 12, 31))
    assert profile.valid_on(TODAY) and not profile.valid_on(date(2028, 1, 1))
