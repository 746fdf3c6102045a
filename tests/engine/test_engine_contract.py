"""The ranking contract against the real JobTech taxonomy in ../shared/jobtech."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.content.importers.jobtech import catalog_from_jobtech
from app.engine import compute_gap, rank_targets

REPO = Path(__file__).resolve().parents[2]
JOBTECH = Path(__file__).parents[2].parent / "shared" / "jobtech"

# Well-known groups: (SSYK, groups of the same level 3 that must be in the top 10).
WELL_KNOWN = {
    "3511": {"3512", "3513", "3514", "3515"},          # Drifttekniker, IT
    "5321": {"5323", "5325", "5326"},                  # Undersköterskor, hemtjänst ...
    "7111": {"7112", "7113", "7114", "7115", "7116", "7119"},   # Träarbetare, snickare
    "8332": {"8331"},                                  # Lastbilsförare
    "4321": {"4322", "4323"},                          # Arbetsledare inom lager och terminal
    "2611": {"2612", "2613", "2614", "2615", "2619"},  # Advokater
    "9111": {"9119"},                                  # Städare
}


@pytest.fixture(scope="module")
def by_ssyk(jobtech_catalog):
    return {g.ssyk: g for g in jobtech_catalog.groups.values()}


def test_from_jobtech_reads_the_official_exports(jobtech_catalog, by_ssyk):
    assert len(jobtech_catalog.groups) == 400
    assert len(jobtech_catalog.skills) == 6657
    assert sum(len(g.profile) for g in jobtech_catalog.groups.values()) == 17517
    group = jobtech_catalog.groups["13md_uyV_BNG"]
    assert group.ssyk == "3511" and group.label == "Drifttekniker, IT" and group.definition
    assert all(len(code) == 4 and code.isdigit() for code in by_ssyk)


def test_from_jobtech_accepts_a_relative_path(monkeypatch):
    monkeypatch.chdir(REPO)
    catalog = catalog_from_jobtech("../shared/jobtech")
    assert len(catalog.groups) == 400


def test_contract_fields_and_all_groups(jobtech_catalog, by_ssyk):
    profile = by_ssyk["5321"].profile
    have = set(sorted(profile)[:20])
    results = rank_targets(jobtech_catalog, have)
    assert len(results) == 400
    assert len({r.group_id for r in results}) == 400
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)
    r = results[0]
    assert r.group_id in jobtech_catalog.groups and r.ssyk == jobtech_catalog.groups[r.group_id].ssyk
    assert isinstance(r.score, float)
    for t in results:
        group = jobtech_catalog.groups[t.group_id]
        assert t.have | t.missing == group.profile and not t.have & t.missing
        assert t.have <= have
        assert t.score == t.match_score


@pytest.mark.parametrize("ssyk", sorted(WELL_KNOWN))
def test_whole_profile_ranks_itself_first_and_siblings_high(jobtech_catalog, by_ssyk, ssyk):
    results = rank_targets(jobtech_catalog, by_ssyk[ssyk].profile)
    assert results[0].ssyk == ssyk
    assert results[0].explanation.key == "have_all_of_m" and results[0].missing == frozenset()
    top10 = {t.ssyk for t in results[:10]}
    assert WELL_KNOWN[ssyk] <= top10, f"siblings missing from the top 10: {WELL_KNOWN[ssyk] - top10}"


def _reference_cosine_rank(catalog, have):
    groups = list(catalog.groups.values())
    df = {}
    for g in groups:
        for s in g.profile:
            df[s] = df.get(s, 0) + 1
    idf = {s: math.log(len(groups) / d) for s, d in df.items()}
    have_norm = math.sqrt(sum(idf[s] ** 2 for s in have if s in idf))
    scored = []
    for g in groups:
        dot = sum(idf[s] ** 2 for s in g.profile & have)
        norm = math.sqrt(sum(idf[s] ** 2 for s in g.profile))
        scored.append((-(dot / (norm * have_norm)), g.ssyk))
    return [code for _, code in sorted(scored)]


def test_siblings_rank_high_across_the_whole_taxonomy_and_beat_plain_tfidf(jobtech_catalog):
    """Every group's whole profile as 'have': share of its SSYK level-3 siblings in the top 10."""
    groups = list(jobtech_catalog.groups.values())
    engine_recall, reference_recall, self_first = [], [], 0
    sample = groups[::4]   # 100 groups keep the test fast; the benchmark runs all 400
    for g in sample:
        siblings = {o.ssyk for o in groups if o.ssyk[:3] == g.ssyk[:3] and o.ssyk != g.ssyk}
        ranked = [t.ssyk for t in rank_targets(jobtech_catalog, g.profile)]
        self_first += ranked[0] == g.ssyk
        if not siblings:
            continue
        top10 = [c for c in ranked if c != g.ssyk][:10]
        engine_recall.append(len(siblings & set(top10)) / len(siblings))
        ref_top10 = [c for c in _reference_cosine_rank(jobtech_catalog, g.profile) if c != g.ssyk][:10]
        reference_recall.append(len(siblings & set(ref_top10)) / len(siblings))
    assert self_first == len(sample)
    engine, reference = sum(engine_recall) / len(engine_recall), sum(reference_recall) / len(reference_recall)
    assert engine >= 0.9
    assert engine > reference + 0.1


def test_gap_on_real_data_classifies_missing_competences(jobtech_catalog, by_ssyk):
    group = by_ssyk["5321"]
    gap = compute_gap(jobtech_catalog, group.id, set())
    labels = {jobtech_catalog.skills[s].label for s in gap.missing_by_kind["experience"]}
    assert {"Servicehus/Äldreboende", "Hemtjänst"} <= labels
    licences = {jobtech_catalog.skills[s].label for s in gap.missing_by_kind["licence"]}
    assert any("yrkestitel" in label for label in licences)
    assert sum(len(v) for v in gap.missing_by_kind.values()) == len(group.profile)


def test_scores_do_not_depend_on_hash_randomisation(jobtech_catalog, by_ssyk):
    """Same ranking, bit for bit, in a process with another PYTHONHASHSEED."""
    have = sorted(by_ssyk["7111"].profile)[:25] + sorted(by_ssyk["5321"].profile)[:10]
    here = [(t.group_id, t.score.hex()) for t in rank_targets(jobtech_catalog, have)]
    code = (
        "import json, sys; from app.engine import rank_targets; "
        "from app.content.importers.jobtech import catalog_from_jobtech; "
        "c = catalog_from_jobtech(sys.argv[1]); have = json.loads(sys.argv[2]); "
        "print(json.dumps([(t.group_id, t.score.hex()) for t in rank_targets(c, have)]))"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345", PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", code, str(JOBTECH), json.dumps(have)],
                         capture_output=True, text=True, env=env, cwd=REPO, check=True).stdout
    assert [tuple(x) for x in json.loads(out)] == here
