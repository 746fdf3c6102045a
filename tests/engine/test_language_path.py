"""language_path: the chain of courses from the level a person has to the level required."""
from __future__ import annotations

import pytest

from app.content.facts import language_scale
from app.content.loaders import load_content
from app.engine.language import (
    MSG_CHECK_MERIT,
    MSG_ENOUGH,
    MSG_FIRST_THEN,
    MSG_UNKNOWN,
    IntegratedOption,
    LanguageScale,
    language_path,
    reaches,
)


@pytest.fixture(scope="module")
def scale() -> LanguageScale:
    return language_scale(load_content())


def levels(path):
    return [s.level for s in path.steps]


def test_ladder_is_sfi_then_sas_one_level_per_rank(scale):
    assert [lv.id for lv in scale.ladder()] == [
        "sfi_a", "sfi_b", "sfi_c", "sfi_d", "sas_grund", "sas_1", "sas_2", "sas_3"]


def test_sfi_c_to_sas_grund_is_sfi_d_then_sas_grund(scale):
    path = language_path("sfi_c", "sas_grund", scale)
    assert not path.enough
    assert path.message_key == MSG_FIRST_THEN
    assert levels(path) == ["sfi_d", "sas_grund"]
    # weeks from language_levels.yaml course: sfi D 30 (Borlänge), SAS grund 40 (4 delkurser × ~10)
    assert [s.weeks for s in path.steps] == [30, 40]
    assert [s.form for s in path.steps] == ["sfi", "komvux_grundlaggande"]
    assert path.weeks == 70 and path.weeks_known


def test_brief_example_chain_from_sfi_b(scale):
    assert levels(language_path("sfi_b", "sas_grund", scale)) == ["sfi_c", "sfi_d", "sas_grund"]


def test_enough_when_level_reached_or_above(scale):
    for have in ("sas_1", "sas_3", "svenska_1"):
        path = language_path(have, "sas_1", scale)
        assert path.enough and path.steps == () and path.message_key == MSG_ENOUGH


def test_equivalent_levels_count_the_same(scale):
    # Svenska 2 and SVA 2 share a rank: someone with Svenska 2 only needs SVA/Svenska 3.
    assert levels(language_path("svenska_2", "svenska_3", scale)) == ["sas_3"]


def test_no_requirement_is_enough(scale):
    assert language_path("none", None, scale).enough


def test_unknown_level_assumes_no_swedish_and_says_so(scale):
    for have in (None, "unknown"):
        path = language_path(have, "sfi_d", scale)
        assert path.unknown and not path.enough
        assert path.message_key == MSG_UNKNOWN
        assert levels(path) == ["sfi_a", "sfi_b", "sfi_c", "sfi_d"]


def test_self_assessed_cefr_level_is_enough_but_flags_the_merit(scale):
    path = language_path("cefr_b2", "sas_grund", scale)
    assert path.enough and path.check_merit and path.message_key == MSG_CHECK_MERIT


def test_self_assessed_level_below_requirement_continues_from_its_rank(scale):
    # cefr_a2 sits at sfi C's rank: the next course is sfi D.
    assert levels(language_path("cefr_a2", "sas_grund", scale)) == ["sfi_d", "sas_grund"]


def test_study_path_3_starts_on_course_c_with_its_longer_first_course(scale):
    path = language_path("none", "sfi_d", scale, study_path=3)
    assert levels(path) == ["sfi_c", "sfi_d"]
    assert [s.weeks for s in path.steps] == [40, 30]   # Borlänge: 3C 40, 3D 30


def test_study_path_2_starts_on_course_b(scale):
    path = language_path("none", "sfi_c", scale, study_path=2)
    assert levels(path) == ["sfi_b", "sfi_c"]
    assert [s.weeks for s in path.steps] == [48, 30]   # Borlänge: 2B 48, 2C 30


def test_study_path_1_is_the_whole_chain(scale):
    path = language_path("none", "sfi_d", scale, study_path=1)
    assert [s.weeks for s in path.steps] == [48, 40, 30, 30]


def test_started_path_uses_the_following_course_weeks(scale):
    # Passed C already: D is 30 weeks whatever the path.
    assert [s.weeks for s in language_path("sfi_c", "sfi_d", scale, study_path=3).steps] == [30]


def test_integrated_education_offered_when_entry_level_reached(scale):
    kombo = IntegratedOption("sfi-kombo-underskoterska", "sfi_b")
    path = language_path("sfi_c", "sas_1", scale, integrated=(kombo,))
    assert path.integrated_alternatives == ("sfi-kombo-underskoterska",)
    assert levels(path) == ["sfi_d", "sas_grund", "sas_1"]
    assert language_path("sfi_a", "sas_1", scale, integrated=(kombo,)).integrated_alternatives == ()
    assert language_path(None, "sas_1", scale, integrated=(kombo,)).integrated_alternatives == ()


def test_unknown_level_id_is_an_error(scale):
    with pytest.raises(KeyError):
        language_path("klingon", "sfi_d", scale)


def test_reaches(scale):
    assert reaches("sas_1", "sfi_d", scale)
    assert not reaches("sfi_c", "sfi_d", scale)
    assert not reaches(None, "sfi_a", scale)
    assert reaches(None, None, scale)


def test_plain_scale_without_content():
    scale = LanguageScale.from_plain([
        {"id": "none", "family": "none", "rank": 0, "formal_merit": False},
        {"id": "x1", "family": "sfi", "rank": 10, "course_form": "sfi", "course_weeks": 3},
        {"id": "x2", "family": "sas", "rank": 20, "course_form": "sas", "course_weeks": None},
    ])
    path = language_path("none", "x2", scale)
    assert levels(path) == ["x1", "x2"]
    assert not path.weeks_known and path.weeks == 3


def test_deterministic(scale):
    assert language_path("sfi_b", "sas_3", scale) == language_path("sfi_b", "sas_3", scale)
