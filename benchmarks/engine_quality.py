"""Offline ranking-quality evaluation of the engine's match score (prints figures; not a test).

Proxy for the expert reference of related occupations: for every SSYK level-4 group G that
has siblings, take G's whole profile as what a person has, rank all groups, drop G itself,
and look at where G's siblings in the same SSYK level-3 group (first 3 digits) land.

Figures per scoring formula:
  self@1     share of groups ranked first for their own profile
  MRR        mean reciprocal rank of the best-ranked sibling
  R@10       mean share of siblings found in the top 10 (excluding G)
  MAP        mean average precision of the siblings
  L2@20      mean share of the same-SSYK-level-2 groups *outside* G's level-3 family found
             in the top 20 (capped at 20) - a check the family term cannot game
  kw@20      a second proxy: for groups whose occupation names share a search keyword
             (keyword-concepts-with-relations.json) with groups of *other* families, the
             mean share of those groups in the top 20
  small@10   mean number of "small" groups (profile < 15 skills) that are not siblings
             but appear in the top 10 (small profiles floating up)

Run: .venv/bin/python benchmarks/engine_quality.py [--jobtech ../shared/jobtech]
"""
from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.content.importers.jobtech import catalog_from_jobtech  # noqa: E402
from app.engine.gap import FAMILY_WEIGHT, MATCH_ALPHA, match_components  # noqa: E402
from app.engine.index import build_index, default_idf  # noqa: E402

SMALL = 15


def plain_idf(df: int, n_groups: int) -> float:
    return math.log(n_groups / df) if df else math.log(n_groups)


def tfidf_cosine_scores(groups, vectors, norms, idf, have):
    """Reference: plain TF-IDF cosine (binary tf, idf = ln(N/df)), group by group."""
    have_vec = {s: idf[s] for s in have if s in idf}
    have_norm = math.sqrt(sum(w * w for w in have_vec.values())) or 1.0
    scores = []
    for g, vec, norm in zip(groups, vectors, norms):
        dot = sum(w * vec[s] for s, w in have_vec.items() if s in vec)
        scores.append(dot / (norm * have_norm) if norm else 0.0)
    return scores


def evaluate(groups, score_fn):
    n = len(groups)
    self_first = mrr = recall = ap_sum = small_sum = 0.0
    evaluated = 0
    l2_recall: list[float] = []
    for gi, group in enumerate(groups):
        siblings = {j for j, other in enumerate(groups) if j != gi and other.ssyk[:3] == group.ssyk[:3]}
        scores = score_fn(group.profile)
        order = sorted(range(n), key=lambda j: (-scores[j], groups[j].ssyk, groups[j].id))
        if not siblings or not group.profile:
            continue
        evaluated += 1
        self_first += order[0] == gi
        rest = [j for j in order if j != gi]
        ranks = [r + 1 for r, j in enumerate(rest) if j in siblings]
        mrr += 1.0 / ranks[0]
        recall += sum(1 for r in ranks if r <= 10) / len(siblings)
        ap_sum += sum((k + 1) / r for k, r in enumerate(ranks)) / len(siblings)
        small_sum += sum(1 for j in rest[:10] if j not in siblings and len(groups[j].profile) < SMALL)
        cousins = {j for j, other in enumerate(groups)
                   if other.ssyk[:2] == group.ssyk[:2] and other.ssyk[:3] != group.ssyk[:3]}
        if cousins:
            l2_recall.append(sum(1 for j in rest[:20] if j in cousins) / min(20, len(cousins)))
    return {
        "groups": evaluated,
        "self@1": self_first / evaluated,
        "MRR": mrr / evaluated,
        "R@10": recall / evaluated,
        "MAP": ap_sum / evaluated,
        "small@10": small_sum / evaluated,
        "L2@20": sum(l2_recall) / len(l2_recall),
    }


