"""compute_gap and rank_targets on small hand-built catalogues."""
from __future__ import annotations

import dataclasses

import pytest

from app.engine import (
    SKILL_KIND_EXPERIENCE,
    SKILL_KIND_LICENCE,
    SKILL_KIND_TAUGHT,
    Catalog,
    Education,
    Group,
    Preferences,
    Skill,
    compute_gap,
    rank_targets,
)
from app.engine.core import core_competences
from app.engine.gap import PRIOR_WEIGHT, PreferenceWeights, riasec_of
from app.engine.index import index_for


def make_catalog(groups: dict[str, tuple[str, set[str]]], **kwargs) -> Catalog:
    """groups: id -> (ssyk, profile). Skill kinds come from a prefix: lic-, exp-, else taught."""
    skill_ids = sorted({s for _, profile in groups.values() for s in profile} | set(kwargs.pop("extra_skills", ())))

    def kind(skill_id: str) -> str:
        if skill_id.startswith("lic-"):
            return SKILL_KIND_LICENCE
        if skill_id.startswith("exp-"):
            return SKILL_KIND_EXPERIENCE
        return SKILL_KIND_TAUGHT

    return Catalog(
        skills={s: Skill(id=s, label=s.upper(), kind=kind(s)) for s in skill_ids},
        groups={gid: Group(id=gid, ssyk=ssyk, label=gid.title(), profile=frozenset(profile))
                for gid, (ssyk, profile) in groups.items()},
        **kwargs,
    )


# ------------------------------------------------------------------ IDF weighting


@pytest.fixture
def idf_catalog() -> Catalog:
    """'common' is in every profile, 'rare' only in group R; R and C are the same size."""
    groups = {
        "r": ("1111", {"rare", "r1", "r2", "r3"}),
        "c": ("2111", {"common", "c1", "c2", "c3"}),
    }
    for n in range(8):
        groups[f"filler{n}"] = ("9111", {"common", f"f{n}a", f"f{n}b", f"f{n}c"})
    groups["r"][1].add("common")
    return make_catalog(groups)


def test_rare_skills_weigh_more_than_common_ones(idf_catalog):
    index = index_for(idf_catalog)
    assert index.df["common"] == 10 and index.df["rare"] == 1
    assert index.weight["rare"] > 2 * index.weight["common"]


def test_a_shared_rare_skill_ranks_above_a_shared_common_skill(idf_catalog):
    # The person has one skill of R's profile (rare) and one of C's (c1, as rare as 'rare'),
    # plus 'common' which both have: equal counts, but C's extra 'common' is weak evidence.
    results = rank_targets(idf_catalog, {"rare", "common"})
    order = [t.group_id for t in results]
    assert order[0] == "r"
    assert order.index("r") < order.index("c")
    r, c = results[0], next(t for t in results if t.group_id == "c")
    assert r.have == {"rare", "common"} and c.have == {"common"}
    assert r.match_score > 2 * c.match_score


def test_small_profile_with_one_common_skill_does_not_float_up():
    groups = {
        "tiny": ("1111", {"common", "t1"}),
        "big": ("2111", {"common", "a", "b", "c", "d", "e", "f", "g"}),
    }
    for n in range(6):
        groups[f"filler{n}"] = ("9111", {"common", f"x{n}"})
    catalog = make_catalog(groups)
    results = rank_targets(catalog, {"common", "a", "b", "c"})
    assert results[0].group_id == "big"


# ------------------------------------------------------------------ explanations and the core


@pytest.fixture
def explain_catalog() -> Catalog:
    # 'main' has 20 skills s00..s19. s00..s09 are shared with main's close relatives 'near*';
    # s10..s14 appear only in 'main' (rare); s15..s19 in many far-away groups (generic).
    main = {f"s{n:02d}" for n in range(20)}
    groups = {"main": ("3111", main)}
    for n in range(6):
        groups[f"near{n}"] = ("3112", {f"s{m:02d}" for m in range(10 - n)} | {f"n{n}"})
    for n in range(12):
        groups[f"far{n}"] = ("9111", {f"s{m:02d}" for m in range(15, 20)} | {f"o{n}{k}" for k in range(12)})
    return make_catalog(groups)


def test_core_is_what_close_occupations_share_not_what_is_rare(explain_catalog):
    core = core_competences(explain_catalog, "main")
    assert set(core) == {f"s{n:02d}" for n in range(10)}   # shared with the close relatives
    assert not set(core) & {f"s{n:02d}" for n in range(10, 20)}   # not the rare, not the generic


