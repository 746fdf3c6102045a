"""Search latency on the full JobTech taxonomy: p50/p95/p99 over realistic queries.

Usage: .venv/bin/python benchmarks/search_latency.py [JOBTECH_DIR] [--rounds N]

Imports the exports (default ../shared/jobtech beside the checkout) and the curated content
into a throwaway SQLite database, builds the search index once, then times each query.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

QUERIES = [
    "underskoterska", "Undersköterska", "undersköterka", "lastbilschaufför", "lastbilsförare", "truckforare",
    "snickare", "snickre", "städ", "städare", "lokalvårdare", "kock", "elektrikr", "elektriker",
    "barnskötare", "personlig assistent", "personlig assistant", "sjukskoterska", "sjuksköt", "svetsare",
    "busschaufför", "lagerarbetare", "butiksbiträde", "kassabiträde", "målare", "rörmokare", "vvs", "bagare",
    "konditor", "frisör", "taxichaufför", "vårdbiträde", "förskollärare", "programmerare", "it-tekniker",
    "servitör", "diskare", "restaurangbiträde", "skötare", "tandsköterska", "fastighetsskötare", "lastbil",
    "plattsättare", "murare", "betongarbetare", "bilmekaniker", "elevassistent", "förare", "ingenjör",
    "lärare", "sjuk", "bygg", "chef", "truck", "svets", "kundtjänst", "säljare", "ekonom", "redovisning",
    "hemtjänst", "äldreboende", "körkort", "excel", "java", "lokförare", "sjukskötersk", "mekanikr",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("jobtech", nargs="?", default=str(REPO.parent / "shared" / "jobtech"))
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    from sqlmodel import Session

    from app.content.importers.jobtech import import_jobtech
    from app.content.load import load_curated
    from app.content.loaders import check
    from app.content.search import get_index, search
    from app.db import make_engine, upgrade

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        upgrade(url)
        engine = make_engine(url)
        with Session(engine) as session:
            content, _ = check()
            started = time.perf_counter()
            load_curated(session, content)
            loaded = time.perf_counter() - started
            report = import_jobtech(session, args.jobtech)
            started = time.perf_counter()
            index = get_index(session)
            built = time.perf_counter() - started
            timings = []
            for _ in range(args.rounds):
                for query in QUERIES:
                    t0 = time.perf_counter()
                    search(session, query)
                    timings.append((time.perf_counter() - t0) * 1000)
        engine.dispose()

    timings.sort()

    def pct(p: float) -> float:
        return timings[min(len(timings) - 1, int(round(p / 100 * (len(timings) - 1))))]

    print(f"curated load {loaded:.2f} s; JobTech import {report.seconds:.2f} s; "
          f"index of {len(index)} entries built in {built * 1000:.0f} ms")
    print(f"{len(QUERIES)} queries x {args.rounds} rounds = {len(timings)} searches (incl. version check)")
    print(f"p50 {pct(50):.2f} ms   p95 {pct(95):.2f} ms   p99 {pct(99):.2f} ms   "
          f"max {timings[-1]:.2f} ms   mean {statistics.fmean(timings):.2f} ms")


if __name__ == "__main__":
    main()
