"""Typed answers: each key is defined once in app/plans/answers.py and names a real step, and the
derived values (Swedish level, upper secondary) are computed in one place."""
from __future__ import annotations

import pytest

from app.plans import answers
from app.plans.answers import Besluta, Inventera

KEYS = {v for k, v in vars(answers).items() if k.isupper() and isinstance(v, str) and "." in v}   # "<flow>.<step>"


def test_every_key_is_a_step_of_a_flow_and_every_step_has_its_key():
    from app.flows import FLOWS

    steps = {flow.step_id(step) for flow in FLOWS for step in flow.steps}
    assert KEYS - set(answers.NOT_QUESTIONS) == steps


@pytest.mark.parametrize("saved, level", [
    ({}, None),
    ({answers.SWEDISH: {"level": "sfi_c"}}, "sfi_c"),
    ({answers.SWEDISH: {"level": "unknown"}}, None),
    ({answers.SWEDISH: {"level": "unknown"}, answers.SWEDISH_CAN_DO: {"level": "sfi_b"}}, "sfi_b"),
    ({answers.SWEDISH: {"level": "unknown"}, answers.SWEDISH_CAN_DO: {"level": "unknown"}}, None),
])
def test_swedish_level_follows_the_can_do_answer(saved, level):
    assert Inventera.of(saved).swedish_level == level


@pytest.mark.parametrize("level, known", [("post_secondary", True), ("none", False), ("compulsory", False),
                                          ("upper_secondary", None), (None, None)])
def test_upper_secondary_is_known_from_the_education_answer(level, known):
    saved = {answers.EDUCATION: {"level": level}} if level else {}
    assert Inventera.of(saved).upper_secondary is known


def test_targets_need_an_ssyk_and_situation_needs_a_birth_year():
    saved = {answers.TARGETS: {"targets": ["a", "b"], "details": [{"group_id": "a", "ssyk": "5321"}, {"group_id": "b"}]},
             answers.SITUATION: {"income": "12000"}}
    assert Inventera.of(saved).targets == ({"group_id": "a", "ssyk": "5321"},)
    assert Inventera.of(saved).target_ids == ("a", "b")
    assert not Besluta.of(saved).situation_done and Besluta.of(saved).income == 12000