def keyword_pairs(jobtech: Path, groups) -> dict[int, set[int]]:
    """A second, independent proxy: groups whose occupation names share a search keyword
    (keyword-concepts-with-relations.json, keywords linking 2-8 groups), across families only."""
    import json

    def concepts(name):
        with open(jobtech / name, encoding="utf-8") as handle:
            return json.load(handle)["data"]["concepts"]

    occupation_group: dict[str, str] = {}

    def walk(concept, code=None):
        if concept.get("type") == "ssyk-level-4":
            code = concept.get("ssyk_code_2012")
        if concept.get("type") == "occupation-name":
            occupation_group[concept["id"]] = code
        for child in concept.get("narrower") or ():
            walk(child, code)

    for concept in concepts("the-ssyk-hierarchy-with-occupations.json"):
        walk(concept)
    position = {g.ssyk: i for i, g in enumerate(groups)}
    related: dict[int, set[int]] = {}
    for keyword in concepts("keyword-concepts-with-relations.json"):
        codes = sorted({occupation_group.get(r["id"]) for r in keyword.get("related") or ()
                        if r.get("type") == "occupation-name"} - {None})
        if not 2 <= len(codes) <= 8:
            continue
        for a in codes:
            for b in codes:
                if a[:3] != b[:3] and a in position and b in position:
                    related.setdefault(position[a], set()).add(position[b])
    return related


def evaluate_pairs(groups, related, score_fn, k=20):
    recall = []
    for gi, others in sorted(related.items()):
        scores = score_fn(groups[gi].profile)
        order = [j for j in sorted(range(len(groups)), key=lambda j: (-scores[j], groups[j].ssyk)) if j != gi]
        recall.append(len(others & set(order[:k])) / len(others))
    return sum(recall) / len(recall), len(recall)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobtech", default=str(Path(__file__).resolve().parents[2] / "shared" / "jobtech"))
    parser.add_argument("--alphas", default="0,0.25,0.5,1", help="coverage weights (MATCH_ALPHA) to compare")
    args = parser.parse_args(argv)

    catalog = catalog_from_jobtech(args.jobtech)
    index = build_index(catalog, default_idf)
    plain_index = build_index(catalog, plain_idf)
    groups = index.groups

    ref_idf = dict(plain_index.weight)
    vectors = [{s: ref_idf[s] for s in g.profile} for g in groups]
    norms = [math.sqrt(sum(w * w for w in v.values())) for v in vectors]

    rows = [("reference: plain TF-IDF cosine", lambda have: tfidf_cosine_scores(groups, vectors, norms, ref_idf, have))]
    for fam in (0.0, FAMILY_WEIGHT):
        for alpha in (float(a) for a in args.alphas.split(",")):
            tag = " *engine*" if (alpha, fam) == (MATCH_ALPHA, FAMILY_WEIGHT) else ""
            rows.append((f"alpha={alpha:g} family={fam:g}{tag}",
                         lambda have, a=alpha, f=fam: match_components(index, have, a, f)[0]))
    unweighted = build_index(catalog, lambda df, n: 1.0)
    rows.append((f"no idf (w=1), alpha={MATCH_ALPHA:g} family={FAMILY_WEIGHT:g}",
                 lambda have: match_components(unweighted, have)[0]))
    rows.append((f"idf ln(N/df), alpha={MATCH_ALPHA:g} family={FAMILY_WEIGHT:g}",
                 lambda have: match_components(plain_index, have)[0]))

    kinds = Counter(skill.kind for skill in catalog.skills.values())
    print(f"taxonomy: {len(groups)} groups, {len(catalog.skills)} skills; proxy = same SSYK level-3 siblings")
    print("skill kinds: " + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())))
    print(f"{'formula':44s} {'groups':>6s} {'self@1':>7s} {'MRR':>6s} {'R@10':>6s} {'MAP':>6s} {'L2@20':>6s} {'small@10':>8s} {'kw@20':>6s}")
    related = keyword_pairs(Path(args.jobtech), groups)
    for name, fn in rows:
        m = evaluate(groups, fn)
        kw, n_kw = evaluate_pairs(groups, related, fn)
        print(f"{name:44s} {m['groups']:6d} {m['self@1']:7.3f} {m['MRR']:6.3f} {m['R@10']:6.3f} {m['MAP']:6.3f} "
              f"{m['L2@20']:6.3f} {m['small@10']:8.2f} {kw:6.3f}")
    print(f"kw@20: {n_kw} groups whose occupation names share a search keyword with groups of other families")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