def test_a_curated_core_wins(explain_catalog):
    groups = dict(explain_catalog.groups)
    groups["main"] = dataclasses.replace(groups["main"], core=("s12", "s03", "not-in-profile", "s12"))
    catalog = dataclasses.replace(explain_catalog, groups=groups)
    assert core_competences(catalog, "main") == ("s12", "s03")


def test_headline_counts_the_core_competences(explain_catalog):
    have = {"s00", "s02", "s04", "s05", "s06", "s07", "s08", "s12", "s19"}
    target = next(t for t in rank_targets(explain_catalog, have) if t.group_id == "main")
    e = target.explanation
    assert e.key == "have_n_of_m"
    assert e.params["total"] == 10 and e.params["have"] == 7       # s12, s19 are not core
    assert e.params["share"] == 0.7
    core = core_competences(explain_catalog, "main")
    assert e.params["missing"] == tuple(s for s in core if s not in have)   # in core order
    assert set(e.params["missing"]) == {"s01", "s03", "s09"}
    assert e.params["more_missing"] == 0
    assert len(target.have) == 9 and len(target.missing) == 11
    gap = compute_gap(explain_catalog, "main", have)
    assert gap.most_important == core_competences(explain_catalog, "main")
    assert len(gap.most_important_have) == 7 and gap.core_share == pytest.approx(0.7)
    assert gap.explanations[0] == e
    rest = {s for ids in gap.other_missing_by_kind.values() for s in ids}
    assert rest == gap.missing - set(gap.most_important)


def test_headline_keys_for_all_and_none(explain_catalog):
    core = set(core_competences(explain_catalog, "main"))
    full = next(t for t in rank_targets(explain_catalog, core) if t.group_id == "main")
    assert full.explanation.key == "have_all_of_m" and full.explanation.params["missing"] == ()
    none = next(t for t in rank_targets(explain_catalog, {"o3"}) if t.group_id == "main")
    assert none.explanation.key == "have_none_of_m"
    assert none.explanation.params["have"] == 0 and none.have == frozenset() and not none.is_match
    # only rare and generic skills: still none of the core, though a match
    low = next(t for t in rank_targets(explain_catalog, {"s12", "s19"}) if t.group_id == "main")
    assert low.explanation.key == "have_none_of_m" and low.have == {"s12", "s19"} and low.is_match


def test_explanations_are_data_not_sentences(explain_catalog):
    for target in rank_targets(explain_catalog, {"s00", "s05"}):
        assert target.explanation.key.isidentifier()
        for value in target.explanation.params.values():
            assert isinstance(value, (int, float, tuple))


# ------------------------------------------------------------------ gap


@pytest.fixture
def care_catalog() -> Catalog:
    groups = {
        "care": ("5321", {"omvardnad", "hygien", "dokumentation", "lic-yrkestitel", "exp-hemtjanst", "exp-aldreboende"}),
        "other": ("9111", {"stadning", "hygien"}),
    }
    educations = (
        Education(id="vux-usk", label="Undersköterska", form="komvux_gymnasial", weeks=60,
                  gives=frozenset({"omvardnad", "dokumentation", "lic-yrkestitel"}), leads_to=frozenset({"5321"})),
        Education(id="kort-kurs", label="Dokumentation", form="kurs", weeks=4,
                  gives=frozenset({"dokumentation"})),
        Education(id="irrelevant", label="Truck", form="kurs", weeks=2, gives=frozenset({"truck"})),
    )
    return make_catalog(groups, educations=educations, extra_skills={"truck"})


def test_gap_groups_missing_by_kind_and_names_covering_educations(care_catalog):
    gap = compute_gap(care_catalog, "care", {"hygien", "exp-hemtjanst"})
    assert gap.have == {"hygien", "exp-hemtjanst"}
    assert gap.missing == {"omvardnad", "dokumentation", "lic-yrkestitel", "exp-aldreboende"}
    assert set(gap.missing_by_kind[SKILL_KIND_TAUGHT]) == {"omvardnad", "dokumentation"}
    assert gap.missing_by_kind[SKILL_KIND_LICENCE] == ("lic-yrkestitel",)
    assert gap.missing_by_kind[SKILL_KIND_EXPERIENCE] == ("exp-aldreboende",)
    assert [c.education_id for c in gap.educations] == ["vux-usk", "kort-kurs"]
    assert gap.educations[0].leads_to and set(gap.educations[0].skills) == {"omvardnad", "dokumentation", "lic-yrkestitel"}
    assert gap.covered_by["dokumentation"] == ("vux-usk", "kort-kurs")
    assert "exp-aldreboende" not in gap.covered_by
    keys = [e.key for e in gap.explanations]
    assert keys[0] == "have_n_of_m"
    assert {"missing_taught", "missing_licence", "missing_experience", "education_covers"} <= set(keys)
    taught = next(e for e in gap.explanations if e.key == "missing_taught")
    assert set(taught.params["covered"]) == {"omvardnad", "dokumentation"} and taught.params["uncovered"] == ()
    assert 0 < gap.coverage < 1 and gap.count_coverage == pytest.approx(2 / 6)


