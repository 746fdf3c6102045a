"""In-process server time of the heavy pages (prints figures, asserts nothing).

    .venv/bin/python benchmarks/render.py [--repeat 40]

For each heavy page: the median time of one request through the app (Flask's test client, no
network), measured three ways —
- warm: the page asked again for the same profile (the per-profile work is kept, app/memo.py);
- cold: the per-profile work dropped before every request, as on the first view after any
  answer changes (ranking, gap, routes, money and their wording all done again);
- and how cold time grows with the catalogue and the profile: the curated catalogue alone
  (46 groups) vs the full JobTech taxonomy (400 groups, 6,657 skills), with 5, 10, 20 and 40
  competences ticked.
CPU time of this process (time.process_time), so other work on the machine counts less.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
PAGES = {"results": "/inventera/resultat", "occupation": "/besluta/yrke/{ssyk}",
         "compare": "/besluta/yrke/{ssyk}/jamfor", "decision basis": "/besluta/underlag",
         "question page": "/inventera/fraga/interests", "start page": "/"}


def _database(full: bool) -> str:
    from sqlmodel import Session

    from app.content.load import load_curated
    from app.content.loaders import CONTENT_DIR, check
    from app.db import make_engine, upgrade
    from tests.conftest import load_catalogue

    url = f"sqlite:///{tempfile.mkdtemp()}/render.sqlite3"
    if full:
        load_catalogue(url)
        return url
    upgrade(url)
    engine = make_engine(url)
    content, _problems = check(CONTENT_DIR)
    with Session(engine) as session:
        load_curated(session, content)
    engine.dispose()
    return url


def _client(url: str, competences: int):
    from app import create_app, memo
    from app.config import Config
    from benchmarks.profile import build

    app = create_app(replace(Config(), SECRET_KEY="render-" + "x" * 30, DATABASE_URL=url, RATELIMIT_STORAGE_URI="memory://"))
    profile = build(app, competences=competences)
    client = app.test_client()
    name, value = profile.cookie.split("=", 1)
    client.set_cookie(name, value)
    return client, profile, memo


def _median_ms(client, path: str, repeat: int, before=None) -> float:
    client.get(path)                                   # the read model and templates loaded once
    times = []
    for _ in range(repeat):
        if before:
            before()
        start = time.process_time()
        response = client.get(path)
        times.append(time.process_time() - start)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(times) * 1000


def _pdf(repeat: int) -> None:
    """A 30-step plan's PDF: made anew (the PDF cache emptied first) and downloaded again."""
    from datetime import timedelta

    from flask import session

    from app import create_app, pdfs
    from app.config import Config
    from app.db import upgrade
    from app.engine.plan import PlanStep
    from app.plans import store
    from tests.test_sharing import sample_plan

    url = f"sqlite:///{tempfile.mkdtemp()}/pdf.sqlite3"
    upgrade(url)
    app = create_app(replace(Config(), SECRET_KEY="render-" + "x" * 30, DATABASE_URL=url,
                             RATELIMIT_STORAGE_URI="memory://", RATELIMIT_PDF="10000/hour", RATELIMIT_PDF_ALL="10000/hour"))
    base = sample_plan()
    steps = list(base.steps) + [PlanStep(id=f"own-{i}", kind="own", key="own", label=f"Steg {i}: ring skolan och fråga om antagningen",
                                         with_whom="person", start=base.start + timedelta(days=7 * i),
                                         finish=base.start + timedelta(days=7 * i)) for i in range(1, 31 - len(base.steps))]
    plan = replace(base, steps=tuple(steps))
    with app.test_request_context():
        row = store.get_or_create_plan()
        store.save_answers(row, "besluta.plan", dict(plan.to_dict(), user_notes={}))
        cookie = app.session_interface.get_signing_serializer(app).dumps(dict(session))
    client = app.test_client()
    client.set_cookie(app.config.get("SESSION_COOKIE_NAME", "session"), cookie)
    client.get("/agera/plan.pdf")                                 # fonts and stylesheet loaded once
    made, again = [], []
    for _ in range(repeat):
        pdfs.CACHE.clear()
        start = time.perf_counter()
        response = client.get("/agera/plan.pdf")
        made.append(time.perf_counter() - start)
        assert response.status_code == 200 and response.data[:4] == b"%PDF", response.status_code
        start = time.perf_counter()
        client.get("/agera/plan.pdf")
        again.append(time.perf_counter() - start)
    print(f"PDF of a {len(plan.steps)}-step plan: made anew median {statistics.median(made) * 1000:.0f} ms "
          f"(max {max(made) * 1000:.0f} ms), downloaded again (from the cache) median {statistics.median(again) * 1000:.1f} ms "
          f"(wall time, {repeat} times)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=40)
    args = ap.parse_args()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    _pdf(max(5, args.repeat // 4))
    print()
    full_url, curated_url = _database(True), _database(False)

    client, profile, memo = _client(full_url, 20)
    print("Full taxonomy, 20 competences, 3 targets: median ms per request (CPU time)")
    print(f"{'page':16} {'warm':>7} {'cold':>7}")
    for name, path in PAGES.items():
        path = path.format(ssyk=profile.chosen)
        warm = _median_ms(client, path, args.repeat)
        cold = _median_ms(client, path, max(10, args.repeat // 4), before=memo.clear)
        print(f"{name:16} {warm:7.2f} {cold:7.2f}")

    print()
    print("Cold ms by catalogue and competences ticked (results / decision basis)")
    print(f"{'catalogue':22} {'competences':>11} {'results':>8} {'basis':>8}")
    for label, url, counts in (("curated (46 groups)", curated_url, (5, 10)),
                               ("full (400 groups)", full_url, (5, 10, 20, 40))):
        for n in counts:
            try:
                client, profile, memo = _client(url, n)
            except AssertionError as err:                 # fewer competences proposed than asked
                print(f"{label:22} {n:11d}   ({err})")
                continue
            res = _median_ms(client, PAGES["results"], 10, before=memo.clear)
            basis = _median_ms(client, PAGES["decision basis"], 10, before=memo.clear)
            print(f"{label:22} {n:11d} {res:8.2f} {basis:8.2f}")


if __name__ == "__main__":
    main()
