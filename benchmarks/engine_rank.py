"""Time the engine's ranking of all occupation groups (prints figures; not a test).

For random 50-skill profiles (fixed seed, skills drawn from the skills that appear in group
profiles) it times ``rank_targets`` on the full taxonomy and, in the same run and on the
same profiles, a plain TF-IDF cosine ranking implemented here as the reference: group
profiles, idf and norms precomputed once, then per ranking a dot product with every group
and a sort (two plain versions are timed; the faster one is the reference). The reference only returns (group id, score) pairs; the engine returns full ``Target``
values (have, missing, explanation) for all groups.

Run: .venv/bin/python benchmarks/engine_rank.py [--jobtech ../shared/jobtech] [--rankings 200]
"""
from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.content.importers.jobtech import catalog_from_jobtech  # noqa: E402
from app.engine import Catalog, rank_targets  # noqa: E402


class TfidfCosineReference:
    """Plain TF-IDF cosine ranking: binary tf, idf = ln(N / df).

    ``rank`` intersects the person's skill set with each group's profile (C-level set
    intersection; the fastest plain version we found). ``rank_dict_loop`` is the textbook
    sparse dot product over the person's vector, for comparison.
    """

    def __init__(self, catalog: Catalog):
        groups = list(catalog.groups.values())
        df: dict[str, int] = {}
        for group in groups:
            for skill_id in group.profile:
                df[skill_id] = df.get(skill_id, 0) + 1
        n = len(groups)
        self.idf = {s: math.log(n / d) for s, d in df.items()}
        self.groups = [(g.id, {s: self.idf[s] for s in g.profile}) for g in groups]
        self.norms = [math.sqrt(sum(w * w for w in vec.values())) for _, vec in self.groups]

        self.idf2 = {s: w * w for s, w in self.idf.items()}
        self.profiles = [(g.id, g.profile, norm) for g, norm in zip(groups, self.norms)]

    def rank(self, have) -> list[tuple[str, float]]:
        have = frozenset(have)
        idf2 = self.idf2
        have_norm = math.sqrt(sum(idf2[s] for s in have if s in idf2)) or 1.0
        scored = [(group_id, sum(idf2[s] for s in profile & have) / (norm * have_norm) if norm else 0.0)
                  for group_id, profile, norm in self.profiles]
        scored.sort(key=lambda item: -item[1])
        return scored

    def rank_dict_loop(self, have) -> list[tuple[str, float]]:
        have_vec = {s: self.idf[s] for s in have if s in self.idf}
        have_norm = math.sqrt(sum(w * w for w in have_vec.values())) or 1.0
        scored = []
        for (group_id, vec), norm in zip(self.groups, self.norms):
            dot = 0.0
            for skill_id, w in have_vec.items():
                v = vec.get(skill_id)
                if v is not None:
                    dot += w * v
            scored.append((group_id, dot / (norm * have_norm) if norm else 0.0))
        scored.sort(key=lambda item: -item[1])
        return scored


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _time(fn, profiles) -> list[float]:
    times = []
    for have in profiles:
        start = time.perf_counter()
        fn(have)
        times.append(time.perf_counter() - start)
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobtech", default=str(Path(__file__).resolve().parents[2] / "shared" / "jobtech"))
    parser.add_argument("--rankings", type=int, default=200)
    parser.add_argument("--skills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    catalog = catalog_from_jobtech(args.jobtech)
    load = time.perf_counter() - start
    start = time.perf_counter()
    rank_targets(catalog, set())          # builds the cached index
    index_build = time.perf_counter() - start
    reference = TfidfCosineReference(catalog)

    pool = sorted({s for g in catalog.groups.values() for s in g.profile})
    rng = random.Random(args.seed)
    profiles = [frozenset(rng.sample(pool, args.skills)) for _ in range(args.rankings)]

    # warm-up, then interleave the two so both see the same machine state
    for have in profiles[:10]:
        rank_targets(catalog, have)
        reference.rank(have)
        reference.rank_dict_loop(have)
    engine_times: list[float] = []
    reference_times: list[float] = []
    loop_times: list[float] = []
    for chunk in range(0, len(profiles), 20):
        part = profiles[chunk:chunk + 20]
        engine_times += _time(lambda h: rank_targets(catalog, h), part)
        reference_times += _time(reference.rank, part)
        loop_times += _time(reference.rank_dict_loop, part)

    # the reference agrees with itself (sanity check of the two implementations)
    a, b = reference.rank(profiles[0]), reference.rank_dict_loop(profiles[0])
    assert all(abs(x[1] - y[1]) < 1e-9 for x, y in zip(sorted(a), sorted(b)))

    results = rank_targets(catalog, profiles[0])
    print(f"taxonomy: {len(catalog.groups)} groups, {len(catalog.skills)} skills; "
          f"{args.rankings} rankings of {args.skills}-skill profiles (seed {args.seed}); "
          f"each ranking returns all {len(results)} groups")
    print(f"catalog load {load * 1000:.0f} ms, index build {index_build * 1000:.1f} ms (once per catalog)")
    rows = (("engine rank_targets", engine_times),
            ("reference TF-IDF cosine", reference_times),
            ("  (same, dict-loop version)", loop_times))
    for name, times in rows:
        print(f"{name:28s} median {statistics.median(times) * 1000:6.2f} ms   p95 {_percentile(times, 0.95) * 1000:6.2f} ms")
    ratio = statistics.median(engine_times) / statistics.median(reference_times)
    print(f"engine/reference median ratio {ratio:.2f} ({'engine faster' if ratio < 1 else 'engine SLOWER'}; "
          f"reference = the faster set-intersection version)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