def test_gap_agrees_with_ranking_and_accepts_ssyk(care_catalog):
    have = {"hygien", "omvardnad"}
    gap = compute_gap(care_catalog, "5321", have)
    target = next(t for t in rank_targets(care_catalog, have) if t.group_id == "care")
    assert gap.group_id == "care"
    assert gap.match_score == target.match_score
    assert gap.have == target.have and gap.missing == target.missing
    assert gap.coverage == target.coverage
    with pytest.raises(KeyError):
        compute_gap(care_catalog, "nope", have)


# ------------------------------------------------------------------ preferences


@pytest.fixture
def two_way_catalog() -> Catalog:
    """A person who fits 'builder' (7111, R) slightly better than 'carer' (5321, S)."""
    return make_catalog(
        {
            "builder": ("7111", {"a", "b", "c", "x1", "x2", "x3"}),
            "carer": ("5321", {"a", "b", "c", "y1", "y2", "y3", "y4", "y5"}),
            "clerk": ("4111", {"z1", "z2"}),
        },
        language_levels={"sfi-a": 1, "sfi-d": 4, "sva-3": 7},
        educations=(
            Education(id="long", label="Long", form="yrkeshogskola", weeks=80, leads_to=frozenset({"7111"})),
            Education(id="short", label="Short", form="komvux_gymnasial", weeks=20, leads_to=frozenset({"5321"})),
        ),
    )


def _order(results):
    return [t.group_id for t in results]


def test_without_preferences_score_is_the_match(two_way_catalog):
    results = rank_targets(two_way_catalog, {"a", "b", "c"})
    assert _order(results)[:2] == ["builder", "carer"]
    assert all(t.score == t.match_score and t.reasons == () and t.preference_factor == 1.0 for t in results)


@pytest.mark.parametrize("prefs", [
    Preferences(interests={"S": 1.0}),
    Preferences(outlook={"7111": -1.0, "5321": 1.0}),
    Preferences(max_education_weeks=40),
    Preferences(swedish_level="sfi-d", language_requirements={"7111": "sva-3"}),
    Preferences(commute={"7111": 0.0, "5321": 1.0}),
], ids=["interests", "outlook", "education", "language", "commute"])
def test_each_preference_can_reorder_while_match_stays(two_way_catalog, prefs):
    plain = {t.group_id: t for t in rank_targets(two_way_catalog, {"a", "b", "c"})}
    shaped = rank_targets(two_way_catalog, {"a", "b", "c"}, preferences=prefs)
    assert _order(shaped)[:2] == ["carer", "builder"]
    for t in shaped:
        assert t.match_score == plain[t.group_id].match_score        # the pure match stays visible
        # score = (match + PRIOR_WEIGHT * prior) * factor, prior in 0..1
        assert t.match_score * t.preference_factor <= t.score <= (t.match_score + PRIOR_WEIGHT) * t.preference_factor
    builder = next(t for t in shaped if t.group_id == "builder")
    assert builder.reasons, "a moved target says why"
    assert all(r.key.isidentifier() and "factor" in r.params for r in builder.reasons)


def test_preference_reason_keys(two_way_catalog):
    prefs = Preferences(interests={"R": 1}, outlook={"7111": 0.5}, max_education_weeks=40,
                        swedish_level="sfi-d", language_requirements={"7111": "sva-3", "5321": "sfi-d"},
                        commute={"7111": 0.5})
    by_id = {t.group_id: t for t in rank_targets(two_way_catalog, {"a"}, preferences=prefs)}
    assert [r.key for r in by_id["builder"].reasons] == [
        "interest_fit", "outlook", "education_too_long", "swedish_below", "commute"]
    assert [r.key for r in by_id["carer"].reasons] == ["interest_fit", "education_fits", "swedish_ok"]
    below = by_id["builder"].reasons[3].params
    assert below["required"] == "sva-3" and below["level"] == "sfi-d" and below["steps"] == 3


