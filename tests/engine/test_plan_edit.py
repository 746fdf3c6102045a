"""Changing a plan: move a step (same length, follow-ups with it), remove one, add the person's own."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.engine.plan import Goal, Plan, PlanStep, add_own_step, in_order, move_step, next_own_id, remove_step

D = date(2027, 1, 11)


def plan() -> Plan:
    return Plan(goal=Goal("5321"), route_id="r", start=D, ready_date=D + timedelta(weeks=40), steps=(
        PlanStep(id="1-education-x", kind="education", key="x", label="x", with_whom="csn", apply_by=D,
                 start=D + timedelta(weeks=2), finish=D + timedelta(weeks=22),
                 follow_up=(D + timedelta(weeks=6), D + timedelta(weeks=18))),
        PlanStep(id="own-2", kind="own", key="own", label="Ring komvux", with_whom="person", start=D, finish=D),
    ))


def test_move_keeps_the_length_and_shifts_apply_by_and_follow_ups():
    moved = move_step(plan(), "1-education-x", D + timedelta(weeks=6))
    step = moved.steps[0]
    assert (step.start, step.finish) == (D + timedelta(weeks=6), D + timedelta(weeks=26))
    assert step.apply_by == D + timedelta(weeks=4)
    assert step.follow_up == (D + timedelta(weeks=10), D + timedelta(weeks=22))
    assert moved.steps[1] == plan().steps[1]


def test_remove_and_unknown_steps():
    assert [s.id for s in remove_step(plan(), "own-2").steps] == ["1-education-x"]
    with pytest.raises(KeyError):
        move_step(plan(), "nope", D)


def test_own_steps_get_the_next_free_number():
    assert next_own_id(plan()) == "own-3"
    bigger, step = add_own_step(plan(), "Studiebesök", D + timedelta(days=3))
    assert step.id == "own-3" and step.kind == "own" and step.start == step.finish == D + timedelta(days=3)
    assert bigger.steps[-1] == step and next_own_id(bigger) == "own-4"


def test_in_order_by_date_then_id():
    p = plan()
    assert [s.id for s in in_order(p.steps)] == ["own-2", "1-education-x"]
    same_day = add_own_step(p, "a", D)[0]
    assert [s.id for s in in_order(same_day.steps)][:2] == ["own-2", "own-3"]
