"""Core competences, suggestions that fit the person, and similar occupations, on the real
JobTech taxonomy in ../shared/jobtech (issue 11)."""
from __future__ import annotations

import re

import pytest

from app.engine import Preferences, compute_gap, rank_targets
from app.engine.core import CORE_MAX, CORE_MIN, core_competences
from app.engine.gap import similar_occupations
from app.engine.levels import EDUCATION_RANK, required_education, requires_higher_education


@pytest.fixture(scope="module")
def by_ssyk(jobtech_catalog):
    return {g.ssyk: g for g in jobtech_catalog.groups.values()}


@pytest.fixture(scope="module")
def skill_id(jobtech_catalog):
    ids = {s.label: s.id for s in jobtech_catalog.skills.values()}
    return ids.__getitem__


def _core_labels(catalog, group):
    return [catalog.skills[s].label for s in core_competences(catalog, group)]


# ------------------------------------------------------------------ the core


NOT_CORE = {
    # lorry drivers: cranes, concrete pumps, animal transport, timber
    "8332": r"kran|betongpump|djurtransport|timmer",
    # cooks: single cuisines and the ship-kitchen bundle
    "5120": r"teppanyaki|dim sum|etiopiskt|kinesiskt|sushi|visum till usa|sjöfart|basic safety",
    # care assistants: cycle couriers in city traffic
    "5321": r"cykla|cykel",
}
CORE_INCLUDES = {
    "8332": {"Yrkeskompetensbevis för förare (YKB)", "Digitalt färdskrivarkort", "Trafiksäkerhetsregler"},
    "5120": {"Livsmedelshygien", "Storkök", "Restaurangkök"},
    "5321": {"Omvårdnad", "Hemtjänst"},
}


@pytest.mark.parametrize("ssyk", sorted(NOT_CORE))
def test_the_core_is_what_a_counsellor_names_first(jobtech_catalog, by_ssyk, ssyk):
    labels = _core_labels(jobtech_catalog, by_ssyk[ssyk])
    assert CORE_MIN <= len(labels) <= CORE_MAX
    unwanted = [label for label in labels if re.search(NOT_CORE[ssyk], label, re.IGNORECASE)]
    assert unwanted == []
    assert CORE_INCLUDES[ssyk] <= set(labels), labels
    # and the rare specialities are really in the profile, just not in the core
    profile = {jobtech_catalog.skills[s].label for s in by_ssyk[ssyk].profile}
    assert any(re.search(NOT_CORE[ssyk], label, re.IGNORECASE) for label in profile - set(labels))


def test_every_group_has_a_core_within_its_profile(jobtech_catalog):
    for group in jobtech_catalog.groups.values():
        core = core_competences(jobtech_catalog, group)
        assert min(CORE_MIN, len(group.profile)) <= len(core) <= CORE_MAX, group.ssyk
        assert set(core) <= group.profile and len(set(core)) == len(core)


def test_gap_reads_x_of_y_core_and_the_rest_by_kind(jobtech_catalog, by_ssyk, skill_id):
    have = {skill_id("Digitalt färdskrivarkort"), skill_id("Yrkeskompetensbevis för förare (YKB)"), skill_id("Truckvana")}
    gap = compute_gap(jobtech_catalog, "8332", have)
    head = gap.explanations[0]
    assert head.key == "have_n_of_m"
    assert head.params["have"] == 2 and head.params["total"] == len(gap.most_important)
    assert head.params["share"] == pytest.approx(2 / len(gap.most_important), abs=1e-3)
    assert gap.core_share == pytest.approx(2 / len(gap.most_important))
    rest = [s for ids in gap.other_missing_by_kind.values() for s in ids]
    assert set(rest) == gap.missing - set(gap.most_important)
    assert set(gap.other_missing_by_kind) == {"taught", "licence", "experience"}


# ------------------------------------------------------------------ suggestions that fit


@pytest.mark.parametrize("level", ["none", "compulsory"])
@pytest.mark.parametrize("n_skills", [0, 1, 5])
@pytest.mark.parametrize("interests", [{}, {"S": 1.0}, {"R": 1.0}, {"I": 1.0}])
def test_no_higher_education_leads_without_upper_secondary(jobtech_catalog, by_ssyk, skill_id, level, n_skills, interests):
    care = ["Omvårdnad", "Basala hygienrutiner inom hälso- och sjukvård", "Hemtjänst", "Demensvård",
            "Patientkommunikation"]
    have = {skill_id(label) for label in care[:n_skills]}
    prefs = Preferences(interests=interests, education_level=level)
    top = rank_targets(jobtech_catalog, have, preferences=prefs, top=3)
    assert not any(requires_higher_education(by_ssyk[t.ssyk]) for t in top), [(t.ssyk, t.label) for t in top]
    for t in top:
        assert t.reasons, "every suggestion says why"


def test_a_named_goal_is_not_held_back_by_education(jobtech_catalog, by_ssyk, skill_id):
    have = {skill_id("Omvårdnad")}
    plain = rank_targets(jobtech_catalog, have, preferences=Preferences(education_level="compulsory"))
    named = rank_targets(jobtech_catalog, have, preferences=Preferences(education_level="compulsory", goals=frozenset({"2221"})))
    rank = {n: [t.ssyk for t in r].index("2221") for n, r in (("plain", plain), ("named", named))}
    assert rank["named"] < rank["plain"]
    nurse = next(t for t in named if t.ssyk == "2221")
    keys = [r.key for r in nurse.reasons]
    assert "named_goal" in keys and "education_level_above" not in keys
    held = next(t for t in plain if t.ssyk == "2221")
    assert "education_level_above" in [r.key for r in held.reasons]


