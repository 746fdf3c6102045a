"""Ranking quality of "occupations you can move into", judged by Arbetsförmedlingen's experts
(prints figures; asserts nothing).

Reference: ``substitutability-dev-half.json`` (see ../shared/jobtech/README.md). For every
occupation name S and each of its high-rated (75) ``substitutes`` T whose SSYK level-4 group
differs from S's (the cross-group pairs), take the whole competence profile of S's group as
what the person has, rank all 400 groups, drop S's own group, and find T's group:

  MRR    mean reciprocal rank of T's group over the pairs (the figure the README quotes)
  R@10   share of pairs whose T group is in the top 10

The pairs are occupation-name pairs, so a few big groups with many names weigh a lot (the
dev half has 921 pairs but only 79 distinct group pairs). Printed as well, for information:

  grp MRR / grp R@10   the same over the distinct (source group, target group) pairs
  sib MRR              the old proxy: best-ranked SSYK level-3 sibling (experts do not share it)
  self@3 / self@5      mean reciprocal rank of a group for 3 / 5 random skills of its own
                       profile (fixed seed): does a person who ticks a few competences of
                       their occupation see it near the top?

Rows: the plain TF-IDF cosine reference (computed here, in the same run), the engine, and the
engine with one signal taken away at a time, so each signal's share shows. Then the first two
rows again on two halves of the source groups, as a check that the lead is not one group's.

Run: .venv/bin/python benchmarks/engine_quality.py [--jobtech ../shared/jobtech]
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.content.importers.jobtech import catalog_from_jobtech  # noqa: E402
from app.engine import rank_targets  # noqa: E402
from app.engine.gap import FAMILY_WEIGHT, MATCH_ALPHA, match_components  # noqa: E402
from app.engine.index import build_index, length_norms  # noqa: E402

HIGH = 75


def concepts(root: Path, name: str) -> list[dict]:
    with open(root / name, encoding="utf-8") as handle:
        return json.load(handle)["data"]["concepts"]


def occupation_groups(root: Path) -> dict[str, str]:
    """occupation-name id -> SSYK level-4 code."""
    found: dict[str, str] = {}

    def walk(concept, code=None):
        if concept.get("type") == "ssyk-level-4":
            code = concept.get("ssyk_code_2012")
        if concept.get("type") == "occupation-name" and code:
            found[concept["id"]] = code
        for child in concept.get("narrower") or ():
            walk(child, code)

    for concept in concepts(root, "the-ssyk-hierarchy-with-occupations.json"):
        walk(concept)
    return found


def expert_pairs(root: Path, position: dict[str, int]) -> list[tuple[int, int]]:
    """(source group position, target group position) per high-rated cross-group name pair."""
    group_of = occupation_groups(root)
    pairs = []
    for concept in concepts(root, "substitutability-dev-half.json"):
        source = group_of.get(concept["id"])
        for item in concept.get("substitutes") or ():
            target = group_of.get(item["id"])
            if (item.get("substitutability_percentage") == HIGH and source and target and source != target
                    and source in position and target in position):
                pairs.append((position[source], position[target]))
    return pairs


def plain_idf(df: int, n_groups: int) -> float:
    return math.log(n_groups / df) if df else math.log(n_groups)


def tfidf_scorer(groups):
    """Reference: plain TF-IDF cosine (binary tf, idf = ln(N/df)) over the group profiles."""
    df = Counter(s for g in groups for s in g.profile)
    idf2 = {s: math.log(len(groups) / d) ** 2 for s, d in df.items()}
    norms = [math.sqrt(math.fsum(idf2[s] for s in sorted(g.profile))) for g in groups]

    def score(have):
        return [math.fsum(idf2[s] for s in sorted(g.profile & have)) / n if n else 0.0
                for g, n in zip(groups, norms)]
    return score


class Ranks:
    """Rank of every group for a source group's profile (source excluded), cached per source."""

    def __init__(self, groups, score_fn):
        self.groups, self.score_fn, self.cache = groups, score_fn, {}

    def __call__(self, source: int) -> dict[int, int]:
        if source not in self.cache:
            groups = self.groups
            scores = self.score_fn(groups[source].profile)
            order = [j for j in sorted(range(len(groups)), key=lambda j: (-scores[j], groups[j].ssyk, groups[j].id))
                     if j != source]
            self.cache[source] = {j: r + 1 for r, j in enumerate(order)}
        return self.cache[source]


