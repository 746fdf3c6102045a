"""A plan that stays consistent when edited: moving a step moves what depends on it and the money of
every moved study step is estimated again at its new dates; removing can be undone; the ready date
follows. Real catalogue and 2026 amounts; dates checked after each edit."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.content.facts import financing_facts, route_inputs
from app.content.loaders import load_content
from app.engine.financing import ETABLERING, ETABLERINGSERSATTNING, STUDIEMEDEL, UNEMPLOYED, Person
from app.engine.plan import (
    APPLY_FINANCING,
    JOB_SEARCH,
    Goal,
    Plan,
    add_own_step,
    build_plan,
    dependents,
    move_step,
    reestimate,
    remove_step,
    undo_remove,
)
from app.engine.routes import EDUCATION, build_routes

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def catalogue():
    content = load_content()
    return route_inputs(content), financing_facts(content)


def plan_for(catalogue, person: Person, ssyk="5321", n=0) -> Plan:
    inputs, facts = catalogue
    route = build_routes(inputs, person, ssyk, start=TODAY, facts=facts)[n]
    return build_plan(route, Goal(ssyk), TODAY)


def amina(**kw) -> Person:
    base = dict(birth_year=1988, situation=UNEMPLOYED, has_grundskola=True, has_gymnasieexamen=False,
                swedish_level="sas_grund", years_of_schooling=9)
    base.update(kw)
    return Person(**base)


def by_kind(plan, kind):
    return [s for s in plan.steps if s.kind == kind]


def test_steps_carry_their_dependencies(catalogue):
    plan = plan_for(catalogue, amina())
    education = by_kind(plan, EDUCATION)[0]
    application = next(s for s in plan.steps if s.kind == APPLY_FINANCING and s.after == (education.id,))
    assert application.apply_by <= education.start
    job = by_kind(plan, JOB_SEARCH)[0]
    assert job.id in dependents(plan, education.id) and application.id in dependents(plan, education.id)
    assert education.form == "yrkesvux" and education.level == "gymnasial"       # what re-estimating needs


def test_moving_a_course_moves_what_depends_on_it_and_the_ready_date(catalogue):
    plan = plan_for(catalogue, amina())
    education = by_kind(plan, EDUCATION)[0]
    new_start = education.start + timedelta(weeks=21)           # from August to January
    moved, changed = move_step(plan, education.id, new_start)
    delta = new_start - education.start
    for old in plan.steps:
        new = moved.step(old.id)
        if old.id in changed:
            assert new.start == old.start + delta and (new.finish or old.finish) == ((old.finish + delta) if old.finish else None)
            assert new.follow_up == tuple(d + delta for d in old.follow_up)
        else:
            assert new == old
    job = by_kind(moved, JOB_SEARCH)[0]
    assert moved.ready_date == job.start == by_kind(plan, JOB_SEARCH)[0].start + delta
    # nothing that follows the course starts before it ends
    course = moved.step(education.id)
    assert all(s.start >= course.finish for s in moved.steps if s.id in dependents(moved, education.id)
               and s.kind != APPLY_FINANCING)


def test_moving_back_and_forth_restores_the_plan(catalogue):
    plan = plan_for(catalogue, amina())
    education = by_kind(plan, EDUCATION)[0]
    there, _ = move_step(plan, education.id, education.start + timedelta(weeks=10))
    back, _ = move_step(there, education.id, education.start)
    assert back == plan


def test_money_follows_a_moved_course_past_the_end_of_the_programme(catalogue):
    """A newcomer whose programme ends in March 2028: the course moved from August 2027 to after the
    end is paid by studiemedel, not etableringsersättning, and the application says so."""
    inputs, facts = catalogue
    person = amina(situation=ETABLERING, etablering_until=date(2028, 3, 31))
    plan = plan_for(catalogue, person)
    education = by_kind(plan, EDUCATION)[0]
    assert education.money.scheme == ETABLERINGSERSATTNING
    moved, changed = move_step(plan, education.id, date(2028, 8, 21))
    stale = moved.step(education.id).money
    assert stale.scheme == ETABLERINGSERSATTNING                   # moving alone keeps the old money...
    fresh = reestimate(moved, person, facts, changed)
    course = fresh.step(education.id)
    assert course.money.scheme == STUDIEMEDEL                      # ...re-estimating decides at the new dates
    apps = [s for s in fresh.steps if s.kind == APPLY_FINANCING and s.after == (education.id,)]
    assert [a.key for a in apps] == [STUDIEMEDEL]
    assert apps[0].apply_by <= course.start and apps[0].money.scheme == STUDIEMEDEL
    assert not any(s.key == ETABLERINGSERSATTNING and s.start > date(2028, 3, 31) for s in apps)


def test_remove_then_undo(catalogue):
    plan = plan_for(catalogue, amina())
    education = by_kind(plan, EDUCATION)[0]
    app_ids = {s.id for s in plan.steps if s.kind == APPLY_FINANCING and s.after == (education.id,)}
    removed = remove_step(plan, education.id)
    assert removed.step(education.id) is None and not any(removed.step(i) for i in app_ids)
    # what followed the course now follows what the course followed: the chain holds
    job = by_kind(removed, JOB_SEARCH)[0]
    assert education.id not in {a for s in removed.steps for a in s.after}
    assert removed.ready_date == job.start
    restored = undo_remove(removed)
    assert set(restored.steps) == set(plan.steps) and restored.removed == ()
    assert restored.ready_date == plan.ready_date
    assert undo_remove(restored) == restored                        # nothing left to undo


def test_undo_survives_the_plan_file(catalogue):
    plan = remove_step(plan_for(catalogue, amina()), by_kind(plan_for(catalogue, amina()), EDUCATION)[0].id)
    again = Plan.from_dict(plan.to_dict())
    assert again == plan and set(undo_remove(again).steps) == set(undo_remove(plan).steps)


def test_own_steps_depend_on_nothing(catalogue):
    plan = plan_for(catalogue, amina())
    plan, own = add_own_step(plan, "Besök jobbmässan", date(2027, 3, 4))
    education = by_kind(plan, EDUCATION)[0]
    moved, changed = move_step(plan, education.id, education.start + timedelta(weeks=4))
    assert own not in changed and moved.step(own) == plan.step(own)
    plan, second = add_own_step(plan, "Ring CSN", date(2027, 3, 5))
    assert (own, second) == ("own-1", "own-2")


def test_routes_within_reach_come_first_in_their_own_order(catalogue):
    from app.engine.routes import within_reach_first

    inputs, facts = catalogue
    routes = build_routes(inputs, amina(), "5321", start=TODAY, facts=facts)
    assert len(routes) >= 2
    first = routes[0].id
    ordered = within_reach_first(routes, {first})
    assert ordered[-1].id == first and [r.id for r in ordered[:-1]] == [r.id for r in routes[1:]]
    assert within_reach_first(routes, set()) == routes


def test_in_order_by_date_then_finish_then_id():
    """The one order of the plan's steps on every page and export (ties broken by id)."""
    from app.engine.plan import PlanStep, in_order

    d = date(2027, 1, 11)
    steps = (PlanStep(id="2-education-x", kind="education", key="x", label="x", with_whom="csn", start=d,
                      finish=d + timedelta(weeks=20)),
             PlanStep(id="own-2", kind="own", key="own", label="b", with_whom="person", start=d, finish=d),
             PlanStep(id="own-1", kind="own", key="own", label="a", with_whom="person", start=d, finish=d),
             PlanStep(id="1-job_search-job_search", kind="job_search", key="job_search", label="j",
                      with_whom="arbetsformedlingen"))
    assert [s.id for s in in_order(steps)] == ["own-1", "own-2", "2-education-x", "1-job_search-job_search"]
