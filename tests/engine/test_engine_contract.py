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

# Well-known groups: (SSYK, groups a counsellor names as a move from there: must be in the top 10).
WELL_KNOWN = {
    "3511": {"3512", "3513", "3514", "3515"},          # Drifttekniker, IT -> support, sysadmin, network
    "5321": {"5323", "5330", "5343"},                  # Undersköterskor, hemtjänst -> vård, vårdbiträde, assistent
    "7111": {"7112", "7113", "7114", "7116", "7119"},  # Träarbetare, snickare -> other building trades
    "8332": {"8331", "8344", "4322"},                  # Lastbilsförare -> bus, fork-lift, warehouse
    "4321": {"4322", "8344", "8332"},                  # Arbetsledare lager -> lager, truck, lorry
    "2611": {"2612", "2613", "2614", "2615", "2619"},  # Advokater -> other lawyers
    "9111": {"9119", "5151"},                          # Städare -> other home service, cleaning supervisor
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
def test_whole_profile_ranks_itself_first_and_known_moves_high(jobtech_catalog, by_ssyk, ssyk):
    results = rank_targets(jobtech_catalog, by_ssyk[ssyk].profile)
    assert results[0].ssyk == ssyk
    assert results[0].explanation.key == "have_all_of_m" and results[0].missing == frozenset()
    top10 = {t.ssyk for t in results[:10]}
    assert WELL_KNOWN[ssyk] <= top10, f"known moves missing from the top 10: {WELL_KNOWN[ssyk] - top10}"


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


def _expert_pairs(catalog):
    """(source SSYK, target SSYK) per high-rated cross-group pair of the experts' dev half."""
    def concepts(name):
        return json.loads((JOBTECH / name).read_text(encoding="utf-8"))["data"]["concepts"]
    group_of = {}

    def walk(concept, code=None):
        if concept.get("type") == "ssyk-level-4":
            code = concept.get("ssyk_code_2012")
        if concept.get("type") == "occupation-name":
            group_of[concept["id"]] = code
        for child in concept.get("narrower") or ():
            walk(child, code)
    for concept in concepts("the-ssyk-hierarchy-with-occupations.json"):
        walk(concept)
    return [(group_of[c["id"]], group_of[t["id"]]) for c in concepts("substitutability-dev-half.json")
            for t in c["substitutes"]
            if t["substitutability_percentage"] == 75 and group_of[t["id"]] != group_of[c["id"]]]


def test_occupations_to_move_into_beat_plain_tfidf_on_the_expert_judgements(jobtech_catalog, by_ssyk):
    """The experts' dev half: a source occupation's group profile as 'have'; where do the groups
    of its high-rated substitutes land? (benchmarks/engine_quality.py prints the figures.)"""
    pairs = _expert_pairs(jobtech_catalog)
    assert len(pairs) > 500
    figures = {}
    for name, rank in (("engine", lambda have: [t.ssyk for t in rank_targets(jobtech_catalog, have)]),
                       ("tfidf", lambda have: _reference_cosine_rank(jobtech_catalog, have))):
        cache, rr, hits = {}, 0.0, 0
        for source, target in pairs:
            if source not in cache:
                cache[source] = [c for c in rank(by_ssyk[source].profile) if c != source]
            r = cache[source].index(target) + 1
            rr += 1 / r
            hits += r <= 10
        figures[name] = (rr / len(pairs), hits / len(pairs))
    (mrr, recall), (ref_mrr, ref_recall) = figures["engine"], figures["tfidf"]
    assert mrr > ref_mrr + 0.01 and recall > ref_recall + 0.03, figures


def test_no_ssyk_family_bonus_for_a_group_that_shares_nothing(jobtech_catalog, by_ssyk):
    """A family neighbour with nothing in common is not a match (issue 11: "0 of 46")."""
    for t in rank_targets(jobtech_catalog, set(sorted(by_ssyk["4321"].profile)[:5])):
        if not t.have:
            assert t.match_score == 0.0 and not t.is_match


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