def evaluate(groups, pairs, score_fn, partial):
    ranks = Ranks(groups, score_fn)
    pair_ranks = [ranks(s)[t] for s, t in pairs]
    group_pairs = sorted(set(pairs))
    group_ranks = [ranks(s)[t] for s, t in group_pairs]
    sib = []
    for i, g in enumerate(groups):
        siblings = [j for j, o in enumerate(groups) if j != i and o.ssyk[:3] == g.ssyk[:3]]
        if siblings and g.profile:
            sib.append(1.0 / min(ranks(i)[j] for j in siblings))
    selfs = {}
    for k, queries in partial.items():
        rr = []
        for i, have in queries:
            scores = score_fn(have)
            rr.append(1.0 / (1 + sum(1 for j, x in enumerate(scores) if x > scores[i])))
        selfs[k] = sum(rr) / len(rr)
    return {
        "MRR": sum(1.0 / r for r in pair_ranks) / len(pair_ranks),
        "R@10": sum(r <= 10 for r in pair_ranks) / len(pair_ranks),
        "gMRR": sum(1.0 / r for r in group_ranks) / len(group_ranks),
        "gR@10": sum(r <= 10 for r in group_ranks) / len(group_ranks),
        "sib": sum(sib) / len(sib),
        **{f"self@{k}": v for k, v in selfs.items()},
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobtech", default=str(Path(__file__).resolve().parents[2] / "shared" / "jobtech"))
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args(argv)
    root = Path(args.jobtech)

    catalog = catalog_from_jobtech(root)
    engine_index = build_index(catalog)
    groups = engine_index.groups
    position = {g.ssyk: i for i, g in enumerate(groups)}
    pairs = expert_pairs(root, position)
    rng = random.Random(args.seed)
    partial = {k: [(i, frozenset(rng.sample(sorted(g.profile), k))) for i, g in enumerate(groups) if len(g.profile) > k]
               for k in (3, 5)}

    # the engine's own ranking agrees with match_components (what the rows below use)
    sample = groups[position["8332"]].profile
    scores = match_components(engine_index, sample)[0]
    assert [t.group_id for t in rank_targets(catalog, sample)][:20] == \
        [groups[j].id for j in sorted(range(len(groups)), key=lambda j: (-scores[j], groups[j].ssyk, groups[j].id))][:20]

    no_kinds = build_index(catalog, kinds=False)
    cosine = build_index(catalog, length_exponent=1.0)
    plain = build_index(catalog, kinds=False, length_exponent=1.0)
    rows = [
        ("reference: plain TF-IDF cosine", tfidf_scorer(groups)),
        ("engine (specificity x kind, pivoted)", lambda h: match_components(engine_index, h)[0]),
        ("  without kind evidence", lambda h: match_components(no_kinds, h)[0]),
        ("  without length normalisation (cosine)", lambda h: match_components(cosine, h)[0]),
        ("  specificity only (IDF cosine)", lambda h: match_components(plain, h)[0]),
        ("  previous engine (IDF cosine + family 0.5)", lambda h: match_components(plain, h, 0.0, 0.5)[0]),
        ("  engine + family 0.5", lambda h: match_components(engine_index, h, MATCH_ALPHA, 0.5)[0]),
    ]
    plain_norm = build_index(catalog, plain_idf, kinds=False)
    rows.append(("  engine with idf ln(N/df), no kinds", lambda h: match_components(
        plain_norm, h, MATCH_ALPHA, FAMILY_WEIGHT, length_norms(plain_norm.norm, 0.5))[0]))

    kinds = Counter(skill.kind for skill in catalog.skills.values())
    print(f"taxonomy: {len(groups)} groups, {len(catalog.skills)} skills; skill kinds: "
          + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())))
    print(f"expert judgements (dev half): {len(pairs)} high-rated cross-group occupation-name pairs, "
          f"{len(set(pairs))} distinct group pairs, {len({s for s, _ in pairs})} source groups")
    head = f"{'ranking':44s} {'MRR':>6s} {'R@10':>6s} {'grpMRR':>7s} {'grpR@10':>7s} {'sibMRR':>7s} {'self@3':>7s} {'self@5':>7s}"
    print(head)
    results = {}
    for name, fn in rows:
        m = results[name] = evaluate(groups, pairs, fn, partial)
        print(f"{name:44s} {m['MRR']:6.3f} {m['R@10']:6.3f} {m['gMRR']:7.3f} {m['gR@10']:7.3f} {m['sib']:7.3f} "
              f"{m['self@3']:7.3f} {m['self@5']:7.3f}")
    # stability: the same two rows on two halves of the source groups (split by a hash of the group id)
    import zlib
    for half in (0, 1):
        part = [(s, t) for s, t in pairs if zlib.crc32(groups[s].id.encode()) % 2 == half]
        figures = [evaluate(groups, part, fn, {3: partial[3][:1], 5: partial[5][:1]}) for _, fn in rows[:2]]
        print(f"  source-group half {half} ({len(part)} pairs, {len({s for s, _ in part})} groups): "
              f"TF-IDF MRR {figures[0]['MRR']:.3f} R@10 {figures[0]['R@10']:.3f}; "
              f"engine MRR {figures[1]['MRR']:.3f} R@10 {figures[1]['R@10']:.3f}")
    ref, eng = results[rows[0][0]], results[rows[1][0]]
    print(f"engine vs TF-IDF on the dev half: MRR {eng['MRR']:.3f} vs {ref['MRR']:.3f}, "
          f"recall@10 {eng['R@10']:.3f} vs {ref['R@10']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