def test_catalog_language_requirements_are_used(two_way_catalog):
    catalog = dataclasses.replace(two_way_catalog, language_requirements={"7111": "sva-3"})
    shaped = rank_targets(catalog, {"a", "b", "c"}, preferences=Preferences(swedish_level="sfi-a"))
    assert _order(shaped)[:2] == ["carer", "builder"]


def test_zero_weights_switch_preferences_off(two_way_catalog):
    prefs = Preferences(interests={"S": 1.0}, weights=PreferenceWeights(interest=0.0))
    shaped = rank_targets(two_way_catalog, {"a", "b", "c"}, preferences=prefs)
    assert _order(shaped) == _order(rank_targets(two_way_catalog, {"a", "b", "c"}))
    assert all(t.preference_factor == 1.0 and t.reasons == () for t in shaped)


def test_riasec_table_covers_every_major_group():
    for digit in "0123456789":
        leaning = riasec_of(digit + "111")
        assert leaning and abs(sum(leaning.values()) - 1.0) < 1e-9
        assert set(leaning) <= set("RIASEC")


# ------------------------------------------------------------------ results, determinism


def test_results_are_frozen_and_top_limits(two_way_catalog):
    results = rank_targets(two_way_catalog, {"a"})
    assert len(results) == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        results[0].score = 1.0
    assert rank_targets(two_way_catalog, {"a"}, top=2) == results[:2]
    assert rank_targets(two_way_catalog, {"a"}, top=0) == ()


def test_empty_and_unknown_skills_give_zero_scores(two_way_catalog):
    for have in (set(), {"not-a-skill"}):
        results = rank_targets(two_way_catalog, have)
        assert [t.score for t in results] == [0.0, 0.0, 0.0]
        assert _order(results) == ["clerk", "carer", "builder"]   # ties break by SSYK code
        assert all(t.explanation.key == "have_none_of_m" for t in results)


def test_ranking_is_deterministic_and_order_independent(two_way_catalog):
    first = rank_targets(two_way_catalog, ["c", "b", "a"])
    second = rank_targets(two_way_catalog, iter(["a", "b", "c", "a"]))
    assert first == second


def test_lazily_completed_fields_behave_like_plain_fields(two_way_catalog):
    import pickle

    first = rank_targets(two_way_catalog, {"a", "c"})
    builder = next(t for t in first if t.group_id == "builder")
    as_dict = dataclasses.asdict(builder)
    assert as_dict["missing"] == {"b", "x1", "x2", "x3"} == builder.missing
    assert as_dict["explanation"]["key"] == builder.explanation.key
    assert pickle.loads(pickle.dumps(builder)) == builder
    assert dataclasses.replace(builder, score=2.0).missing == builder.missing
    assert first == rank_targets(two_way_catalog, {"a", "c"})
    assert "missing" in repr(rank_targets(two_way_catalog, {"a", "c"})[0])
    with pytest.raises(AttributeError):
        builder.no_such_field  # noqa: B018


def test_a_single_string_is_rejected(two_way_catalog):
    with pytest.raises(TypeError):
        rank_targets(two_way_catalog, "a")
    with pytest.raises(TypeError):
        compute_gap(two_way_catalog, "builder", "a")


@pytest.mark.parametrize("alpha,family_weight", [(0.0, 0.0), (0.3, 0.0), (0.0, 0.2), (0.5, 0.4)])
def test_one_group_match_is_the_all_groups_match_to_the_bit(jobtech_catalog, alpha, family_weight):
    # compute_gap scores its one group only (_group_match); it must give the very floats the
    # ranking's _sparse_match gives that group
    import random

    from app.engine.gap import _group_match, _sparse_match

    index = index_for(jobtech_catalog)
    pool = sorted({s for g in index.groups for s in g.profile})
    rng = random.Random(7)
    for have in [set(), {"not-a-skill"}] + [set(rng.sample(pool, n)) for n in (1, 5, 30, 80)]:
        match, fam_sim, terms, _ = _sparse_match(index, have, alpha, family_weight)
        for pos in rng.sample(range(len(index.groups)), 40) + sorted(terms)[:20]:
            assert _group_match(index, pos, have, alpha, family_weight) == \
                (match[pos], terms[pos][0] if pos in terms else 0.0)