def test_interests_lead_when_nothing_is_ticked(jobtech_catalog, by_ssyk):
    care = rank_targets(jobtech_catalog, set(), preferences=Preferences(interests={"S": 1.0}, education_level="compulsory"), top=10)
    assert sum(t.ssyk.startswith("53") for t in care) >= 5     # care occupations (SSYK 53)
    outdoors = rank_targets(jobtech_catalog, set(), preferences=Preferences(interests={"R": 1.0}, education_level="compulsory"), top=10)
    assert not {t.ssyk for t in care} & {t.ssyk for t in outdoors}
    for t in care + outdoors:
        assert not t.is_match and t.match_score == 0.0         # suggested, not a "match"
        assert {"interest_fit", "no_education_needed", "education_level_ok"} & {r.key for r in t.reasons}


def test_no_education_names_come_from_the_taxonomy(jobtech_catalog, by_ssyk):
    assert sum(g.no_education_names for g in jobtech_catalog.groups.values()) == 112
    assert by_ssyk["5330"].no_education_names >= 1          # Vårdbiträde
    assert all(g.no_education_names <= g.occupation_names for g in jobtech_catalog.groups.values())
    top = rank_targets(jobtech_catalog, set(), preferences=Preferences(education_level="none"), top=10)
    assert all(by_ssyk[t.ssyk].no_education_names for t in top)
    assert all("no_education_needed" in {r.key for r in t.reasons} for t in top)


def test_required_education_from_ssyk_skill_level(by_ssyk):
    assert required_education(by_ssyk["2221"]) == ("university", "ssyk")
    assert required_education(by_ssyk["8332"]) == ("upper_secondary", "ssyk")
    assert required_education(by_ssyk["9111"]) == ("compulsory", "ssyk")
    assert required_education(by_ssyk["0110"])[0] == "university"
    assert required_education(by_ssyk["8332"], {"8332": "short"}) == ("short", "curated")
    assert all(required_education(g)[0] in EDUCATION_RANK for g in by_ssyk.values())


def test_with_interests_and_skills_the_match_still_counts(jobtech_catalog, skill_id):
    have = {skill_id(s) for s in ("Lastsäkring", "Yrkeskompetensbevis för förare (YKB)", "Digitalt färdskrivarkort",
                                  "Sparsam körning", "Trafiksäkerhetsregler")}
    top = rank_targets(jobtech_catalog, have, preferences=Preferences(interests={"S": 1.0}, education_level="compulsory"), top=5)
    assert "8332" in {t.ssyk for t in top[:3]} and all(t.is_match for t in top[:3])


# ------------------------------------------------------------------ similar occupations


def test_similar_occupations_for_every_group(jobtech_catalog):
    counts = []
    for group in jobtech_catalog.groups.values():
        similar = similar_occupations(jobtech_catalog, group.id)
        assert len(similar) <= 5
        assert group.id not in {s.group_id for s in similar}
        for s in similar:
            assert s.have and s.reason.key in {"same_work", "has_core", "shares_skills"}
            if s.reason.key != "shares_skills":
                assert 1 <= s.reason.params["have"] <= s.reason.params["total"]
        counts.append(len(similar))
    assert sum(n >= 3 for n in counts) >= 0.95 * len(counts)


@pytest.mark.parametrize("ssyk, expected", [
    ("8332", {"8331"}),            # lorry -> bus driver
    ("5321", {"5330", "5343"}),    # care assistant, home care -> care aide, personal assistant
    ("9111", {"9119", "5151"}),    # cleaner -> other home service, cleaning supervisor
    ("4321", {"4322", "8344"}),    # warehouse supervisor -> warehouse staff, fork-lift driver
])
def test_similar_occupations_a_counsellor_would_name(jobtech_catalog, ssyk, expected):
    similar = similar_occupations(jobtech_catalog, ssyk)
    assert expected <= {s.ssyk for s in similar}, [(s.ssyk, s.label, s.reason) for s in similar]
    shares = [s.reason.params["have"] / s.reason.params["total"] for s in similar if s.reason.key != "shares_skills"]
    assert shares == sorted(shares, reverse=True)       # the reasons read in order


def test_same_work_another_setting(jobtech_catalog):
    by = {s.ssyk: s for s in similar_occupations(jobtech_catalog, "5321")}
    assert by["5330"].reason.key == "same_work"


def test_university_work_asks_for_the_swedish_of_university_entry(jobtech_catalog):
    import dataclasses

    catalog = dataclasses.replace(jobtech_catalog, language_levels={"sfi_b": 2, "sfi_d": 4, "sas_1": 6, "sas_3": 8})
    by = {t.ssyk: t for t in rank_targets(catalog, set(), preferences=Preferences(swedish_level="sfi_b"))}
    below = {r.key: r.params for r in by["2221"].reasons}["swedish_below"]
    assert below["required"] == "sas_3" and by["2221"].preference_factor < 1
    assert not {"swedish_below", "swedish_ok"} & {r.key for r in by["9111"].reasons}   # no requirement known


def test_the_rest_of_the_gap_lists_rare_specialities_last(jobtech_catalog, by_ssyk):
    gap = compute_gap(jobtech_catalog, "5120", set())
    taught = [jobtech_catalog.skills[s].label for s in gap.other_missing_by_kind["taught"]]
    first_cuisine = min(i for i, label in enumerate(taught) if re.search(r"kök$|sushi|dim sum|teppanyaki", label, re.I)
                        and label not in ("Restaurangkök", "Storkök"))
    assert first_cuisine > len(taught) // 3, taught[:first_cuisine + 1]
